-- Collection agents (đại lý thu, 1191/BHXH-TT §V.2): post offices, commune agents and other agents that collect
-- voluntary social insurance and household health insurance contributions. The province (or district) office of
-- the agent's place keeps the record current; citizens find active agents on the public page.

CREATE TABLE collection_agents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The unit that keeps the record: the district office of the agent's district, else the province office.
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  type text NOT NULL CHECK (type IN ('post_office', 'commune_agent', 'other')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  address text NOT NULL CHECK (length(address) BETWEEN 1 AND 300),
  -- The place, as administrative units (GSO codes) of the structure the agency worked in when it was written;
  -- names are copied so that the public page and the search need no join.
  place_structure text NOT NULL CHECK (place_structure IN ('63', '34')),
  province_code text NOT NULL,
  province_name text NOT NULL,
  district_code text,
  district_name text,
  commune_code text,
  commune_name text,
  CHECK ((district_code IS NULL) = (district_name IS NULL)),
  CHECK ((commune_code IS NULL) = (commune_name IS NULL)),
  -- National form, digits only: 0912345678, 02438241234, 19009068.
  phones text[] NOT NULL CHECK (cardinality(phones) BETWEEN 1 AND 3),
  working_hours text CHECK (length(working_hours) <= 300),
  active_from date,
  active_to date,
  CHECK (active_from IS NULL OR active_to IS NULL OR active_from <= active_to),
  note text CHECK (length(note) <= 2000),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (
    loa_fold(name || ' ' || address || ' ' || coalesce(commune_name, '') || ' ' || coalesce(district_name, '') || ' ' ||
      province_name || ' ' || loa_join(phones))
  ) STORED
);
CREATE INDEX collection_agents_org_unit ON collection_agents (org_unit_id);
CREATE INDEX collection_agents_place ON collection_agents (province_code, district_code, commune_code);
CREATE INDEX collection_agents_search ON collection_agents USING gin (search_text gin_trgm_ops);
-- The same agent twice: same name (accents and case ignored), same place, same first phone number. The service
-- also refuses any shared number; this index keeps concurrent writes honest.
CREATE UNIQUE INDEX collection_agents_unique ON collection_agents (
  province_code, coalesce(district_code, ''), coalesce(commune_code, ''), loa_fold(name), (phones[1])
);
