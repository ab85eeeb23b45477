-- Dashboard rollups (issue 9 §6, decision 0042): per figure, per unit's SUBTREE and per Vietnam calendar month, the
-- figure by breakdown key — exactly what the direct aggregation of decision 0041 gives for that unit and that whole
-- month. Triggers on the source tables record which (source, record's own unit, month) cells changed; the job
-- `dashboard.rollups-refresh` recomputes the cells of those units and their ancestors, and the dashboard reads a
-- month directly while one of its cells in the scope is still dirty, so it is never stale.
CREATE TABLE dashboard_rollups (
  figure text NOT NULL,
  unit_id uuid NOT NULL REFERENCES org_units (id) ON DELETE CASCADE,
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  key text NOT NULL,
  value bigint NOT NULL,
  PRIMARY KEY (figure, unit_id, month, key)
);

-- Cells changed since their last refresh: the source family, the path of the record's own unit (its ancestors are
-- the units whose path is a prefix of it, even if the unit is deleted before the refresh), the month's first day. No
-- unique key on purpose: a refresh deletes the rows it read (by id), so a change committed while it runs keeps its own
-- row and is refreshed next time.
CREATE TABLE dashboard_rollup_dirty (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source text NOT NULL CHECK (source IN ('products', 'publications', 'events', 'expenditures', 'incidents')),
  unit_path text NOT NULL,
  month date NOT NULL
);
CREATE INDEX dashboard_rollup_dirty_month ON dashboard_rollup_dirty (month, source);

-- One row: when the rollups were last fully built (NULL: never — the dashboard aggregates directly until then) and
-- whether a unit moved in the tree since (subtree sums are then wrong until the next rebuild).
CREATE TABLE dashboard_rollup_state (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  built_at timestamptz,
  stale boolean NOT NULL DEFAULT false
);
INSERT INTO dashboard_rollup_state (id) VALUES (true);

CREATE FUNCTION dashboard_vn_month(at timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT date_trunc('month', at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date $$;

-- Statement-level triggers with transition tables: one insert of the distinct cells per statement, old and new rows
-- (a record moved to another unit or month dirties both cells).
CREATE FUNCTION dashboard_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  source text := TG_ARGV[0];
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE format('INSERT INTO dashboard_rollup_dirty (source, unit_path, month)
       SELECT DISTINCT %L, u.path, c.month FROM (%s) c JOIN org_units u ON u.id = c.unit_id',
      source, replace(TG_ARGV[1], '$rows', 'new_rows'));
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    EXECUTE format('INSERT INTO dashboard_rollup_dirty (source, unit_path, month)
       SELECT DISTINCT %L, u.path, c.month FROM (%s) c JOIN org_units u ON u.id = c.unit_id',
      source, replace(TG_ARGV[1], '$rows', 'old_rows'));
  END IF;
  RETURN NULL;
END $$;

-- Each table: the SQL giving (unit_id, month) of the rows of `$rows` (the transition table).
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('products', 'products', 'SELECT owner_unit_id AS unit_id, dashboard_vn_month(created_at) AS month FROM $rows'),
    ('publications', 'publications', 'SELECT org_unit_id AS unit_id, dashboard_vn_month(published_at) AS month FROM $rows'),
    ('publication_metrics', 'publications',
     'SELECT p.org_unit_id AS unit_id, dashboard_vn_month(p.published_at) AS month FROM $rows r JOIN publications p ON p.id = r.publication_id'),
    ('events', 'events', 'SELECT org_unit_id AS unit_id, dashboard_vn_month(starts_at) AS month FROM $rows'),
    ('event_check_ins', 'events',
     'SELECT e.org_unit_id AS unit_id, dashboard_vn_month(e.starts_at) AS month FROM $rows r JOIN events e ON e.id = r.event_id'),
    ('budget_expenditures', 'expenditures', 'SELECT unit_id, date_trunc(''month'', spent_on)::date AS month FROM $rows'),
    ('incidents', 'incidents', 'SELECT owning_unit_id AS unit_id, dashboard_vn_month(opened_at) AS month FROM $rows')
  ) AS v(tbl, source, cells) LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_dirty(%L, %L)',
                   t.tbl || '_dashboard_ins', t.tbl, t.source, t.cells);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_dirty(%L, %L)',
                   t.tbl || '_dashboard_upd', t.tbl, t.source, t.cells);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_dirty(%L, %L)',
                   t.tbl || '_dashboard_del', t.tbl, t.source, t.cells);
  END LOOP;
END $$;

-- A unit moved in the tree: every subtree sum above it may be wrong; the dashboard aggregates directly until the
-- refresh job has rebuilt the rollups.
CREATE FUNCTION dashboard_tree_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE dashboard_rollup_state SET stale = true WHERE NOT stale;
  RETURN NULL;
END $$;
CREATE TRIGGER org_units_dashboard_moved AFTER UPDATE OF path ON org_units
  FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION dashboard_tree_moved();
