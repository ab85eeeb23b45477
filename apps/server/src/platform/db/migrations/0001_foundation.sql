-- Foundation: accent folding, org tree, administrative units, users, sessions, tokens, audit, guidance.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE; pinning the dictionary makes this wrapper safe to declare IMMUTABLE,
-- so it can back generated columns and indexes. "Đà Nẵng" -> "da nang".
CREATE OR REPLACE FUNCTION loa_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, translate(value, 'đĐ', 'dD'))) $$;

CREATE TABLE app_state (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE org_units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  short_name text,
  kind text NOT NULL CHECK (kind IN ('agency', 'central_unit', 'press_office', 'province', 'district')),
  parent_id uuid REFERENCES org_units (id),
  path text NOT NULL UNIQUE,
  depth integer NOT NULL,
  admin_unit_code text,
  active_from date,
  active_to date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (loa_fold(code || ' ' || name || ' ' || coalesce(short_name, ''))) STORED,
  CHECK (active_to IS NULL OR active_from IS NULL OR active_from <= active_to),
  CHECK (parent_id IS NOT NULL OR kind = 'agency')
);
CREATE UNIQUE INDEX org_units_single_root ON org_units ((true)) WHERE parent_id IS NULL;
CREATE INDEX org_units_parent ON org_units (parent_id);
CREATE INDEX org_units_path ON org_units (path text_pattern_ops);
CREATE INDEX org_units_search ON org_units USING gin (search_text gin_trgm_ops);

-- Administrative units of Vietnam (GSO codes) under both structures, and how the new came from the old.
CREATE TABLE admin_units (
  structure text NOT NULL CHECK (structure IN ('63', '34')),
  code text NOT NULL,
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
  name text NOT NULL,
  type text NOT NULL,
  parent_code text,
  search_text text GENERATED ALWAYS AS (loa_fold(code || ' ' || name)) STORED,
  PRIMARY KEY (structure, code)
);
CREATE INDEX admin_units_parent ON admin_units (structure, parent_code);
CREATE INDEX admin_units_search ON admin_units USING gin (search_text gin_trgm_ops);

CREATE TABLE admin_unit_merges (
  new_code text NOT NULL,
  old_code text NOT NULL,
  level smallint NOT NULL,
  type text NOT NULL CHECK (type IN ('full', 'partial')),
  PRIMARY KEY (new_code, old_code)
);
CREATE INDEX admin_unit_merges_old ON admin_unit_merges (old_code);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE,
  email text,
  full_name text NOT NULL,
  phone text,
  title text,
  roles text[] NOT NULL CHECK (
    cardinality(roles) > 0
    AND roles <@ ARRAY['admin', 'leader', 'comms_center', 'unit_officer', 'press_office', 'province_officer', 'district_officer', 'viewer']
  ),
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  locale text NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi', 'en')),
  disabled boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (
    loa_fold(username || ' ' || full_name || ' ' || coalesce(email, '') || ' ' || coalesce(title, '') || ' ' || coalesce(phone, ''))
  ) STORED
);
CREATE UNIQUE INDEX users_email ON users (lower(email));
CREATE INDEX users_org_unit ON users (org_unit_id);
CREATE INDEX users_search ON users USING gin (search_text gin_trgm_ops);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL,
  prefix text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  seq bigint NOT NULL UNIQUE,
  occurred_at timestamptz NOT NULL,
  actor_id uuid,
  actor_name text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  org_unit_id uuid,
  summary text NOT NULL,
  before jsonb,
  after jsonb,
  request_id text,
  ip text,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  search_text text GENERATED ALWAYS AS (
    loa_fold(action || ' ' || entity_type || ' ' || coalesce(actor_name, '') || ' ' || summary)
  ) STORED
);
CREATE INDEX audit_events_time ON audit_events (occurred_at);
CREATE INDEX audit_events_entity ON audit_events (entity_type, entity_id);
CREATE INDEX audit_events_unit ON audit_events (org_unit_id);
CREATE INDEX audit_events_search ON audit_events USING gin (search_text gin_trgm_ops);

CREATE TABLE guidance_years (
  year integer PRIMARY KEY,
  document_no text NOT NULL,
  title text NOT NULL,
  issued_on date,
  copied_from integer REFERENCES guidance_years (year),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE guidance_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  year integer NOT NULL REFERENCES guidance_years (year),
  kind text NOT NULL CHECK (kind IN ('audience', 'theme', 'form', 'channel', 'product_type')),
  code text NOT NULL,
  parent_code text,
  grp text,
  name_vi text NOT NULL,
  name_en text NOT NULL,
  text_vi text NOT NULL,
  text_en text NOT NULL,
  sort_order integer NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (
    loa_fold(code || ' ' || name_vi || ' ' || name_en || ' ' || text_vi || ' ' || text_en)
  ) STORED,
  UNIQUE (year, kind, code)
);
CREATE INDEX guidance_items_search ON guidance_items USING gin (search_text gin_trgm_ops);
