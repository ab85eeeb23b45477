-- Image thumbnails (issue 4 §1): the size of the original image (as displayed, EXIF orientation applied) and
-- whether a WebP thumbnail of its content is in the FileStore (key derived from the original's sha256).
ALTER TABLE files
  ADD COLUMN width integer CHECK (width > 0),
  ADD COLUMN height integer CHECK (height > 0),
  ADD COLUMN has_thumbnail boolean NOT NULL DEFAULT false;

-- The daily sweep of unreferenced files looks for rows older than a day.
CREATE INDEX files_uploaded_at ON files (uploaded_at);
