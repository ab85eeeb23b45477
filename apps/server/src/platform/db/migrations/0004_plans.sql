-- Annual communication plans and their targets, one plan per unit and year (1191/BHXH-TT, introduction and §V).

CREATE TABLE plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  -- The guidance whose theme and audience codes the targets use.
  guidance_year integer NOT NULL REFERENCES guidance_years (year),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  notes text CHECK (length(notes) <= 5000),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
  submitted_by uuid REFERENCES users (id),
  submitted_at timestamptz,
  approved_by uuid REFERENCES users (id),
  approved_at timestamptz,
  -- The last return, kept after resubmission so the reviewer sees what was asked.
  returned_by uuid REFERENCES users (id),
  returned_at timestamptz,
  returned_reason text CHECK (length(returned_reason) <= 2000),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (loa_fold(title || ' ' || coalesce(notes, ''))) STORED,
  UNIQUE (org_unit_id, year),
  CHECK (status <> 'returned' OR returned_reason IS NOT NULL),
  CHECK (status NOT IN ('submitted', 'approved') OR submitted_at IS NOT NULL),
  CHECK (status <> 'approved' OR approved_at IS NOT NULL)
);
CREATE INDEX plans_year ON plans (year);
CREATE INDEX plans_guidance_year ON plans (guidance_year);
CREATE INDEX plans_search ON plans USING gin (search_text gin_trgm_ops);

-- One row per metric, period, theme and audience; a null theme or audience means "all of them".
CREATE TABLE plan_targets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  metric text NOT NULL CHECK (
    metric IN ('products', 'events', 'people_reached', 'voluntary_participants', 'household_bhyt_participants', 'budget_vnd')
  ),
  period text NOT NULL CHECK (period ~ '^(year|Q[1-4]|M(0[1-9]|1[0-2]))$'),
  theme_code text CHECK (length(theme_code) BETWEEN 1 AND 20),
  audience_code text CHECK (length(audience_code) BETWEEN 1 AND 20),
  -- Counts, or whole đồng for budget_vnd; at most 10^13 so that sums over the whole tree stay exact in JSON.
  value bigint NOT NULL CHECK (value BETWEEN 0 AND 10000000000000),
  note text CHECK (length(note) <= 500),
  sort_order integer NOT NULL,
  CONSTRAINT plan_targets_key UNIQUE NULLS NOT DISTINCT (plan_id, metric, period, theme_code, audience_code)
);
