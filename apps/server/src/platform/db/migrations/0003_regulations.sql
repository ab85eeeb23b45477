-- Regulations registry and the "before, during, after" communication tasks (1191/BHXH-TT §II.1.đ, §V.1.a, §V.1.c).

-- array_to_string() is only STABLE (it is generic over element types); for text[] it is immutable,
-- so this wrapper can back a generated column.
CREATE OR REPLACE FUNCTION loa_join(value text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_to_string(value, ' '), '') $$;

-- The Vietnamese name of a kind of document, so that "cong van 1007" finds Công văn 1007/BHXH-TT.
-- Mirrors REGULATION_KIND_LABELS of packages/contracts/src/regulations.ts.
CREATE OR REPLACE FUNCTION loa_regulation_kind_label(kind text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT CASE kind
    WHEN 'cong_van' THEN 'Công văn'
    WHEN 'quyet_dinh' THEN 'Quyết định'
    WHEN 'nghi_dinh' THEN 'Nghị định'
    WHEN 'thong_tu' THEN 'Thông tư'
    WHEN 'nghi_quyet' THEN 'Nghị quyết'
    WHEN 'luat' THEN 'Luật'
    WHEN 'chi_thi' THEN 'Chỉ thị'
    WHEN 'thong_bao' THEN 'Thông báo'
    WHEN 'ke_hoach' THEN 'Kế hoạch'
    WHEN 'huong_dan' THEN 'Hướng dẫn'
    WHEN 'other' THEN 'Khác'
    ELSE '' END $$;

CREATE TABLE regulations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The full "số hiệu" in its normalised form (1007/BHXH-TT), unique.
  number text NOT NULL UNIQUE CHECK (length(number) BETWEEN 3 AND 60),
  kind text NOT NULL CHECK (
    kind IN ('cong_van', 'quyet_dinh', 'nghi_dinh', 'thong_tu', 'nghi_quyet', 'luat', 'chi_thi', 'thong_bao', 'ke_hoach', 'huong_dan', 'other')
  ),
  issuer text NOT NULL CHECK (length(issuer) BETWEEN 1 AND 200),
  issued_on date NOT NULL,
  effective_on date,
  -- Trích yếu.
  summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 2000),
  drafting_unit_id uuid REFERENCES org_units (id),
  -- As the document prints it ("Ban CSYT"); may name a body outside the org tree.
  drafting_unit_name text CHECK (length(drafting_unit_name) <= 200),
  recipients text CHECK (length(recipients) <= 2000),
  signer text CHECK (length(signer) <= 200),
  tags text[] NOT NULL DEFAULT '{}',
  needs_communication boolean NOT NULL DEFAULT false,
  -- The unit the document belongs to, for who may change it: the root for national documents.
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (
    loa_fold(
      number || ' ' || loa_regulation_kind_label(kind) || ' ' || summary || ' ' || coalesce(drafting_unit_name, '')
        || ' ' || issuer || ' ' || coalesce(signer, '') || ' ' || loa_join(tags)
    )
  ) STORED,
  CHECK (effective_on IS NULL OR effective_on >= issued_on)
);
CREATE INDEX regulations_issued ON regulations (issued_on);
CREATE INDEX regulations_effective ON regulations (effective_on);
CREATE INDEX regulations_drafting_unit ON regulations (drafting_unit_id);
CREATE INDEX regulations_org_unit ON regulations (org_unit_id);
CREATE INDEX regulations_tags ON regulations USING gin (tags);
CREATE INDEX regulations_search ON regulations USING gin (search_text gin_trgm_ops);

