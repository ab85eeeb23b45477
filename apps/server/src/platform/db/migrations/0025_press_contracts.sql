-- Communication contracts with press outlets (issue 6 §5; 1191/BHXH-TT §V.1.b): signed by the Communication Center
-- or a province office, with deliverables counted from real publications, acceptances (nghiệm thu) and payments
-- recorded as budget expenditures.
CREATE TABLE press_contracts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The signing unit: the scope of the contract.
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  outlet_id uuid NOT NULL REFERENCES press_outlets (id),
  number text NOT NULL CHECK (length(number) BETWEEN 1 AND 60),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  value bigint NOT NULL CHECK (value > 0),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
  period_from date NOT NULL,
  period_to date NOT NULL,
  themes text[] NOT NULL DEFAULT '{}',
  note text,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed', 'completed', 'terminated')),
  signed_on date,
  termination_reason text,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_by_name text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (loa_fold(number || ' ' || title)) STORED,
  CHECK (period_from <= period_to),
  CHECK (status = 'draft' OR signed_on IS NOT NULL),
  CHECK (status <> 'terminated' OR termination_reason IS NOT NULL)
);
-- A number once per signing unit (case ignored); keeps concurrent writes honest.
CREATE UNIQUE INDEX press_contracts_number ON press_contracts (org_unit_id, lower(number));
CREATE INDEX press_contracts_outlet ON press_contracts (outlet_id);
CREATE INDEX press_contracts_year ON press_contracts (fiscal_year, status);
CREATE INDEX press_contracts_search ON press_contracts USING gin (search_text gin_trgm_ops);

CREATE TABLE press_contract_deliverables (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contract_id uuid NOT NULL REFERENCES press_contracts (id),
  kind text NOT NULL CHECK (kind IN ('article', 'reportage', 'interview', 'airtime_minutes', 'video', 'other')),
  theme text,
  description text,
  planned integer NOT NULL CHECK (planned > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, contract_id)
);
CREATE INDEX press_contract_deliverables_contract ON press_contract_deliverables (contract_id, created_at);

CREATE TABLE press_contract_acceptances (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contract_id uuid NOT NULL REFERENCES press_contracts (id),
  accepted_on date NOT NULL,
  note text,
  -- Set when more was accepted than delivered: the explicit reason, kept with the record.
  over_delivery_reason text,
  minutes_file_id uuid REFERENCES files (id),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX press_contract_acceptances_contract ON press_contract_acceptances (contract_id, accepted_on);

CREATE TABLE press_contract_acceptance_lines (
  acceptance_id uuid NOT NULL REFERENCES press_contract_acceptances (id),
  contract_id uuid NOT NULL,
  deliverable_id uuid NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (acceptance_id, deliverable_id),
  -- The deliverable belongs to the same contract.
  FOREIGN KEY (deliverable_id, contract_id) REFERENCES press_contract_deliverables (id, contract_id)
);
CREATE INDEX press_contract_acceptance_lines_deliverable ON press_contract_acceptance_lines (deliverable_id);

-- Publications counted towards a deliverable. A publication counts once per contract. A publication deleted as
-- recorded by mistake stops counting (its acceptances stay, as history).
CREATE TABLE press_contract_publications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contract_id uuid NOT NULL,
  deliverable_id uuid NOT NULL,
  publication_id uuid NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
  quantity integer NOT NULL CHECK (quantity > 0),
  -- The acceptance that counted it: from then on it cannot be unlinked.
  accepted_in uuid REFERENCES press_contract_acceptances (id),
  linked_by uuid REFERENCES users (id) ON DELETE SET NULL,
  linked_by_name text NOT NULL,
  linked_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (contract_id, publication_id),
  FOREIGN KEY (deliverable_id, contract_id) REFERENCES press_contract_deliverables (id, contract_id)
);
CREATE INDEX press_contract_publications_deliverable ON press_contract_publications (deliverable_id);
CREATE INDEX press_contract_publications_publication ON press_contract_publications (publication_id);

-- The signed contract scan and other documents, uploaded through /api/files.
CREATE TABLE press_contract_files (
  contract_id uuid NOT NULL REFERENCES press_contracts (id),
  file_id uuid NOT NULL REFERENCES files (id),
  added_by uuid REFERENCES users (id) ON DELETE SET NULL,
  added_by_name text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (contract_id, file_id)
);

-- Payments: each is a budget expenditure (category press_contract, the signing unit, contract_id); this row keeps the
-- reason given for paying beyond the value and ties the expenditure to the contract's history.
CREATE TABLE press_contract_payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contract_id uuid NOT NULL REFERENCES press_contracts (id),
  expenditure_id uuid NOT NULL UNIQUE REFERENCES budget_expenditures (id),
  amount bigint NOT NULL CHECK (amount > 0),
  paid_on date NOT NULL,
  voucher_no text NOT NULL,
  description text NOT NULL,
  over_value_reason text,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX press_contract_payments_contract ON press_contract_payments (contract_id, paid_on);

-- The budget migration (0024) creates budget_expenditures.contract_id without its foreign key: the contracts come here.
ALTER TABLE budget_expenditures
  ADD CONSTRAINT budget_expenditures_contract_fk FOREIGN KEY (contract_id) REFERENCES press_contracts (id);
