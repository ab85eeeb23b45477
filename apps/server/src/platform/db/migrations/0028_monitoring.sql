-- Media monitoring (issue 12): sources and their fetch log, the polite fetcher's queue, articles with their
-- clusters and classification, saved queries, officers' corrections, saved views, the editable lexicon and the
-- trained models. Decision 0033.

CREATE TABLE monitoring_sources (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  kind text NOT NULL CHECK (kind IN ('feed', 'sitemap', 'html', 'manual', 'import')),
  url text CHECK (length(url) <= 2000),
  CHECK (kind IN ('manual', 'import') OR url IS NOT NULL),
  link_selector text CHECK (length(link_selector) <= 500),
  CHECK (kind <> 'html' OR link_selector IS NOT NULL),
  outlet_id uuid REFERENCES press_outlets (id) ON DELETE SET NULL,
  -- The province the source covers; null for national and social sources.
  area_unit_id uuid REFERENCES org_units (id),
  tier text NOT NULL CHECK (tier IN ('national', 'provincial', 'social')),
  language text NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en')),
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  enabled boolean NOT NULL DEFAULT false,
  disabled_reason text CHECK (length(disabled_reason) <= 500),
  disabled_at timestamptz,
  -- Adaptive polling between 10 minutes and 24 hours.
  poll_seconds integer NOT NULL DEFAULT 3600 CHECK (poll_seconds BETWEEN 600 AND 86400),
  next_poll_at timestamptz,
  -- Conditional GET and the content-hash fallback for feeds whose validators lie.
  etag text,
  last_modified text,
  content_hash text,
  last_fetch_at timestamptz,
  last_success_at timestamptz,
  last_error_at timestamptz,
  last_error_code text,
  last_error text,
  consecutive_failures integer NOT NULL DEFAULT 0,
  -- Set on the seeded outlet feeds (matched by key at each start).
  seed_key text UNIQUE,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (loa_fold(name || ' ' || coalesce(url, ''))) STORED
);
CREATE UNIQUE INDEX monitoring_sources_url ON monitoring_sources (lower(url)) WHERE url IS NOT NULL;
CREATE INDEX monitoring_sources_due ON monitoring_sources (next_poll_at) WHERE enabled;
CREATE INDEX monitoring_sources_search ON monitoring_sources USING gin (search_text gin_trgm_ops);

CREATE TABLE monitoring_fetch_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source_id uuid NOT NULL REFERENCES monitoring_sources (id) ON DELETE CASCADE,
  url text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  outcome text NOT NULL CHECK (outcome IN ('ok', 'not_modified', 'unchanged', 'error', 'blocked')),
  http_status integer,
  error_code text,
  message text,
  items_seen integer NOT NULL DEFAULT 0,
  items_new integer NOT NULL DEFAULT 0,
  bytes bigint NOT NULL DEFAULT 0
);
CREATE INDEX monitoring_fetch_log_source ON monitoring_fetch_log (source_id, started_at DESC);

-- Item pages discovered in feeds, sitemaps and listings, fetched one by one. A row is written before the page is
-- fetched and finished after its article is stored, so a process killed mid-run resumes without loss or duplicates.
CREATE TABLE monitoring_fetch_queue (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source_id uuid REFERENCES monitoring_sources (id) ON DELETE CASCADE,
  url text NOT NULL,
  url_key text NOT NULL UNIQUE,
  -- What the feed said about the item (title, lead, date, author, guid), used when the page cannot be read.
  feed_item jsonb NOT NULL DEFAULT '{}',
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  article_id uuid,
  discovered_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX monitoring_fetch_queue_pending ON monitoring_fetch_queue (next_attempt_at) WHERE state = 'pending';

CREATE TABLE monitoring_articles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Arrival order: every instance brings its in-memory near-duplicate index up to date by it.
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  source_id uuid REFERENCES monitoring_sources (id) ON DELETE SET NULL,
  source_name text NOT NULL,
  url text NOT NULL,
  -- url-normalise.ts urlKey: the same page under another address is the same article (ingest is idempotent by it).
  url_key text NOT NULL UNIQUE,
  canonical_url text,
  title text NOT NULL,
  lead text NOT NULL DEFAULT '',
  body text NOT NULL DEFAULT '',
  author text,
  published_at timestamptz,
  fetched_at timestamptz NOT NULL DEFAULT now(),
  -- published_at, or fetched_at when the date is missing or in the future: what lists sort and filter by.
  sort_at timestamptz NOT NULL,
  images jsonb NOT NULL DEFAULT '[]',
  -- MinHash signature (neardup.ts), null for articles without text.
  signature bytea,
  -- The first article of its cluster (itself when it is the first).
  cluster_id uuid NOT NULL,
  relevance_level text NOT NULL CHECK (relevance_level IN ('core', 'peripheral', 'unrelated')),
  relevance_score real NOT NULL CHECK (relevance_score BETWEEN 0 AND 1),
  sentiment text NOT NULL CHECK (sentiment IN ('negative', 'neutral', 'positive', 'na')),
  flags text[] NOT NULL DEFAULT '{}',
  unit text NOT NULL CHECK (unit IN ('thu', 'cshyt', 'csxh', 'sothe', 'thanhtra', 'truyenthong', 'none')),
  rules text[] NOT NULL DEFAULT '{}',
  evidence jsonb NOT NULL DEFAULT '[]',
  matched_query_ids uuid[] NOT NULL DEFAULT '{}',
  -- The machine's classification before any correction ({relevance:{level,score},sentiment,flags,unit}).
  predicted jsonb NOT NULL,
  corrected_at timestamptz,
  -- matchTokens of title, lead and body (folded, abbreviations expanded): the accent-insensitive full text.
  search_tokens text NOT NULL DEFAULT '',
  search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_tokens)) STORED,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX monitoring_articles_sort ON monitoring_articles (sort_at DESC, id);
