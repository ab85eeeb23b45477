-- Notifications: the in-app inbox, per-user preferences and the outbox of e-mails (issue 3 §6).

CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (
    kind IN ('assignment', 'status_change', 'proposal_decision', 'deadline_approaching', 'deadline_missed')
  ),
  title_vi text NOT NULL CHECK (length(title_vi) BETWEEN 1 AND 300),
  title_en text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 300),
  body_vi text CHECK (length(body_vi) <= 5000),
  body_en text CHECK (length(body_en) <= 5000),
  -- A path inside the web app ("/regulations?id=…"), never an outside address.
  link text CHECK (link ~ '^/[^/\\]' OR link = '/'),
  entity_type text CHECK (length(entity_type) <= 60),
  entity_id text CHECK (length(entity_id) <= 100),
  -- The same key for the same user is stored once: "deadline:<source>:<id>:missed", …
  dedupe_key text CHECK (length(dedupe_key) <= 300),
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  search_text text GENERATED ALWAYS AS (loa_fold(title_vi || ' ' || title_en)) STORED
);
CREATE UNIQUE INDEX notifications_dedupe ON notifications (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX notifications_user_read ON notifications (user_id, read_at);
CREATE INDEX notifications_user_created ON notifications (user_id, created_at);
CREATE INDEX notifications_search ON notifications USING gin (search_text gin_trgm_ops);

-- Only the choices a user changed are stored; a missing row means in-app and e-mail are both on.
CREATE TABLE notification_preferences (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (
    kind IN ('assignment', 'status_change', 'proposal_decision', 'deadline_approaching', 'deadline_missed')
  ),
  in_app boolean NOT NULL DEFAULT true,
  email boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, kind)
);

-- E-mails waiting for, or done with, the SMTP server. `held`: no SMTP_URL was configured; kept for an
-- administrator to send once it is. `user_id` and `dedupe_key` keep e-mail-only recipients from a second copy.
CREATE TABLE email_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  notification_id uuid REFERENCES notifications (id) ON DELETE SET NULL,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  dedupe_key text,
  to_address text NOT NULL CHECK (length(to_address) BETWEEN 3 AND 254),
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
  text text NOT NULL,
  html text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'held')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error text,
  last_attempt_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  search_text text GENERATED ALWAYS AS (loa_fold(to_address || ' ' || subject)) STORED,
  CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
CREATE UNIQUE INDEX email_outbox_dedupe ON email_outbox (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX email_outbox_status ON email_outbox (status);
CREATE INDEX email_outbox_user ON email_outbox (user_id);
CREATE INDEX email_outbox_notification ON email_outbox (notification_id);
CREATE INDEX email_outbox_search ON email_outbox USING gin (search_text gin_trgm_ops);
