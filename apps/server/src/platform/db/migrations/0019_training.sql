-- Training courses (1191/BHXH-TT §V.2): communication staff, post-office staff, commune agents and union members
-- are trained by a unit; trainees who attended and passed get a certificate with a number never given twice.

CREATE TABLE training_courses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  topic text CHECK (length(topic) <= 2000),
  audience text NOT NULL
    CHECK (audience IN ('communication_staff', 'post_office_staff', 'commune_agents', 'union_members', 'other')),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  CHECK (starts_on <= ends_on AND ends_on - starts_on < 31),
  online boolean NOT NULL DEFAULT false,
  place text CHECK (length(place) <= 300),
  online_url text CHECK (length(online_url) <= 500),
  CHECK (online OR place IS NOT NULL),
  CHECK (NOT online OR online_url IS NOT NULL),
  trainers text[] NOT NULL DEFAULT '{}',
  -- Out of 100; null when the course has no assessment and attendance alone decides.
  pass_score smallint CHECK (pass_score BETWEEN 0 AND 100),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'closed')),
  note text CHECK (length(note) <= 2000),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (
    loa_fold(title || ' ' || coalesce(topic, '') || ' ' || coalesce(place, '') || ' ' || loa_join(trainers))
  ) STORED
);
CREATE INDEX training_courses_org_unit ON training_courses (org_unit_id);
CREATE INDEX training_courses_dates ON training_courses (starts_on, ends_on);
CREATE INDEX training_courses_search ON training_courses USING gin (search_text gin_trgm_ops);

-- A trainee is a user of Loa or an external person (post office, commune, union) named with a phone number.
CREATE TABLE training_trainees (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  course_id uuid NOT NULL REFERENCES training_courses (id) ON DELETE CASCADE,
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
  organisation text CHECK (length(organisation) <= 300),
  -- National form, digits only.
  phone text,
  attended_days date[] NOT NULL DEFAULT '{}',
  score smallint CHECK (score BETWEEN 0 AND 100),
  rating smallint CHECK (rating BETWEEN 1 AND 5),
  note text CHECK (length(note) <= 1000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX training_trainees_course ON training_trainees (course_id);
CREATE UNIQUE INDEX training_trainees_user ON training_trainees (course_id, user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX training_trainees_phone ON training_trainees (course_id, phone) WHERE phone IS NOT NULL;

-- The last sequence used per organiser unit and year: numbers only grow, so none is ever reused.
CREATE TABLE training_certificate_counters (
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  year integer NOT NULL,
  last_sequence integer NOT NULL,
  PRIMARY KEY (org_unit_id, year)
);

-- An issued certificate; what it says is kept as issued. The trainee may be removed later, the number stays.
CREATE TABLE training_certificates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  course_id uuid NOT NULL REFERENCES training_courses (id),
  trainee_id uuid UNIQUE REFERENCES training_trainees (id) ON DELETE SET NULL,
  number text NOT NULL UNIQUE,
  trainee_name text NOT NULL,
  signer_name text NOT NULL CHECK (length(signer_name) BETWEEN 1 AND 200),
  signer_title text NOT NULL CHECK (length(signer_title) BETWEEN 1 AND 200),
  issued_on date NOT NULL,
  issued_by uuid REFERENCES users (id) ON DELETE SET NULL,
  issued_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX training_certificates_course ON training_certificates (course_id);

CREATE TABLE training_materials (
  course_id uuid NOT NULL REFERENCES training_courses (id) ON DELETE CASCADE,
  file_id uuid NOT NULL REFERENCES files (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  added_by uuid REFERENCES users (id) ON DELETE SET NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (course_id, file_id)
);
