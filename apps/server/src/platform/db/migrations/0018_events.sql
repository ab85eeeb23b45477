-- Direct communication events (1191/BHXH-TT §III.2, §III.6) and the epidemic rule (§III "Lưu ý"): direct forms
-- only when the competent authority has declared the epidemic over. A restriction blocks direct forms in a unit's
-- territory (inherited by its subtree) for a period; a leader may still go ahead with a written reason.

CREATE TABLE restrictions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The restricted area: this unit's territory and every unit below it.
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  -- Inclusive days of Vietnam's calendar; no end: until lifted.
  starts_on date NOT NULL,
  ends_on date,
  CHECK (ends_on IS NULL OR ends_on >= starts_on),
  regulation_id uuid REFERENCES regulations (id),
  basis_text text CHECK (length(basis_text) <= 500),
  CHECK (regulation_id IS NOT NULL OR basis_text IS NOT NULL),
  kinds text[] NOT NULL CHECK (cardinality(kinds) >= 1),
  note text CHECK (length(note) <= 2000),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Lifting is recorded, never a deletion: from this instant the restriction blocks nothing.
  lifted_at timestamptz,
  lifted_by uuid REFERENCES users (id) ON DELETE SET NULL,
  lift_reason text CHECK (length(lift_reason) <= 2000),
  CHECK ((lifted_at IS NULL) = (lift_reason IS NULL)),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX restrictions_org_unit ON restrictions (org_unit_id);

CREATE TABLE events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('conference', 'dialogue', 'group_household', 'group_residential',
    'group_business', 'group_public_place', 'launch_day', 'consultation_post_office')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'reported', 'cancelled')),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz,
  CHECK (ends_at IS NULL OR ends_at >= starts_at),
  -- The place, as administrative units (names copied), and/or a free address.
  province_code text,
  province_name text,
  district_code text,
  district_name text,
  commune_code text,
  commune_name text,
  address text CHECK (length(address) <= 500),
  segments text[] NOT NULL DEFAULT '{}',
  theme_codes text[] NOT NULL DEFAULT '{}',
  partners text[] NOT NULL DEFAULT '{}',
  partner_note text CHECK (length(partner_note) <= 500),
  planned_attendance integer CHECK (planned_attendance >= 0),
  -- People counted by hand; QR check-ins are counted from event_check_ins.
  extra_attendance integer NOT NULL DEFAULT 0 CHECK (extra_attendance >= 0),
  extra_male integer NOT NULL DEFAULT 0 CHECK (extra_male >= 0),
  extra_female integer NOT NULL DEFAULT 0 CHECK (extra_female >= 0),
  by_segment jsonb NOT NULL DEFAULT '{}',
  questions_raised integer NOT NULL DEFAULT 0 CHECK (questions_raised >= 0),
  questions_answered integer NOT NULL DEFAULT 0 CHECK (questions_answered >= 0),
  new_voluntary integer NOT NULL DEFAULT 0 CHECK (new_voluntary >= 0),
  new_household_bhyt integer NOT NULL DEFAULT 0 CHECK (new_household_bhyt >= 0),
  cost_vnd bigint CHECK (cost_vnd >= 0),
  calendar_item_id uuid REFERENCES calendar_items (id) ON DELETE SET NULL,
  product_id uuid REFERENCES products (id) ON DELETE SET NULL,
  note text CHECK (length(note) <= 4000),
  cancel_reason text CHECK (length(cancel_reason) <= 2000),
  -- The key that signs the current check-in QR code (rotated on opening, cleared on closing).
  check_in_key text,
  check_in_expires_at timestamptz,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (
    loa_fold(title || ' ' || coalesce(address, '') || ' ' || coalesce(commune_name, '') || ' ' ||
      coalesce(district_name, '') || ' ' || coalesce(province_name, '') || ' ' || coalesce(partner_note, ''))
  ) STORED
);
CREATE INDEX events_org_unit ON events (org_unit_id, starts_at);
CREATE INDEX events_starts_at ON events (starts_at);
CREATE INDEX events_search ON events USING gin (search_text gin_trgm_ops);

-- A leader's decision to go ahead despite active restrictions: who, when, why, and which restrictions.
CREATE TABLE event_overrides (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  action text NOT NULL CHECK (action IN ('create', 'update', 'held')),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  restriction_ids uuid[] NOT NULL,
  decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
  decided_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX event_overrides_event ON event_overrides (event_id);

CREATE TABLE event_check_ins (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
  phone text,
  sex text NOT NULL CHECK (sex IN ('male', 'female')),
  segment text,
  checked_in_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX event_check_ins_event ON event_check_ins (event_id);
-- One check-in per phone number and event (a participant scanning twice counts once).
CREATE UNIQUE INDEX event_check_ins_phone ON event_check_ins (event_id, phone) WHERE phone IS NOT NULL;

-- The optional list behind the outcome counts, imported from Excel.
CREATE TABLE event_participants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  program text NOT NULL CHECK (program IN ('voluntary', 'household_bhyt')),
  full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
  insurance_code text CHECK (insurance_code ~ '^\d{10}$'),
  birth_year integer CHECK (birth_year BETWEEN 1900 AND 2100),
  phone text,
  address text CHECK (length(address) <= 300),
  sort_order integer NOT NULL
);
CREATE INDEX event_participants_event ON event_participants (event_id, sort_order);

CREATE TABLE event_photos (
  event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  file_id uuid NOT NULL REFERENCES files (id),
  added_by uuid REFERENCES users (id) ON DELETE SET NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, file_id)
);
