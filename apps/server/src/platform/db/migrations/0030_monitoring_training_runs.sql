-- Monitoring queries and the classifier (decision 0035).

-- Requests to retrain the classifier: an officer's "train now" or the nightly retrain inserts a pending run; a worker
-- takes it (FOR UPDATE SKIP LOCKED), trains and links the model it stored. Every instance shows training under way
-- from these rows. At most one run waits or runs at a time.
CREATE TABLE monitoring_training_runs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'done', 'failed')),
  reason text NOT NULL CHECK (reason IN ('request', 'nightly')),
  requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  model_id bigint REFERENCES monitoring_models (id) ON DELETE SET NULL,
  error text CHECK (length(error) <= 2000)
);
CREATE UNIQUE INDEX monitoring_training_runs_open ON monitoring_training_runs ((true)) WHERE state IN ('pending', 'running');

-- The agency's seeded queries an officer deleted: the seed (matched by seed_key at every start) must not bring them
-- back. Decision 0035.
CREATE TABLE monitoring_query_seeds_removed (
  seed_key text PRIMARY KEY,
  removed_by uuid REFERENCES users (id) ON DELETE SET NULL,
  removed_at timestamptz NOT NULL DEFAULT now()
);
