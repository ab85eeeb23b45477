-- Listen and respond (issue 8): the daily press review and the 24-hour bulletin with their subscribers and deliveries,
-- alerts and spikes on monitored articles, media incidents. Decisions 0037–0040.

-- New notification kinds: monitoring alerts, incidents (deadlines, escalation) and editions received in the app.
ALTER TABLE notifications DROP CONSTRAINT IF EXISTS notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (
  kind IN ('assignment', 'status_change', 'proposal_decision', 'deadline_approaching', 'deadline_missed',
           'monitoring_alert', 'incident', 'press_review')
);
ALTER TABLE notification_preferences DROP CONSTRAINT IF EXISTS notification_preferences_kind_check;
ALTER TABLE notification_preferences ADD CONSTRAINT notification_preferences_kind_check CHECK (
  kind IN ('assignment', 'status_change', 'proposal_decision', 'deadline_approaching', 'deadline_missed',
           'monitoring_alert', 'incident', 'press_review')
);

-- ---- Press reviews and bulletins (modules/press-reviews) ----

CREATE TABLE press_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('review', 'bulletin')),
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  edition_date date NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  intro text CHECK (length(intro) <= 4000),
  window_from timestamptz NOT NULL,
  window_to timestamptz NOT NULL CHECK (window_to > window_from),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved')),
  approved_by uuid REFERENCES users (id) ON DELETE SET NULL,
  approved_at timestamptz,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Title, intro and (maintained by the service) the entries' headlines, extracts and comments, folded.
  search_text text NOT NULL DEFAULT '',
  CHECK ((status = 'approved') = (approved_at IS NOT NULL)),
  -- One edition per unit, kind and day: the job and "compile now" cannot make two.
  UNIQUE (kind, org_unit_id, edition_date)
);
CREATE INDEX press_reviews_list ON press_reviews (kind, edition_date DESC);
CREATE INDEX press_reviews_search ON press_reviews USING gin (search_text gin_trgm_ops);

CREATE TABLE press_review_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  review_id uuid NOT NULL REFERENCES press_reviews (id) ON DELETE CASCADE,
  cluster_id uuid NOT NULL,
  section text NOT NULL CHECK (section IN ('risk', 'agency', 'theme', 'provincial')),
  theme text NOT NULL CHECK (theme IN ('thu', 'cshyt', 'csxh', 'sothe', 'thanhtra', 'truyenthong', 'none')),
  position integer NOT NULL CHECK (position >= 1),
  headline text NOT NULL CHECK (length(headline) BETWEEN 1 AND 500),
  extract text NOT NULL DEFAULT '' CHECK (length(extract) <= 2000),
  comment text CHECK (length(comment) <= 2000),
  excluded boolean NOT NULL DEFAULT false,
  outlets text[] NOT NULL DEFAULT '{}',
  -- [{articleId, sourceName, url, title}] in arrival order.
  links jsonb NOT NULL DEFAULT '[]',
  relevance_level text NOT NULL CHECK (relevance_level IN ('core', 'peripheral', 'unrelated')),
  sentiment text NOT NULL CHECK (sentiment IN ('negative', 'neutral', 'positive', 'na')),
  flags text[] NOT NULL DEFAULT '{}',
  province_id uuid REFERENCES org_units (id),
  score real NOT NULL DEFAULT 0,
  published_at timestamptz NOT NULL,
  UNIQUE (review_id, cluster_id)
);
CREATE INDEX press_review_entries_order ON press_review_entries (review_id, section, position);

-- Who receives which editions: a user, some sections, some provinces; e-mail and/or the app; a feed token.
CREATE TABLE press_review_subscriptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('review', 'bulletin')),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- Whose editions: the Communication Center's (the root's) or a province's own.
  source_unit_id uuid NOT NULL REFERENCES org_units (id),
  sections text[] NOT NULL DEFAULT '{}',
  province_ids uuid[] NOT NULL DEFAULT '{}',
  email boolean NOT NULL DEFAULT true,
  active boolean NOT NULL DEFAULT true,
  -- sha256 hex of the secret feed token (the token itself is shown once, then only to the subscriber).
  feed_token_hash text UNIQUE,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, user_id, source_unit_id)
);

-- One row per recipient and edition: written with the approval, in the same transaction; sent by a job.
CREATE TABLE press_review_deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  review_id uuid NOT NULL REFERENCES press_reviews (id) ON DELETE CASCADE,
  subscription_id uuid REFERENCES press_review_subscriptions (id) ON DELETE SET NULL,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- The subscription's choices at approval time (what this recipient's copy contains).
  sections text[] NOT NULL DEFAULT '{}',
  province_ids uuid[] NOT NULL DEFAULT '{}',
  to_address text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'held')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text CHECK (length(last_error) <= 1000),
  sent_at timestamptz,
  read_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (review_id, user_id)
);
CREATE INDEX press_review_deliveries_pending ON press_review_deliveries (status, created_at) WHERE status = 'pending';
CREATE INDEX press_review_deliveries_user ON press_review_deliveries (user_id, created_at DESC);

