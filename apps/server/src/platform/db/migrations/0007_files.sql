-- Files (issue 4 §1): content stored once per SHA-256 in a FileStore (disk by default); rows name the upload,
-- its kind as recognised from the content, and the org unit whose scope it belongs to.

CREATE TABLE files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL CHECK (size > 0),
  kind text NOT NULL,
  media_type text NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  uploaded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
-- Several rows may share one blob (same content uploaded twice); the blob goes when the last row does.
CREATE INDEX files_sha256 ON files (sha256);
CREATE INDEX files_org_unit ON files (org_unit_id, uploaded_at);

-- Attachments of legal and guidance documents (issue 3 §4); deleting a document removes its links.
CREATE TABLE regulation_attachments (
  regulation_id uuid NOT NULL REFERENCES regulations (id) ON DELETE CASCADE,
  file_id uuid NOT NULL REFERENCES files (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  sort_order integer NOT NULL,
  added_by uuid REFERENCES users (id) ON DELETE SET NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (regulation_id, file_id)
);
CREATE INDEX regulation_attachments_file ON regulation_attachments (file_id);
