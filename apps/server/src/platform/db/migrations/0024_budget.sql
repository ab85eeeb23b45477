-- The communication budget (issue 6 §1–§3; 1191/BHXH-TT §IV): fiscal years, estimates, norms, and three insert-only
-- ledgers — allocations down the org tree, expenditures, commitments of press contracts — whose AFTER INSERT triggers
-- keep one balance row per (unit, year, category). The balance's CHECK is the invariant "never allocate or spend more
-- than was allocated": the row lock of the UPDATE serialises concurrent writers, the CHECK refuses an overspend.
-- History is never edited: a correction is a reversing entry (opposite amount, `reverses_id`, at most one per entry).
-- Errors raised here carry a tag as message (`budget.…`) and JSON details; the service maps them to AppErrors.

CREATE TABLE budget_fiscal_years (
  year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  opened_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  closed_by uuid REFERENCES users (id) ON DELETE SET NULL,
  closed_by_name text,
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);

-- Closing a year is final.
CREATE FUNCTION loa_budget_year_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.status = 'closed' THEN
    RAISE EXCEPTION 'budget.year_closed' USING DETAIL = json_build_object('year', OLD.year)::text;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER budget_fiscal_years_final BEFORE UPDATE OR DELETE ON budget_fiscal_years
  FOR EACH ROW EXECUTE FUNCTION loa_budget_year_final();

-- ── Estimates (dự toán): a plan per unit and year, replaced as a whole while the year is open ────────────────────
CREATE TABLE budget_estimates (
  unit_id uuid NOT NULL REFERENCES org_units (id),
  fiscal_year integer NOT NULL REFERENCES budget_fiscal_years (year),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_by_name text NOT NULL,
  PRIMARY KEY (unit_id, fiscal_year)
);
CREATE TABLE budget_estimate_lines (
  unit_id uuid NOT NULL,
  fiscal_year integer NOT NULL,
  category text NOT NULL,
  source text NOT NULL CHECK (source IN ('bhxh', 'bhyt', 'bhtn')),
  amount bigint NOT NULL CHECK (amount >= 0),
  note text CHECK (length(note) <= 1000),
  PRIMARY KEY (unit_id, fiscal_year, category, source),
  FOREIGN KEY (unit_id, fiscal_year) REFERENCES budget_estimates (unit_id, fiscal_year) ON DELETE CASCADE
);

-- ── Norms (định mức chi) ─────────────────────────────────────────────────────────────────────────────────────────
CREATE TABLE budget_norms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{0,39}$'),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 300),
  category text,
  unit text NOT NULL,
  max_amount bigint NOT NULL CHECK (max_amount > 0),
  legal_basis text NOT NULL CHECK (length(btrim(legal_basis)) BETWEEN 1 AND 300),
  regulation_id uuid REFERENCES regulations (id) ON DELETE SET NULL,
  valid_from date NOT NULL,
  valid_to date,
  note text CHECK (length(note) <= 2000),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (loa_fold(code || ' ' || name || ' ' || legal_basis)) STORED,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX budget_norms_search ON budget_norms USING gin (search_text gin_trgm_ops);

-- ── Balances: one row per (unit, year, category), written only by the entry triggers ─────────────────────────────
CREATE TABLE budget_balances (
  unit_id uuid NOT NULL REFERENCES org_units (id),
  fiscal_year integer NOT NULL REFERENCES budget_fiscal_years (year),
  category text NOT NULL,
  allocated_in bigint NOT NULL DEFAULT 0,
  allocated_out bigint NOT NULL DEFAULT 0,
  spent bigint NOT NULL DEFAULT 0,
  committed bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, fiscal_year, category),
  CONSTRAINT budget_balances_not_overspent CHECK (
    allocated_in >= 0 AND allocated_out >= 0 AND spent >= 0 AND committed >= 0
    AND allocated_out + spent + committed <= allocated_in
  )
);
CREATE INDEX budget_balances_year ON budget_balances (fiscal_year, unit_id);

