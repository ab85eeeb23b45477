-- Review delivery (issue 8, decision 0038): when a delivery was last tried, so the every-minute flush re-queues only
-- the rows no send job still holds (never tried, or tried longer ago than any backoff of the send job waits).
ALTER TABLE press_review_deliveries ADD COLUMN last_attempt_at timestamptz;

-- The subscribers of one unit's editions, read at every approval.
CREATE INDEX press_review_subscriptions_source ON press_review_subscriptions (kind, source_unit_id) WHERE active;
