-- Stories of the library (0009) a communication product tells or draws on (issue 4 §6). The products module owns
-- the link; only usable stories (consent obtained or not needed) are linked, which the service checks.
CREATE TABLE product_stories (
  product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  story_id uuid NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  linked_by uuid REFERENCES users (id) ON DELETE SET NULL,
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (product_id, story_id)
);
CREATE INDEX product_stories_story ON product_stories (story_id);
