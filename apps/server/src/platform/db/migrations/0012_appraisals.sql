-- Appraisal of communication products (issue 4 §3; 1191/BHXH-TT §V.1.a "thẩm định"): the owner asks central units
-- for their formal opinion on a product; each asked unit signs opinions on the version it read. The state of a
-- request (pending, approved, changes requested, rejected, re-opened by a later edit) is derived, never stored.

CREATE TABLE product_appraisals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  -- The appraising unit: a central unit (the service checks its kind).
  unit_id uuid NOT NULL REFERENCES org_units (id),
  note text CHECK (length(note) BETWEEN 1 AND 1000),
  requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
  requested_by_name text NOT NULL CHECK (length(requested_by_name) BETWEEN 1 AND 200),
  requested_at timestamptz NOT NULL DEFAULT now(),
  -- The last day (Vietnam calendar) for the opinion.
  due_on date NOT NULL,
  withdrawn_at timestamptz,
  withdrawn_by uuid REFERENCES users (id) ON DELETE SET NULL
);
-- One active request per product and unit; a withdrawn one may be asked again.
CREATE UNIQUE INDEX product_appraisals_active ON product_appraisals (product_id, unit_id) WHERE withdrawn_at IS NULL;
CREATE INDEX product_appraisals_queue ON product_appraisals (unit_id, due_on) WHERE withdrawn_at IS NULL;
CREATE INDEX product_appraisals_product ON product_appraisals (product_id, requested_at);

-- A signed opinion of the asked unit on one version of the product; never changed, a new one supersedes it.
CREATE TABLE appraisal_opinions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  appraisal_id uuid NOT NULL REFERENCES product_appraisals (id) ON DELETE CASCADE,
  product_version integer NOT NULL CHECK (product_version >= 1),
  verdict text NOT NULL CHECK (verdict IN ('approve', 'approve_with_changes', 'reject')),
  comments text NOT NULL DEFAULT '' CHECK (length(comments) <= 10000),
  signed_by uuid REFERENCES users (id) ON DELETE SET NULL,
  -- The officer's name as it was when they signed.
  signer_name text NOT NULL CHECK (length(signer_name) BETWEEN 1 AND 200),
  signed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK (verdict = 'approve' OR length(btrim(comments)) > 0)
);
CREATE INDEX appraisal_opinions_appraisal ON appraisal_opinions (appraisal_id, signed_at);

-- Files attached to an opinion (the signed official letter, an annotated draft), stored by the files module.
CREATE TABLE appraisal_opinion_files (
  opinion_id uuid NOT NULL REFERENCES appraisal_opinions (id) ON DELETE CASCADE,
  file_id uuid NOT NULL REFERENCES files (id),
  sort_order integer NOT NULL,
  PRIMARY KEY (opinion_id, file_id)
);