-- Adds deltas to a balance. The row is created empty first (ON CONFLICT DO NOTHING) so the CHECK is evaluated on the
-- sum, not on the proposed row; the UPDATE takes the row lock. An overspend is re-raised with the remaining amount.
CREATE FUNCTION loa_budget_apply(
  p_unit uuid, p_year integer, p_category text, p_in bigint, p_out bigint, p_spent bigint, p_committed bigint
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_remaining bigint;
BEGIN
  INSERT INTO budget_balances (unit_id, fiscal_year, category) VALUES (p_unit, p_year, p_category)
    ON CONFLICT (unit_id, fiscal_year, category) DO NOTHING;
  BEGIN
    UPDATE budget_balances
       SET allocated_in = allocated_in + p_in, allocated_out = allocated_out + p_out,
           spent = spent + p_spent, committed = committed + p_committed
     WHERE unit_id = p_unit AND fiscal_year = p_year AND category = p_category;
  EXCEPTION WHEN check_violation THEN
    SELECT allocated_in - allocated_out - spent - committed INTO v_remaining
      FROM budget_balances WHERE unit_id = p_unit AND fiscal_year = p_year AND category = p_category;
    RAISE EXCEPTION 'budget.insufficient' USING
      ERRCODE = 'check_violation',
      CONSTRAINT = 'budget_balances_not_overspent',
      DETAIL = json_build_object('unitId', p_unit, 'remaining', coalesce(v_remaining, 0))::text;
  END;
END $$;

-- Entries only in an open year; the share lock makes closing the year wait for writers in flight.
CREATE FUNCTION loa_budget_year_open() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM budget_fiscal_years WHERE year = NEW.fiscal_year AND status = 'open' FOR SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'budget.year_closed' USING DETAIL = json_build_object('year', NEW.fiscal_year)::text;
  END IF;
  RETURN NEW;
END $$;

-- History is never edited.
CREATE FUNCTION loa_budget_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'budget.history_immutable' USING DETAIL = json_build_object('table', TG_TABLE_NAME)::text;
END $$;

-- ── Allocations (phân bổ): the root's appropriation from a source, then parent → direct child ───────────────────
CREATE TABLE budget_allocations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  fiscal_year integer NOT NULL REFERENCES budget_fiscal_years (year),
  from_unit_id uuid REFERENCES org_units (id),
  to_unit_id uuid NOT NULL REFERENCES org_units (id),
  category text NOT NULL,
  source text CHECK (source IN ('bhxh', 'bhyt', 'bhtn')),
  amount bigint NOT NULL CHECK (amount <> 0),
  decision_no text NOT NULL CHECK (length(btrim(decision_no)) BETWEEN 1 AND 100),
  decided_on date NOT NULL,
  note text CHECK (length(note) <= 1000),
  reverses_id uuid UNIQUE REFERENCES budget_allocations (id),
  reason text CHECK (length(reason) <= 1000),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (loa_fold(decision_no || ' ' || coalesce(note, '') || ' ' || coalesce(reason, ''))) STORED,
  CHECK ((reverses_id IS NULL) = (amount > 0)),
  CHECK ((from_unit_id IS NULL) = (source IS NOT NULL)),
  CHECK (reverses_id IS NULL OR reason IS NOT NULL),
  CHECK (from_unit_id IS DISTINCT FROM to_unit_id)
);
CREATE INDEX budget_allocations_to ON budget_allocations (to_unit_id, fiscal_year);
CREATE INDEX budget_allocations_from ON budget_allocations (from_unit_id, fiscal_year);
CREATE INDEX budget_allocations_search ON budget_allocations USING gin (search_text gin_trgm_ops);

-- An allocation goes to a direct child (the appropriation to the root); a reversal mirrors its original exactly.
CREATE FUNCTION loa_budget_allocation_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o budget_allocations;
BEGIN
  IF NEW.reverses_id IS NULL THEN
    IF NEW.from_unit_id IS NULL THEN
      PERFORM 1 FROM org_units WHERE id = NEW.to_unit_id AND parent_id IS NULL;
    ELSE
      PERFORM 1 FROM org_units WHERE id = NEW.to_unit_id AND parent_id = NEW.from_unit_id;
    END IF;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'budget.not_direct_child' USING DETAIL = json_build_object('toUnitId', NEW.to_unit_id)::text;
    END IF;
  ELSE
    SELECT * INTO o FROM budget_allocations WHERE id = NEW.reverses_id;
    IF o.reverses_id IS NOT NULL OR o.from_unit_id IS DISTINCT FROM NEW.from_unit_id OR o.to_unit_id <> NEW.to_unit_id
       OR o.category <> NEW.category OR o.fiscal_year <> NEW.fiscal_year OR NEW.amount <> -o.amount THEN
      RAISE EXCEPTION 'budget.invalid_reversal' USING DETAIL = json_build_object('id', NEW.reverses_id)::text;
    END IF;
  END IF;
  RETURN NEW;
END $$;

-- The giver's row first, then the receiver's: always that order, so concurrent allocations cannot deadlock.
CREATE FUNCTION loa_budget_allocation_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.from_unit_id IS NOT NULL THEN
    PERFORM loa_budget_apply(NEW.from_unit_id, NEW.fiscal_year, NEW.category, 0, NEW.amount, 0, 0);
  END IF;
  PERFORM loa_budget_apply(NEW.to_unit_id, NEW.fiscal_year, NEW.category, NEW.amount, 0, 0, 0);
  RETURN NULL;
END $$;

