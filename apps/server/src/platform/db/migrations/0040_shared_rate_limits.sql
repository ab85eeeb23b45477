-- Rate-limit windows shared by every instance of Loa on this database (decision 0049): login attempts per client
-- address counted here hold across two or more servers behind a load balancer, where in-memory counters of each
-- instance would multiply the limit. One row per key (route and client address): the start of its fixed window and
-- the hits in it. UNLOGGED: counters of a minute need no crash durability, and writes skip the WAL.
CREATE UNLOGGED TABLE rate_limit_windows (
  key text PRIMARY KEY,
  started_at timestamptz NOT NULL,
  hits integer NOT NULL
);

-- Old windows are deleted by age.
CREATE INDEX rate_limit_windows_started_at ON rate_limit_windows (started_at);
