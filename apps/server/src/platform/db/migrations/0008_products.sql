-- Communication products (issue 4 §2; 1191/BHXH-TT §III.3–III.5): news, articles, videos, infographics… made by a
-- unit. Every saved edit is a version holding the full snapshot of the editable fields.

CREATE TABLE products (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The guidance catalog whose codes the product uses; the service checks every code exists in it.
  guidance_year integer NOT NULL REFERENCES guidance_years (year),
  type_code text NOT NULL CHECK (length(type_code) BETWEEN 1 AND 40),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 2000),
  -- The text of an article, or the script of a video, talk show or radio sketch.
  body text NOT NULL DEFAULT '' CHECK (length(body) <= 100000),
  theme_codes text[] NOT NULL DEFAULT '{}' CHECK (cardinality(theme_codes) <= 30),
  audience_codes text[] NOT NULL DEFAULT '{}' CHECK (cardinality(audience_codes) <= 30),
  channel_codes text[] NOT NULL DEFAULT '{}' CHECK (cardinality(channel_codes) <= 30),
  owner_unit_id uuid NOT NULL REFERENCES org_units (id),
  -- Authors by name: officers, or journalists and artists of a partner outlet (not all of them are users).
  authors text[] NOT NULL DEFAULT '{}' CHECK (cardinality(authors) <= 20),
  partner_outlet text CHECK (length(partner_outlet) BETWEEN 1 AND 200),
  language text NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en', 'km', 'hmn', 'tai', 'tyz', 'jra', 'rad')),
  calendar_item_id uuid REFERENCES calendar_items (id) ON DELETE SET NULL,
  -- The full life cycle; appraisal and publication come with their own slices.
  status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'in_appraisal', 'ready', 'published', 'archived')),
  current_version integer NOT NULL DEFAULT 1 CHECK (current_version >= 1),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (
    loa_fold(title || ' ' || summary || ' ' || coalesce(partner_outlet, '') || ' ' || loa_join(authors))
  ) STORED
);
CREATE INDEX products_owner_unit ON products (owner_unit_id, updated_at);
CREATE INDEX products_status ON products (status, updated_at);
CREATE INDEX products_type ON products (guidance_year, type_code);
CREATE INDEX products_themes ON products USING gin (theme_codes);
CREATE INDEX products_audiences ON products USING gin (audience_codes);
CREATE INDEX products_channels ON products USING gin (channel_codes);
CREATE INDEX products_calendar_item ON products (calendar_item_id) WHERE calendar_item_id IS NOT NULL;
CREATE INDEX products_search ON products USING gin (search_text gin_trgm_ops);

-- One row per saved edit, numbered from 1; the snapshot holds every editable field as it was.
CREATE TABLE product_versions (
  product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  number integer NOT NULL CHECK (number >= 1),
  snapshot jsonb NOT NULL,
  note text CHECK (length(note) BETWEEN 1 AND 300),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (product_id, number)
);

-- Files of a product (the video, the layout, the script as delivered), stored by the files module.
CREATE TABLE product_files (
  product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  file_id uuid NOT NULL REFERENCES files (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  sort_order integer NOT NULL,
  added_by uuid REFERENCES users (id) ON DELETE SET NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (product_id, file_id)
);
CREATE INDEX product_files_file ON product_files (file_id);
