-- Events linked to campaigns (issue 5 §3): a conference, dialogue or launch day held for a campaign counts towards
-- its progress (events held, attendance, new voluntary BHXH and household BHYT participants), read from the event
-- when the campaign is shown; nothing is copied here.
CREATE TABLE campaign_events (
  campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  linked_by uuid REFERENCES users (id) ON DELETE SET NULL,
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, event_id)
);
CREATE INDEX campaign_events_event ON campaign_events (event_id);