CREATE TRIGGER budget_allocations_open_year BEFORE INSERT ON budget_allocations
  FOR EACH ROW EXECUTE FUNCTION loa_budget_year_open();
CREATE TRIGGER budget_allocations_rules BEFORE INSERT ON budget_allocations
  FOR EACH ROW EXECUTE FUNCTION loa_budget_allocation_check();
CREATE TRIGGER budget_allocations_apply AFTER INSERT ON budget_allocations
  FOR EACH ROW EXECUTE FUNCTION loa_budget_allocation_apply();
CREATE TRIGGER budget_allocations_immutable BEFORE UPDATE OR DELETE ON budget_allocations
  FOR EACH ROW EXECUTE FUNCTION loa_budget_immutable();

-- ── Norm exceptions (chi vượt định mức): requested, then approved or rejected by a leader ─────────────────────────
CREATE TABLE budget_norm_exceptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  unit_id uuid NOT NULL REFERENCES org_units (id),
  fiscal_year integer NOT NULL REFERENCES budget_fiscal_years (year),
  request jsonb NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  norm_id uuid NOT NULL REFERENCES budget_norms (id),
  norm_limit bigint NOT NULL,
  justification text NOT NULL CHECK (length(btrim(justification)) BETWEEN 1 AND 2000),
  requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
  requested_by_name text NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
  decided_by_name text,
  decided_at timestamptz,
  decision_reason text CHECK (length(decision_reason) <= 2000),
  expenditure_id uuid,
  CHECK ((status = 'pending') = (decided_at IS NULL)),
  CHECK (decided_by IS NULL OR decided_by IS DISTINCT FROM requested_by)
);
CREATE INDEX budget_norm_exceptions_unit ON budget_norm_exceptions (unit_id, status);

