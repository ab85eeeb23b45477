-- Alerts and spikes (issue 8 §4, decision 0039): where the alert evaluator starts reading, and the indexes of the
-- inbox's filters by rule and by flag.

-- A database that already holds articles starts alerting from now: the backlog raises no flood of alerts. A fresh
-- one starts from the beginning.
INSERT INTO monitoring_watermarks (name, last_seq)
SELECT 'alerts', coalesce(max(seq), 0) FROM monitoring_articles
ON CONFLICT (name) DO NOTHING;

CREATE INDEX monitoring_alerts_rules ON monitoring_alerts USING gin (rule_ids);
CREATE INDEX monitoring_alerts_flags ON monitoring_alerts USING gin (flags);
