-- When a product last became ready to publish, i.e. when every required appraisal had approved its current
-- version (issue 4 §3). Publications (§4) may not be dated before it; NULL while it is not (or no longer) ready.
ALTER TABLE products ADD COLUMN ready_at timestamptz;