-- ── Expenditures (chi) ───────────────────────────────────────────────────────────────────────────────────────────
CREATE TABLE budget_expenditures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL REFERENCES org_units (id),
  fiscal_year integer NOT NULL REFERENCES budget_fiscal_years (year),
  category text NOT NULL,
  amount bigint NOT NULL CHECK (amount <> 0),
  spent_on date NOT NULL,
  voucher_no text NOT NULL CHECK (length(btrim(voucher_no)) BETWEEN 1 AND 50),
  description text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 2000),
  norm_id uuid REFERENCES budget_norms (id),
  norm_max_amount bigint,
  quantity integer CHECK (quantity > 0),
  exception_id uuid UNIQUE REFERENCES budget_norm_exceptions (id),
  event_id uuid REFERENCES events (id),
  product_id uuid REFERENCES products (id),
  contract_id uuid,
  publication_id uuid REFERENCES publications (id),
  reverses_id uuid UNIQUE REFERENCES budget_expenditures (id),
  reason text CHECK (length(reason) <= 1000),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (loa_fold(voucher_no || ' ' || description || ' ' || coalesce(reason, ''))) STORED,
  CHECK ((reverses_id IS NULL) = (amount > 0)),
  CHECK (reverses_id IS NULL OR reason IS NOT NULL),
  CHECK (reverses_id IS NOT NULL OR fiscal_year = extract(year FROM spent_on))
);
CREATE UNIQUE INDEX budget_expenditures_voucher ON budget_expenditures (unit_id, fiscal_year, voucher_no);
CREATE INDEX budget_expenditures_year ON budget_expenditures (fiscal_year, unit_id, spent_on);
CREATE INDEX budget_expenditures_contract ON budget_expenditures (contract_id) WHERE contract_id IS NOT NULL;
CREATE INDEX budget_expenditures_event ON budget_expenditures (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX budget_expenditures_product ON budget_expenditures (product_id) WHERE product_id IS NOT NULL;
CREATE INDEX budget_expenditures_publication ON budget_expenditures (publication_id) WHERE publication_id IS NOT NULL;
CREATE INDEX budget_expenditures_search ON budget_expenditures USING gin (search_text gin_trgm_ops);
ALTER TABLE budget_norm_exceptions
  ADD FOREIGN KEY (expenditure_id) REFERENCES budget_expenditures (id) DEFERRABLE INITIALLY DEFERRED;

-- The norm applies (valid on the day, same category or any), its maximum is kept on the row, and an amount above
-- maximum × quantity needs an approved exception for exactly this amount. A reversal mirrors its original.
CREATE FUNCTION loa_budget_expenditure_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n budget_norms;
  o budget_expenditures;
BEGIN
  IF NEW.reverses_id IS NOT NULL THEN
    SELECT * INTO o FROM budget_expenditures WHERE id = NEW.reverses_id;
    IF o.reverses_id IS NOT NULL OR o.unit_id <> NEW.unit_id OR o.category <> NEW.category
       OR o.fiscal_year <> NEW.fiscal_year OR NEW.amount <> -o.amount
       OR o.contract_id IS DISTINCT FROM NEW.contract_id THEN
      RAISE EXCEPTION 'budget.invalid_reversal' USING DETAIL = json_build_object('id', NEW.reverses_id)::text;
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.norm_id IS NULL THEN
    IF NEW.exception_id IS NOT NULL THEN
      RAISE EXCEPTION 'budget.norm_required' USING DETAIL = '{}';
    END IF;
    NEW.norm_max_amount := NULL;
    RETURN NEW;
  END IF;
  IF NEW.quantity IS NULL THEN
    RAISE EXCEPTION 'budget.quantity_required' USING DETAIL = '{}';
  END IF;
  SELECT * INTO n FROM budget_norms WHERE id = NEW.norm_id;
  IF n.valid_from > NEW.spent_on OR (n.valid_to IS NOT NULL AND n.valid_to < NEW.spent_on)
     OR (n.category IS NOT NULL AND n.category <> NEW.category) THEN
    RAISE EXCEPTION 'budget.norm_not_applicable' USING DETAIL = json_build_object('code', n.code)::text;
  END IF;
  NEW.norm_max_amount := n.max_amount;
  IF NEW.amount > n.max_amount * NEW.quantity THEN
    PERFORM 1 FROM budget_norm_exceptions e
     WHERE e.id = NEW.exception_id AND e.status = 'approved' AND e.amount = NEW.amount
       AND e.norm_id = NEW.norm_id AND e.unit_id = NEW.unit_id;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'budget.over_norm' USING
        DETAIL = json_build_object('limit', n.max_amount * NEW.quantity, 'code', n.code)::text;
    END IF;
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION loa_budget_expenditure_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM loa_budget_apply(NEW.unit_id, NEW.fiscal_year, NEW.category, 0, 0, NEW.amount, 0);
  RETURN NULL;
END $$;

CREATE TRIGGER budget_expenditures_open_year BEFORE INSERT ON budget_expenditures
  FOR EACH ROW EXECUTE FUNCTION loa_budget_year_open();
CREATE TRIGGER budget_expenditures_rules BEFORE INSERT ON budget_expenditures
  FOR EACH ROW EXECUTE FUNCTION loa_budget_expenditure_check();
CREATE TRIGGER budget_expenditures_apply AFTER INSERT ON budget_expenditures
  FOR EACH ROW EXECUTE FUNCTION loa_budget_expenditure_apply();
CREATE TRIGGER budget_expenditures_immutable BEFORE UPDATE OR DELETE ON budget_expenditures
  FOR EACH ROW EXECUTE FUNCTION loa_budget_immutable();

-- Vouchers, invoices, lists of attendees: files uploaded first, linked at creation.
CREATE TABLE budget_expenditure_files (
  expenditure_id uuid NOT NULL REFERENCES budget_expenditures (id),
  file_id uuid NOT NULL REFERENCES files (id),
  PRIMARY KEY (expenditure_id, file_id)
);
CREATE INDEX budget_expenditure_files_file ON budget_expenditure_files (file_id);

-- ── Commitments: signed press contracts not yet paid (reserve > 0, release < 0) ──────────────────────────────────
CREATE TABLE budget_commitments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contract_id uuid NOT NULL,
  unit_id uuid NOT NULL REFERENCES org_units (id),
  fiscal_year integer NOT NULL REFERENCES budget_fiscal_years (year),
  category text NOT NULL,
  amount bigint NOT NULL CHECK (amount <> 0),
  note text NOT NULL CHECK (length(note) <= 1000),
  -- The payment that released this amount (negative row), or the reversed payment that restored it (positive row).
  released_by_expenditure_id uuid REFERENCES budget_expenditures (id) DEFERRABLE INITIALLY DEFERRED,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX budget_commitments_contract ON budget_commitments (contract_id);
CREATE INDEX budget_commitments_expenditure ON budget_commitments (released_by_expenditure_id)
  WHERE released_by_expenditure_id IS NOT NULL;

CREATE FUNCTION loa_budget_commitment_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM loa_budget_apply(NEW.unit_id, NEW.fiscal_year, NEW.category, 0, 0, 0, NEW.amount);
  RETURN NULL;
END $$;

CREATE TRIGGER budget_commitments_open_year BEFORE INSERT ON budget_commitments
  FOR EACH ROW EXECUTE FUNCTION loa_budget_year_open();
CREATE TRIGGER budget_commitments_apply AFTER INSERT ON budget_commitments
  FOR EACH ROW EXECUTE FUNCTION loa_budget_commitment_apply();
CREATE TRIGGER budget_commitments_immutable BEFORE UPDATE OR DELETE ON budget_commitments
  FOR EACH ROW EXECUTE FUNCTION loa_budget_immutable();
