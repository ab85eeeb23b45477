-- Content proposals (1191/BHXH-TT §V.1.a): units propose monthly, thematic and emerging content to the
-- Communication Center, which accepts (a calendar item), merges or declines them.

CREATE TABLE proposals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('monthly', 'thematic', 'emerging')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
  -- The guidance catalog whose codes the proposal uses; the service checks every code exists in it.
  guidance_year integer NOT NULL REFERENCES guidance_years (year),
  theme_codes text[] NOT NULL CHECK (cardinality(theme_codes) BETWEEN 1 AND 30),
  audience_codes text[] NOT NULL DEFAULT '{}' CHECK (cardinality(audience_codes) <= 30),
  form_codes text[] NOT NULL DEFAULT '{}' CHECK (cardinality(form_codes) <= 30),
  channel_codes text[] NOT NULL DEFAULT '{}' CHECK (cardinality(channel_codes) <= 30),
  period_from date NOT NULL,
  period_to date NOT NULL,
  regulation_id uuid REFERENCES regulations (id) ON DELETE SET NULL,
  -- The proposing unit; who sees the proposal follows its place in the org tree.
  owner_unit_id uuid NOT NULL REFERENCES org_units (id),
  proposer_id uuid REFERENCES users (id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'accepted', 'merged', 'declined', 'withdrawn')),
  -- The reason of a decline (required), or the Communication Center's note on an acceptance or a merge.
  decision_note text CHECK (length(decision_note) BETWEEN 1 AND 2000),
  decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
  decided_at timestamptz,
  merged_into_id uuid REFERENCES proposals (id),
  -- The calendar item an accepted proposal became; a deleted item leaves the proposal accepted.
  calendar_item_id uuid REFERENCES calendar_items (id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (loa_fold(title || ' ' || description)) STORED,
  CHECK (period_to >= period_from),
  CHECK ((status = 'merged') = (merged_into_id IS NOT NULL)),
  CHECK (merged_into_id <> id),
  CHECK (status <> 'declined' OR decision_note IS NOT NULL),
  CHECK ((status IN ('accepted', 'merged', 'declined')) = (decided_at IS NOT NULL))
);
CREATE INDEX proposals_owner_unit ON proposals (owner_unit_id, period_from);
CREATE INDEX proposals_status ON proposals (status, created_at);
CREATE INDEX proposals_period ON proposals (period_from, period_to);
CREATE INDEX proposals_proposer ON proposals (proposer_id) WHERE proposer_id IS NOT NULL;
CREATE INDEX proposals_merged_into ON proposals (merged_into_id) WHERE merged_into_id IS NOT NULL;
CREATE INDEX proposals_themes ON proposals USING gin (theme_codes);
CREATE INDEX proposals_search ON proposals USING gin (search_text gin_trgm_ops);

-- The calendar (0005) keeps the proposal an item came from; proposals exist only from here on.
ALTER TABLE calendar_items
  ADD CONSTRAINT calendar_items_proposal_fk FOREIGN KEY (proposal_id) REFERENCES proposals (id) ON DELETE SET NULL;
