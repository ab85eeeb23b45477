-- Feedback and Q&A (issue 5 §6; 1191/BHXH-TT §III.5 consultation and hotline): a province or district reports a
-- difficulty (vướng mắc) to the centre, the Communication Center routes it to the owning central unit with a due
-- day, that unit answers, the reporter closes it or re-opens it with a comment. Good answers become entries of the
-- Q&A knowledge base that hotline and consultation staff search without accents.

CREATE TABLE feedback (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
  description text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 10000),
  category text NOT NULL CHECK (category IN ('collection', 'cards', 'health_benefits', 'social_benefits', 'it_services', 'communication', 'other')),
  -- The province or district that reports (the service checks its kind and the reporter's scope).
  reporter_unit_id uuid NOT NULL REFERENCES org_units (id),
  reported_by uuid REFERENCES users (id) ON DELETE SET NULL,
  reported_by_name text NOT NULL CHECK (length(reported_by_name) BETWEEN 1 AND 200),
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'routed', 'answered', 'closed')),
  -- The central unit that owns the answer, and the last day (Vietnam calendar) for it.
  routed_unit_id uuid REFERENCES org_units (id),
  due_on date,
  answered_at timestamptz,
  closed_at timestamptz,
  reopen_count integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (loa_fold(title || ' ' || description)) STORED,
  CHECK (status = 'new' OR (routed_unit_id IS NOT NULL AND due_on IS NOT NULL))
);
CREATE INDEX feedback_reporter ON feedback (reporter_unit_id, created_at);
CREATE INDEX feedback_routed ON feedback (routed_unit_id, status, due_on);
CREATE INDEX feedback_status ON feedback (status, due_on);
CREATE INDEX feedback_search ON feedback USING gin (search_text gin_trgm_ops);

-- The thread of a feedback: the report, each routing, answer, re-opening and closing, never changed.
CREATE TABLE feedback_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  feedback_id uuid NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('report', 'route', 'answer', 'reopen', 'close')),
  body text NOT NULL DEFAULT '' CHECK (length(body) <= 10000),
  -- For a routing: the unit routed to and the due day given.
  unit_id uuid REFERENCES org_units (id),
  due_on date,
  author_id uuid REFERENCES users (id) ON DELETE SET NULL,
  -- The officer's name and unit as they were when they wrote (an answer is signed by its officer).
  author_name text NOT NULL CHECK (length(author_name) BETWEEN 1 AND 200),
  author_unit_id uuid REFERENCES org_units (id),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK (kind NOT IN ('answer', 'reopen') OR length(btrim(body)) > 0),
  CHECK (kind <> 'route' OR (unit_id IS NOT NULL AND due_on IS NOT NULL))
);
CREATE INDEX feedback_messages_feedback ON feedback_messages (feedback_id, created_at);

-- Files attached to a message of the thread (the report's evidence, the answer's official letter).
CREATE TABLE feedback_files (
  message_id uuid NOT NULL REFERENCES feedback_messages (id) ON DELETE CASCADE,
  file_id uuid NOT NULL REFERENCES files (id),
  sort_order integer NOT NULL,
  PRIMARY KEY (message_id, file_id)
);

CREATE TABLE faq_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  question text NOT NULL CHECK (length(btrim(question)) BETWEEN 1 AND 2000),
  answer text NOT NULL CHECK (length(btrim(answer)) BETWEEN 1 AND 20000),
  category text NOT NULL CHECK (category IN ('collection', 'cards', 'health_benefits', 'social_benefits', 'it_services', 'communication', 'other')),
  tags text[] NOT NULL DEFAULT '{}',
  -- The unit that keeps the entry current besides the Communication Center (the answering unit).
  owner_unit_id uuid NOT NULL REFERENCES org_units (id),
  source_feedback_id uuid REFERENCES feedback (id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'archived')),
  version integer NOT NULL DEFAULT 1,
  created_by_name text NOT NULL,
  updated_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (loa_fold(question || ' ' || answer || ' ' || loa_join(tags))) STORED
);
CREATE INDEX faq_entries_status ON faq_entries (status, category);
CREATE INDEX faq_entries_search ON faq_entries USING gin (search_text gin_trgm_ops);
CREATE UNIQUE INDEX faq_entries_source ON faq_entries (source_feedback_id) WHERE source_feedback_id IS NOT NULL;

-- The legal basis of an entry: regulations of the registry.
CREATE TABLE faq_regulations (
  faq_id uuid NOT NULL REFERENCES faq_entries (id) ON DELETE CASCADE,
  regulation_id uuid NOT NULL REFERENCES regulations (id) ON DELETE CASCADE,
  PRIMARY KEY (faq_id, regulation_id)
);
