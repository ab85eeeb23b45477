-- Publications (issue 4 §4): where and when a product went out, with proof and the reach read from the platforms.

CREATE TABLE publications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN
    ('press', 'tv', 'radio', 'loudspeaker', 'portal', 'facebook', 'zalo', 'youtube', 'tiktok', 'sms', 'printed')),
  -- The newspaper, station, page or commune loudspeaker system that carried it.
  outlet text NOT NULL CHECK (length(outlet) BETWEEN 1 AND 200),
  url text CHECK (url ~ '^https?://' AND length(url) <= 2000),
  published_at timestamptz NOT NULL,
  note text CHECK (length(note) BETWEEN 1 AND 1000),
  -- The product's owner unit when it was recorded: scope of the publication.
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Online channels have an address.
  CHECK (url IS NOT NULL OR channel NOT IN ('portal', 'facebook', 'zalo', 'youtube', 'tiktok')),
  search_text text GENERATED ALWAYS AS (loa_fold(outlet || ' ' || coalesce(url, ''))) STORED
);
CREATE UNIQUE INDEX publications_product_url ON publications (product_id, url) WHERE url IS NOT NULL;
CREATE INDEX publications_url ON publications (url) WHERE url IS NOT NULL;
CREATE INDEX publications_product ON publications (product_id, published_at);
CREATE INDEX publications_unit ON publications (org_unit_id, published_at);
CREATE INDEX publications_search ON publications USING gin (search_text gin_trgm_ops);

-- Proof that it went out: the clipping, the screenshot, the airtime log, the photo of the loudspeaker.
CREATE TABLE publication_proofs (
  publication_id uuid NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
  file_id uuid NOT NULL REFERENCES files (id),
  kind text NOT NULL CHECK (kind IN ('clipping', 'screenshot', 'airtime_log', 'photo')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  added_by uuid REFERENCES users (id) ON DELETE SET NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (publication_id, file_id)
);

-- Reach figures as read on a day; a later entry for the same metric and day replaces the earlier one.
CREATE TABLE publication_metrics (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  publication_id uuid NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
  metric text NOT NULL CHECK (metric IN ('views', 'listeners', 'shares', 'comments', 'reactions')),
  value bigint NOT NULL CHECK (value >= 0 AND value <= 1000000000),
  read_on date NOT NULL,
  source text NOT NULL CHECK (source IN ('manual', 'import')),
  recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (publication_id, metric, read_on)
);
