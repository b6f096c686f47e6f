-- Uploaded import files (Excel/CSV). The bytes are kept so that the preview job and the
-- commit job read exactly the same file; the SHA-256 identifies it in the audit trail.
CREATE TABLE import_upload (
  id           serial PRIMARY KEY,
  file_name    text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  byte_size    integer NOT NULL CHECK (byte_size >= 0),
  sha256       text NOT NULL,
  content      bytea NOT NULL,
  created_by   integer REFERENCES app_user(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  preview_job_id integer REFERENCES job(id) ON DELETE SET NULL,
  commit_job_id  integer REFERENCES job(id) ON DELETE SET NULL
);
CREATE INDEX import_upload_created_by_idx ON import_upload (created_by, created_at);
