-- Press requests and press conferences (issue 6 §6; 1191/BHXH-TT §V.1.a): a journalist's request is received by the
-- Communication Center (or a province's communication officers), routed to the owning unit and a designated
-- spokesperson, drafted by that unit, approved by the spokesperson or a leader (never the drafter), and answered or
-- declined. Outlet and journalist are free text for now; they will link to the media database (0022) later.

CREATE TABLE press_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  outlet_name text NOT NULL CHECK (length(btrim(outlet_name)) BETWEEN 1 AND 300),
  journalist_name text NOT NULL CHECK (length(btrim(journalist_name)) BETWEEN 1 AND 200),
  journalist_phone text NOT NULL DEFAULT '' CHECK (length(journalist_phone) <= 40),
  journalist_email text NOT NULL DEFAULT '' CHECK (length(journalist_email) <= 320),
  topic text NOT NULL CHECK (length(btrim(topic)) BETWEEN 1 AND 500),
  questions text NOT NULL CHECK (length(btrim(questions)) BETWEEN 1 AND 20000),
  received_at timestamptz NOT NULL,
  deadline timestamptz NOT NULL,
  receiving_unit_id uuid NOT NULL REFERENCES org_units (id),
  received_by uuid REFERENCES users (id) ON DELETE SET NULL,
  received_by_name text NOT NULL,
  status text NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'routed', 'drafted', 'approved', 'answered', 'declined')),
  owning_unit_id uuid REFERENCES org_units (id),
  spokesperson_id uuid REFERENCES users (id),
  draft_answer text NOT NULL DEFAULT '' CHECK (length(draft_answer) <= 20000),
  drafted_by uuid REFERENCES users (id) ON DELETE SET NULL,
  drafted_by_name text,
  approved_by uuid REFERENCES users (id) ON DELETE SET NULL,
  approved_by_name text,
  answer_sent_on date,
  answer_channel text CHECK (answer_channel IN ('email', 'phone', 'interview', 'written', 'press_conference')),
  decline_reason text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (
    loa_fold(outlet_name || ' ' || journalist_name || ' ' || topic || ' ' || questions)
  ) STORED,
  CHECK (deadline > received_at),
  CHECK (status IN ('received', 'declined') OR (owning_unit_id IS NOT NULL AND spokesperson_id IS NOT NULL)),
  CHECK (status NOT IN ('approved', 'answered') OR (approved_by IS NULL OR approved_by IS DISTINCT FROM drafted_by)),
  CHECK (status <> 'answered' OR (answer_sent_on IS NOT NULL AND answer_channel IS NOT NULL)),
  CHECK (status <> 'declined' OR length(btrim(decline_reason)) > 0)
);
CREATE INDEX press_requests_receiving ON press_requests (receiving_unit_id, received_at);
CREATE INDEX press_requests_owning ON press_requests (owning_unit_id, status);
CREATE INDEX press_requests_open ON press_requests (deadline) WHERE status NOT IN ('answered', 'declined');
CREATE INDEX press_requests_search ON press_requests USING gin (search_text gin_trgm_ops);

-- Each step of a request (reception, routing, draft, approval, return with its comment, answer, decline).
CREATE TABLE press_request_steps (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id uuid NOT NULL REFERENCES press_requests (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('receive', 'route', 'draft', 'approve', 'return', 'answer', 'decline')),
  body text NOT NULL DEFAULT '' CHECK (length(body) <= 20000),
  author_id uuid REFERENCES users (id) ON DELETE SET NULL,
  author_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX press_request_steps_request ON press_request_steps (request_id, created_at);

CREATE TABLE press_conferences (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 500),
  held_at timestamptz NOT NULL,
  place text NOT NULL CHECK (length(btrim(place)) BETWEEN 1 AND 500),
  host_unit_id uuid NOT NULL REFERENCES org_units (id),
  spokesperson_ids uuid[] NOT NULL CHECK (cardinality(spokesperson_ids) BETWEEN 1 AND 10),
  -- [{outletName, personName}]: free text rows until the media database links them.
  invitees jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(invitees) = 'array'),
  -- [{url, outletName, publishedOn, publicationId}]: the coverage obtained.
  coverage jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(coverage) = 'array'),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  version integer NOT NULL DEFAULT 1,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (loa_fold(title || ' ' || place)) STORED
);
CREATE INDEX press_conferences_host ON press_conferences (host_unit_id, held_at);
CREATE INDEX press_conferences_search ON press_conferences USING gin (search_text gin_trgm_ops);

-- Materials handed out at a conference (files module).
CREATE TABLE press_conference_files (
  conference_id uuid NOT NULL REFERENCES press_conferences (id) ON DELETE CASCADE,
  file_id uuid NOT NULL REFERENCES files (id),
  sort_order integer NOT NULL,
  PRIMARY KEY (conference_id, file_id)
);
