-- Press requests link to the media database (issue 6 §4/§6): the outlet and the journalist a request came from, when
-- they are in the database. The free-text names stay (an outlet not yet in the database, and the names as received).
-- A contact is only ever given with its outlet; that it belongs to the outlet is checked when the request is received
-- (a contact may later move to another outlet without rewriting who asked).
ALTER TABLE press_requests
  ADD COLUMN outlet_id uuid REFERENCES press_outlets (id),
  ADD COLUMN contact_id uuid REFERENCES press_contacts (id),
  ADD CONSTRAINT press_requests_contact_with_outlet CHECK (contact_id IS NULL OR outlet_id IS NOT NULL);
CREATE INDEX press_requests_outlet ON press_requests (outlet_id) WHERE outlet_id IS NOT NULL;
CREATE INDEX press_requests_contact ON press_requests (contact_id) WHERE contact_id IS NOT NULL;

-- Conference invitees and coverage rows (jsonb) may now carry outletId/contactId beside the names.
COMMENT ON COLUMN press_conferences.invitees IS '[{outletName, personName, outletId, contactId}]';
COMMENT ON COLUMN press_conferences.coverage IS '[{url, outletName, publishedOn, publicationId, outletId}]';