-- ---- Alerts and spikes (modules/monitoring-alerts) ----

CREATE TABLE monitoring_alert_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text CHECK (length(description) <= 2000),
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  route_to_owning_unit boolean NOT NULL DEFAULT false,
  query_ids uuid[] NOT NULL DEFAULT '{}',
  min_relevance text NOT NULL DEFAULT 'peripheral' CHECK (min_relevance IN ('core', 'peripheral', 'unrelated')),
  sentiments text[] NOT NULL DEFAULT '{}',
  flags text[] NOT NULL DEFAULT '{}',
  units text[] NOT NULL DEFAULT '{}',
  enabled boolean NOT NULL DEFAULT true,
  seed_key text UNIQUE,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (loa_fold(name || ' ' || coalesce(description, ''))) STORED
);

CREATE TABLE monitoring_alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('rule', 'spike')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  -- Rule alerts: the rules and saved queries (alert = 'immediate') that matched the story, and the story.
  rule_ids uuid[] NOT NULL DEFAULT '{}',
  query_ids uuid[] NOT NULL DEFAULT '{}',
  -- Spikes: what spiked and when.
  cluster_id uuid,
  spike_query_id uuid,
  spike_flag text,
  spike_hour timestamptz,
  spike_count integer,
  spike_baseline real,
  article_ids uuid[] NOT NULL DEFAULT '{}',
  relevance_level text,
  sentiment text,
  flags text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'acknowledged', 'dismissed', 'incident')),
  incident_id uuid,
  handled_by uuid REFERENCES users (id) ON DELETE SET NULL,
  handled_at timestamptz,
  first_seen_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (loa_fold(title)) STORED
);
-- One alert per story and unit (a syndicated story is one alert); one spike per subject, hour and unit.
CREATE UNIQUE INDEX monitoring_alerts_story ON monitoring_alerts (cluster_id, org_unit_id) WHERE kind = 'rule';
CREATE UNIQUE INDEX monitoring_alerts_spike
  ON monitoring_alerts (coalesce(spike_query_id::text, spike_flag), spike_hour, org_unit_id) WHERE kind = 'spike';
CREATE INDEX monitoring_alerts_inbox ON monitoring_alerts (org_unit_id, status, created_at DESC);
CREATE INDEX monitoring_alerts_search ON monitoring_alerts USING gin (search_text gin_trgm_ops);

-- How far each background reader has read monitoring_articles (by seq): alerts, incidents' arrivals.
CREATE TABLE monitoring_watermarks (
  name text PRIMARY KEY,
  last_seq bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- ---- Incidents (modules/incidents) ----

CREATE SEQUENCE incident_number_seq;

CREATE TABLE incidents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description text CHECK (length(description) <= 10000),
  severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'severe')),
  -- {reach, falsity, officialsNamed, legalRisk}
  guide jsonb NOT NULL,
  status text NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'assessing', 'responding', 'monitoring', 'closed')),
  owning_unit_id uuid NOT NULL REFERENCES org_units (id),
  query_id uuid,
  assess_due_at timestamptz NOT NULL,
  assess_met_at timestamptz,
  assess_escalated_at timestamptz,
  respond_due_at timestamptz NOT NULL,
  respond_met_at timestamptz,
  respond_escalated_at timestamptz,
  lessons text CHECK (length(lessons) <= 10000),
  opened_by uuid REFERENCES users (id) ON DELETE SET NULL,
  opened_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (loa_fold(code || ' ' || title || ' ' || coalesce(description, ''))) STORED,
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX incidents_board ON incidents (status, severity);
CREATE INDEX incidents_unit ON incidents (owning_unit_id, opened_at DESC);
CREATE INDEX incidents_search ON incidents USING gin (search_text gin_trgm_ops);

CREATE TABLE incident_units (
  incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  PRIMARY KEY (incident_id, org_unit_id)
);

CREATE TABLE incident_items (
  incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  article_id uuid NOT NULL REFERENCES monitoring_articles (id) ON DELETE CASCADE,
  added_by text NOT NULL CHECK (added_by IN ('user', 'matching')),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (incident_id, article_id)
);
CREATE INDEX incident_items_article ON incident_items (article_id);

CREATE TABLE incident_alerts (
  incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  alert_id uuid NOT NULL REFERENCES monitoring_alerts (id) ON DELETE CASCADE,
  PRIMARY KEY (incident_id, alert_id)
);

-- The timeline: officers' actions (system = false) and the events Loa records (system = true).
CREATE TABLE incident_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
  system boolean NOT NULL DEFAULT false,
  text text CHECK (length(text) <= 10000),
  publication_id uuid REFERENCES publications (id) ON DELETE SET NULL,
  url text CHECK (length(url) <= 2000),
  detail jsonb,
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_actions_timeline ON incident_actions (incident_id, created_at, id);

-- Deadlines per severity, in minutes (one row, edited by admins); absent: DEFAULT_INCIDENT_DEADLINES.
CREATE TABLE incident_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  deadlines jsonb NOT NULL,
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
