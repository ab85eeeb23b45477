-- Editorial calendar (issue 3 §3): items with a day or a period, recurring series, and per-user iCalendar feeds.
-- See docs/decisions/0011-editorial-calendar.md.

-- A recurring series: its RFC 5545 rule and the values new occurrences take. Occurrences are materialised as
-- calendar_items rows up to `materialised_until`, so each one can be moved, changed or cancelled on its own.
CREATE TABLE calendar_series (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Canonical RRULE text (FREQ=MONTHLY;BYDAY=-1FR), a subset checked by the server.
  rule text NOT NULL CHECK (rule LIKE 'FREQ=%' AND length(rule) <= 200),
  -- DTSTART: always the series' first occurrence.
  starts_on date NOT NULL,
  -- An occurrence lasts from its day to its day + duration_days (0: one day).
  duration_days integer NOT NULL DEFAULT 0 CHECK (duration_days BETWEEN 0 AND 366),
  -- EXDATE: occurrences deleted one by one; never materialised again.
  excluded_on date[] NOT NULL DEFAULT '{}',
  -- Every occurrence up to this day has (or had, see excluded_on) its row.
  materialised_until date NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description text CHECK (length(description) <= 5000),
  guidance_year integer NOT NULL REFERENCES guidance_years (year),
  theme_codes text[] NOT NULL DEFAULT '{}',
  audience_codes text[] NOT NULL DEFAULT '{}',
  channel_code text,
  form_code text,
  owner_unit_id uuid NOT NULL REFERENCES org_units (id),
  assignee_id uuid REFERENCES users (id) ON DELETE SET NULL,
  status text NOT NULL CHECK (status IN ('planned', 'in_production', 'published', 'cancelled')),
  regulation_id uuid REFERENCES regulations (id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX calendar_series_owner ON calendar_series (owner_unit_id);

CREATE TABLE calendar_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description text CHECK (length(description) <= 5000),
  starts_on date NOT NULL,
  -- Last day of a period, inclusive; null for a one-day item.
  ends_on date,
  guidance_year integer NOT NULL REFERENCES guidance_years (year),
  theme_codes text[] NOT NULL DEFAULT '{}',
  audience_codes text[] NOT NULL DEFAULT '{}',
  channel_code text,
  form_code text,
  owner_unit_id uuid NOT NULL REFERENCES org_units (id),
  assignee_id uuid REFERENCES users (id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_production', 'published', 'cancelled')),
  -- The approved proposal it came from; the proposals migration (0006) adds the foreign key.
  proposal_id uuid,
  regulation_id uuid REFERENCES regulations (id) ON DELETE SET NULL,
  series_id uuid REFERENCES calendar_series (id),
  -- RECURRENCE-ID: the day the rule gave this occurrence, kept when the occurrence is moved.
  occurrence_on date,
  -- Changed on its own ("edit one"): edits of the whole series leave it alone.
  is_exception boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (loa_fold(title || ' ' || coalesce(description, ''))) STORED,
  CHECK (ends_on IS NULL OR ends_on >= starts_on),
  CHECK ((series_id IS NULL) = (occurrence_on IS NULL)),
  CHECK (series_id IS NOT NULL OR NOT is_exception),
  -- One row per occurrence; checked at commit, so that moving a whole series may pass rows over each other.
  CONSTRAINT calendar_items_occurrence UNIQUE (series_id, occurrence_on) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX calendar_items_window ON calendar_items (starts_on, (coalesce(ends_on, starts_on)));
CREATE INDEX calendar_items_owner ON calendar_items (owner_unit_id, starts_on);
CREATE INDEX calendar_items_assignee ON calendar_items (assignee_id) WHERE assignee_id IS NOT NULL;
CREATE INDEX calendar_items_regulation ON calendar_items (regulation_id) WHERE regulation_id IS NOT NULL;
CREATE INDEX calendar_items_proposal ON calendar_items (proposal_id) WHERE proposal_id IS NOT NULL;
CREATE INDEX calendar_items_themes ON calendar_items USING gin (theme_codes);
CREATE INDEX calendar_items_audiences ON calendar_items USING gin (audience_codes);
CREATE INDEX calendar_items_search ON calendar_items USING gin (search_text gin_trgm_ops);

-- One secret iCalendar feed per user; only the SHA-256 of the token is kept.
CREATE TABLE calendar_feed_tokens (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz
);