CREATE INDEX monitoring_articles_cluster ON monitoring_articles (cluster_id, seq);
CREATE INDEX monitoring_articles_source ON monitoring_articles (source_id, sort_at DESC);
CREATE INDEX monitoring_articles_relevant ON monitoring_articles (relevance_level, sort_at DESC);
CREATE INDEX monitoring_articles_flags ON monitoring_articles USING gin (flags);
CREATE INDEX monitoring_articles_queries ON monitoring_articles USING gin (matched_query_ids);
CREATE INDEX monitoring_articles_search ON monitoring_articles USING gin (search_vector);

CREATE TABLE monitoring_clusters (
  -- The id of the cluster's first article.
  id uuid PRIMARY KEY REFERENCES monitoring_articles (id) ON DELETE CASCADE,
  article_count integer NOT NULL DEFAULT 1,
  first_seen_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);

CREATE TABLE monitoring_queries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
  description text CHECK (length(description) <= 2000),
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  enabled boolean NOT NULL DEFAULT true,
  alert text NOT NULL DEFAULT 'none' CHECK (alert IN ('none', 'immediate', 'daily')),
  alert_min_relevance text NOT NULL DEFAULT 'peripheral'
    CHECK (alert_min_relevance IN ('core', 'peripheral', 'unrelated')),
  seed_key text UNIQUE,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (loa_fold(name || ' ' || text || ' ' || coalesce(description, ''))) STORED
);
CREATE INDEX monitoring_queries_search ON monitoring_queries USING gin (search_text gin_trgm_ops);

CREATE TABLE monitoring_corrections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  article_id uuid NOT NULL REFERENCES monitoring_articles (id) ON DELETE CASCADE,
  field text NOT NULL CHECK (field IN ('relevance', 'sentiment', 'flags', 'unit')),
  before jsonb NOT NULL,
  after jsonb NOT NULL,
  note text CHECK (length(note) <= 1000),
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX monitoring_corrections_article ON monitoring_corrections (article_id, created_at);
CREATE INDEX monitoring_corrections_time ON monitoring_corrections (created_at);

CREATE TABLE monitoring_views (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  params text NOT NULL CHECK (length(params) <= 4000),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, name)
);

-- Every saved version of the editable lexicon; the latest is in force.
CREATE TABLE monitoring_lexicons (
  version integer PRIMARY KEY,
  lexicon jsonb NOT NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Labelled articles the model learns from besides officers' corrections (imported with `monitor train`).
CREATE TABLE monitoring_training_examples (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  external_id text NOT NULL UNIQUE,
  title text NOT NULL,
  lead text NOT NULL DEFAULT '',
  body text NOT NULL DEFAULT '',
  label jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Trained models; the latest is in force.
CREATE TABLE monitoring_models (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  model jsonb NOT NULL,
  lexicon_version integer,
  examples integer NOT NULL,
  corrections integer NOT NULL,
  metrics jsonb,
  trained_by uuid REFERENCES users (id) ON DELETE SET NULL,
  trained_at timestamptz NOT NULL DEFAULT now()
);
