-- Uploads are streamed into the database in chunks of about 1 MB (bounded memory while
-- receiving; every server process on the same PostgreSQL sees them, ADR 0020). An upload
-- counts against its account's stored bytes while it is received; `complete` is set once
-- the whole file is in. Uploads are deleted after their commit or at `expires_at`.
CREATE TABLE import_upload_chunk (
  upload_id  integer NOT NULL REFERENCES import_upload(id) ON DELETE CASCADE,
  seq        integer NOT NULL CHECK (seq >= 0),
  bytes      bytea NOT NULL,
  PRIMARY KEY (upload_id, seq)
);
-- Stored out of line without compression: .xlsx files are compressed already, and pglz over
-- each megabyte costs more time than the space it saves for a file kept at most a day.
ALTER TABLE import_upload_chunk ALTER COLUMN bytes SET STORAGE EXTERNAL;
INSERT INTO import_upload_chunk (upload_id, seq, bytes)
  SELECT id, 0, content FROM import_upload;
ALTER TABLE import_upload DROP COLUMN content;
ALTER TABLE import_upload ADD COLUMN complete boolean NOT NULL DEFAULT true;
ALTER TABLE import_upload ADD COLUMN expires_at timestamptz;
UPDATE import_upload SET expires_at = created_at + interval '24 hours';
ALTER TABLE import_upload ALTER COLUMN expires_at SET NOT NULL;
CREATE INDEX import_upload_expires_idx ON import_upload (expires_at);
