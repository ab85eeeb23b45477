-- Staff sharing (1191/BHXH-TT §III.4: "khuyến khích công chức, viên chức sử dụng tài khoản mạng xã hội cá nhân
-- tuyên truyền về BHXH, BHYT, BHTN"): an officer records that they shared a published product from a personal
-- social account. The officer's unit at the time is kept, so a later transfer does not move past shares between
-- units on the leaderboard.
CREATE TABLE product_shares (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  unit_id uuid NOT NULL REFERENCES org_units (id),
  network text NOT NULL CHECK (network IN ('facebook', 'zalo', 'tiktok', 'youtube', 'other')),
  url text NOT NULL CHECK (url ~* '^https?://' AND length(url) <= 1000),
  shared_on date NOT NULL,
  views integer CHECK (views BETWEEN 0 AND 100000000),
  reactions integer CHECK (reactions BETWEEN 0 AND 100000000),
  comments integer CHECK (comments BETWEEN 0 AND 100000000),
  shares integer CHECK (shares BETWEEN 0 AND 100000000),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- One post is recorded once for a product, whoever records it.
  UNIQUE (product_id, url)
);
CREATE INDEX product_shares_user ON product_shares (user_id, shared_on DESC);
CREATE INDEX product_shares_unit ON product_shares (unit_id, shared_on);
