-- Communication campaigns (1191/BHXH-TT §III.4 campaign-based communication, §III.6 launch ceremonies for voluntary
-- BHXH and household BHYT): a period, an owner unit, the units taking part (each with its subtree), the channels
-- used, goals as metric targets, and explicit links to the products, publications and calendar items made for it.
-- Progress is computed from the linked records when read; nothing is copied here.

CREATE TABLE campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  CHECK (starts_on <= ends_on),
  -- The guidance year whose channel codes the campaign uses (the latest one not after its start).
  guidance_year integer NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'closed')),
  owner_unit_id uuid NOT NULL REFERENCES org_units (id),
  channel_codes text[] NOT NULL DEFAULT '{}',
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (loa_fold(name || ' ' || description)) STORED
);
CREATE INDEX campaigns_owner_unit ON campaigns (owner_unit_id);
CREATE INDEX campaigns_period ON campaigns (starts_on, ends_on);
CREATE INDEX campaigns_search ON campaigns USING gin (search_text gin_trgm_ops);

-- Units taking part besides the owner; each takes part with its whole subtree.
CREATE TABLE campaign_units (
  campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  unit_id uuid NOT NULL REFERENCES org_units (id),
  PRIMARY KEY (campaign_id, unit_id)
);
CREATE INDEX campaign_units_unit ON campaign_units (unit_id);

CREATE TABLE campaign_goals (
  campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  metric text NOT NULL CHECK (metric IN ('products', 'publications', 'people_reached', 'staff_shares', 'events_held',
    'event_attendance', 'new_voluntary_bhxh', 'new_household_bhyt')),
  target bigint NOT NULL CHECK (target BETWEEN 1 AND 1000000000),
  sort_order integer NOT NULL,
  PRIMARY KEY (campaign_id, metric)
);

-- Explicit links: a record deleted in its own module leaves the campaign with it.
CREATE TABLE campaign_products (
  campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  linked_by uuid REFERENCES users (id) ON DELETE SET NULL,
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, product_id)
);
CREATE INDEX campaign_products_product ON campaign_products (product_id);

CREATE TABLE campaign_publications (
  campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  publication_id uuid NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
  linked_by uuid REFERENCES users (id) ON DELETE SET NULL,
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, publication_id)
);
CREATE INDEX campaign_publications_publication ON campaign_publications (publication_id);

CREATE TABLE campaign_calendar_items (
  campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  calendar_item_id uuid NOT NULL REFERENCES calendar_items (id) ON DELETE CASCADE,
  linked_by uuid REFERENCES users (id) ON DELETE SET NULL,
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, calendar_item_id)
);
CREATE INDEX campaign_calendar_items_item ON campaign_calendar_items (calendar_item_id);
