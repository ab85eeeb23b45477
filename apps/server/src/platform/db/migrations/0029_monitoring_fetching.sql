-- Polite fetching shared by every instance (issue 12 §2, decision 0034): per-host pacing and concurrency and the
-- robots.txt cache live in the database, so two workers never hit one site faster than one would.

CREATE TABLE monitoring_hosts (
  -- host[:port], lower case.
  host text PRIMARY KEY CHECK (length(host) <= 300),
  -- The earliest start of the next request to the host; each reservation pushes it by the configured interval.
  next_allowed_at timestamptz NOT NULL DEFAULT now(),
  -- Expiry times of the requests in flight: leases, so that a killed process frees its slot when they lapse.
  in_flight timestamptz[] NOT NULL DEFAULT '{}',
  robots_txt text,
  -- The HTTP status robots.txt was answered with (null: unreachable).
  robots_status integer,
  robots_fetched_at timestamptz
);

-- Items already queued for a source by their feed guid: a feed that re-publishes an item under a new address is
-- recognised by it.
CREATE INDEX monitoring_fetch_queue_guid ON monitoring_fetch_queue (source_id, (feed_item ->> 'guid'))
  WHERE feed_item ? 'guid';
