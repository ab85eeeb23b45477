-- Incidents (issue 8 §5, decision 0040): the timeline's order. Several entries are written in one request (a case
-- opened with its items, a status change with its note) and share their time; `seq` keeps the order they were written.
ALTER TABLE incident_actions ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE INDEX incident_actions_order ON incident_actions (incident_id, created_at, seq);
DROP INDEX incident_actions_timeline;
