-- A job queue in PostgreSQL itself, so it works the same on PGlite and on a server: workers
-- claim jobs with FOR UPDATE SKIP LOCKED, keep a heartbeat, and a job whose worker died
-- (heartbeat too old) is claimed again. Results and progress stay in the table.
CREATE TABLE job (
  id            serial PRIMARY KEY,
  kind          text NOT NULL,
  status        text NOT NULL DEFAULT 'queued'
                CHECK (status IN ('queued','running','succeeded','failed','cancelled')),
  payload       jsonb NOT NULL DEFAULT '{}',
  progress      real NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
  progress_text text,
  result        jsonb,
  error_code    text,
  error_detail  text,
  cancel_requested boolean NOT NULL DEFAULT false,
  attempts      integer NOT NULL DEFAULT 0,
  max_attempts  integer NOT NULL DEFAULT 3,
  created_by    integer REFERENCES app_user(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  started_at    timestamptz,
  finished_at   timestamptz,
  heartbeat_at  timestamptz,
  worker_id     text
);
CREATE INDEX job_claim_idx ON job (status, created_at) WHERE status IN ('queued','running');
CREATE INDEX job_created_by_idx ON job (created_by, created_at);