-- `from_id` replaces, amends or guides `to_id`; at most one relation between two documents.
CREATE TABLE regulation_relations (
  from_id uuid NOT NULL REFERENCES regulations (id) ON DELETE CASCADE,
  to_id uuid NOT NULL REFERENCES regulations (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('replaces', 'amends', 'guides')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (from_id, to_id),
  CHECK (from_id <> to_id)
);
CREATE UNIQUE INDEX regulation_relations_pair ON regulation_relations (least(from_id, to_id), greatest(from_id, to_id));
CREATE INDEX regulation_relations_to ON regulation_relations (to_id);

-- The editable template of "before, during, after" tasks; offset_days counts from the effective date.
CREATE TABLE communication_task_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (name ~ '^[a-z0-9_]{1,40}$'),
  phase text NOT NULL CHECK (phase IN ('before', 'during', 'after')),
  offset_days integer NOT NULL CHECK (offset_days BETWEEN -365 AND 365),
  -- drafting_unit: the document's drafting unit; comms_center: the unit with code TT; unit: owner_unit_id.
  owner text NOT NULL CHECK (owner IN ('drafting_unit', 'comms_center', 'unit')),
  owner_unit_id uuid REFERENCES org_units (id),
  title_vi text NOT NULL CHECK (length(title_vi) BETWEEN 1 AND 300),
  title_en text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 300),
  sort_order integer NOT NULL,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Checked at commit, so that one rewrite of the template may swap two steps' names.
  CONSTRAINT communication_task_templates_name_unique UNIQUE (name) DEFERRABLE INITIALLY DEFERRED,
  CHECK ((owner = 'unit') = (owner_unit_id IS NOT NULL)),
  CHECK (phase <> 'before' OR offset_days < 0),
  CHECK (phase <> 'after' OR offset_days > 0)
);

-- §V.1.a: units supply new regulations to the Communication Center "để truyền thông trước, trong, sau khi ban hành".
INSERT INTO communication_task_templates (name, phase, offset_days, owner, title_vi, title_en, sort_order) VALUES
  ('press_material', 'before', -10, 'comms_center',
   'Chuẩn bị tài liệu cung cấp thông tin cho báo chí', 'Prepare press briefing material', 1),
  ('hotline_qa', 'before', -7, 'drafting_unit',
   'Biên soạn bộ hỏi – đáp cho tổng đài tư vấn, hỗ trợ', 'Write the Q&A for the hotline', 2),
  ('press_release', 'before', -3, 'comms_center',
   'Thông cáo báo chí, cung cấp thông tin cho báo chí', 'Press release and press briefing', 3),
  ('articles_infographics', 'during', 0, 'comms_center',
   'Đăng tin, bài, infographic giới thiệu văn bản', 'Articles and infographics on the document', 4),
  ('loudspeaker_script', 'during', 3, 'comms_center',
   'Kịch bản tuyên truyền trên hệ thống truyền thanh cơ sở', 'Script for the grassroots loudspeakers', 5),
  ('results_review', 'after', 30, 'drafting_unit',
   'Đánh giá kết quả truyền thông về văn bản', 'Review the results of the communication', 6);

CREATE TABLE regulation_tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  regulation_id uuid NOT NULL REFERENCES regulations (id) ON DELETE CASCADE,
  -- The template step it was made from; null for an ad-hoc task or once the step is removed.
  template_id uuid REFERENCES communication_task_templates (id) ON DELETE SET NULL,
  phase text NOT NULL CHECK (phase IN ('before', 'during', 'after')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  owner_unit_id uuid NOT NULL REFERENCES org_units (id),
  assignee_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  due_on date NOT NULL,
  -- Days from the regulation's effective date while the due date follows it; null once set by hand.
  offset_days integer,
  status text NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_progress', 'done', 'cancelled')),
  completed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (loa_fold(title)) STORED,
  CHECK ((status = 'done') = (completed_at IS NOT NULL))
);
-- Generating from the template twice never duplicates a step.
CREATE UNIQUE INDEX regulation_tasks_step ON regulation_tasks (regulation_id, template_id) WHERE template_id IS NOT NULL;
CREATE INDEX regulation_tasks_regulation ON regulation_tasks (regulation_id);
CREATE INDEX regulation_tasks_owner_due ON regulation_tasks (owner_unit_id, due_on);
CREATE INDEX regulation_tasks_assignee ON regulation_tasks (assignee_user_id) WHERE assignee_user_id IS NOT NULL;
CREATE INDEX regulation_tasks_open_due ON regulation_tasks (due_on) WHERE status IN ('todo', 'in_progress');
CREATE INDEX regulation_tasks_search ON regulation_tasks USING gin (search_text gin_trgm_ops);
