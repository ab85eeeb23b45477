-- Day-grain dashboard rollups (decision 0042): for the root and its direct children only (provinces and central
-- units: the units whose subtree is the nation or a large part of it), per figure, per unit's SUBTREE and per Vietnam
-- day, the figure by breakdown key. A period's partial edge months are read from these cells instead of the records
-- when the scope (or, for the root's children view, each child) has them. They are kept with the monthly cells of
-- 0036: the same marks, the same refresh (a marked month recomputes that month's day cells of the marked units'
-- ancestors of depth 1 and 2), the same rebuild; a dirty month is still read directly.
CREATE TABLE dashboard_rollup_days (
  figure text NOT NULL,
  unit_id uuid NOT NULL REFERENCES org_units (id) ON DELETE CASCADE,
  day date NOT NULL,
  key text NOT NULL,
  value bigint NOT NULL,
  PRIMARY KEY (figure, unit_id, day, key)
);

-- Rollups built before this migration have no day cells: the dashboard aggregates directly until the refresh job has
-- rebuilt them (the same path as after a unit moved in the tree).
UPDATE dashboard_rollup_state SET stale = true WHERE built_at IS NOT NULL;
