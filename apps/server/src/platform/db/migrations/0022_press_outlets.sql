-- The media database (issue 6 §4): press outlets kept by a unit (the Communication Center keeps the national
-- list, provinces keep theirs), their journalists and editors, and the history of contacts, appended only.
CREATE TABLE press_outlets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('newspaper', 'magazine', 'tv', 'radio', 'online', 'grassroots_radio')),
  governing_body text,
  area text NOT NULL CHECK (area = 'national' OR area ~ '^\d{2}$'),
  area_name text,
  beats text[] NOT NULL DEFAULT '{}',
  website text,
  phone text,
  email text,
  address text,
  note text,
  active boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (
    loa_fold(name || ' ' || coalesce(governing_body, '') || ' ' || coalesce(area_name, '') || ' ' || loa_join(beats))
  ) STORED
);
CREATE INDEX press_outlets_org_unit ON press_outlets (org_unit_id);
CREATE INDEX press_outlets_search ON press_outlets USING gin (search_text gin_trgm_ops);
-- One name per keeping unit (accents and case ignored); keeps concurrent writes honest.
CREATE UNIQUE INDEX press_outlets_unique ON press_outlets (org_unit_id, loa_fold(name));

CREATE TABLE press_contacts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  outlet_id uuid NOT NULL REFERENCES press_outlets (id),
  full_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('journalist', 'editor', 'editor_in_chief', 'reporter', 'other')),
  beats text[] NOT NULL DEFAULT '{}',
  phones text[] NOT NULL DEFAULT '{}',
  emails text[] NOT NULL DEFAULT '{}',
  note text,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (
    loa_fold(full_name || ' ' || loa_join(beats) || ' ' || loa_join(phones) || ' ' || loa_join(emails))
  ) STORED
);
CREATE INDEX press_contacts_outlet ON press_contacts (outlet_id);
CREATE INDEX press_contacts_search ON press_contacts USING gin (search_text gin_trgm_ops);

-- Contact history: never updated nor deleted by the application.
CREATE TABLE press_contact_history (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contact_id uuid NOT NULL REFERENCES press_contacts (id),
  contacted_on date NOT NULL,
  channel text NOT NULL CHECK (channel IN ('call', 'email', 'meeting', 'event')),
  summary text NOT NULL,
  officer_id uuid REFERENCES users (id) ON DELETE SET NULL,
  officer_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX press_contact_history_contact ON press_contact_history (contact_id, contacted_on DESC);
