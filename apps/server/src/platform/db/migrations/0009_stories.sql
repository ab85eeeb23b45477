-- Stories and initiatives library (1191/BHXH-TT §II.1.g): good people, good deeds, outstanding individuals and
-- collectives, useful initiatives, with the consent of the people in them. Linking stories to communication
-- products belongs to the products module (a link table there), not to a column here.

-- The names and roles of a story's people, for its search text; contacts are not searchable.
CREATE OR REPLACE FUNCTION loa_story_people(people jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(string_agg(coalesce(p ->> 'name', '') || ' ' || coalesce(p ->> 'role', ''), ' '), '')
          FROM jsonb_array_elements(coalesce(people, '[]'::jsonb)) AS p $$;

CREATE TABLE stories (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('good_person', 'model_collective', 'good_deed', 'initiative')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  story text NOT NULL CHECK (length(story) BETWEEN 1 AND 20000),
  -- [{name, role?, contact?}]
  people jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(people) = 'array'),
  place text CHECK (length(place) <= 300),
  -- The province or district where it happened, when it is one of the agency's units' areas.
  area_unit_id uuid REFERENCES org_units (id),
  -- The unit that keeps the story: who may change it, and who sees it while it is not usable.
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  occurred_on date,
  guidance_year integer,
  themes text[] NOT NULL DEFAULT '{}',
  tags text[] NOT NULL DEFAULT '{}',
  consent_status text NOT NULL DEFAULT 'pending' CHECK (consent_status IN ('pending', 'obtained', 'not_needed', 'refused')),
  consent_note text CHECK (length(consent_note) <= 2000),
  consent_recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  consent_recorded_at timestamptz,
  consent_evidence_file_id uuid REFERENCES files (id),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'usable', 'archived')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (
    loa_fold(title || ' ' || story || ' ' || coalesce(place, '') || ' ' || loa_story_people(people) || ' ' || loa_join(tags))
  ) STORED,
  -- The rule of the service, kept by the database too: no publication without consent.
  CHECK (status <> 'usable' OR consent_status IN ('obtained', 'not_needed')),
  CHECK (cardinality(themes) = 0 OR guidance_year IS NOT NULL)
);
CREATE INDEX stories_org_unit ON stories (org_unit_id);
CREATE INDEX stories_status ON stories (status);
CREATE INDEX stories_occurred ON stories (occurred_on);
CREATE INDEX stories_themes ON stories USING gin (themes);
CREATE INDEX stories_search ON stories USING gin (search_text gin_trgm_ops);

-- Photos, video, audio and documents of a story; the file rows belong to the files module.
CREATE TABLE story_media (
  story_id uuid NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  file_id uuid NOT NULL REFERENCES files (id),
  caption text CHECK (length(caption) <= 300),
  sort_order integer NOT NULL,
  added_by uuid REFERENCES users (id) ON DELETE SET NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (story_id, file_id)
);
CREATE INDEX story_media_file ON story_media (file_id);
