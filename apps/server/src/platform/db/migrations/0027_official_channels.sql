-- The registry of the agency's official channels and of the impersonations reported publicly (issue 12 §7):
-- links, domains and phone numbers found in articles or pasted by citizens on /kiem-tra are checked against it.

CREATE TABLE official_channels (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('domain', 'phone', 'social', 'app', 'email', 'document')),
  -- Normalised (contracts normaliseChannelValue): domains lower case without scheme or www, phones in national
  -- digits, social pages as host/path, documents by number.
  value text NOT NULL CHECK (length(value) BETWEEN 1 AND 300),
  display text NOT NULL CHECK (length(display) BETWEEN 1 AND 300),
  status text NOT NULL CHECK (status IN ('official', 'reported_fake')),
  CHECK (kind <> 'document' OR status = 'reported_fake'),
  note text CHECK (length(note) <= 2000),
  -- Where the agency said so: a document, a public warning, a page.
  source text CHECK (length(source) <= 500),
  -- Whose channel it is: the agency (root) or one of its units; admins change the entries of their subtree.
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  -- A retired entry no longer counts in checks but keeps its history.
  retired_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (
    loa_fold(value || ' ' || display || ' ' || coalesce(note, '') || ' ' || coalesce(source, ''))
  ) STORED
);
CREATE UNIQUE INDEX official_channels_value ON official_channels (kind, value);
CREATE INDEX official_channels_in_force ON official_channels (kind) WHERE retired_at IS NULL;
CREATE INDEX official_channels_search ON official_channels USING gin (search_text gin_trgm_ops);
