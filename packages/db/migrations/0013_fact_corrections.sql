-- Corrections with history (ADR 0022). Kommune- and Dienstleister-Bearbeiter propose
-- corrections of public facts about their own organisation (memberships, provider facts) with
-- a source; KDN-Analysts accept or reject them. An accepted correction writes a new version:
-- the version it replaces is kept whole in fact_version (with its provenance, valid from/to
-- and when it was recorded), nothing is overwritten. PostgreSQL 15 features only.

-- Provenance per fact: the date of the evidence, a cited document (instead of or besides a
-- URL) and when the fact was recorded in IT-Atlas.
ALTER TABLE membership
  ADD COLUMN seed_key        text,
  ADD COLUMN valid_from      date,
  ADD COLUMN evidence_date   date,
  ADD COLUMN source_document text,
  ADD COLUMN recorded_at     timestamptz NOT NULL DEFAULT now();
-- The key of a membership from the reference files (organisation|provider|relation of the
-- file row). The re-seed merges by it; a corrected membership keeps the key of its origin.
CREATE UNIQUE INDEX membership_seed_key_idx ON membership(seed_key);
-- Existing sourced rows get their keys at the next seed (its logic version changed); rows
-- named twice in the files carry "#2" from then on.

ALTER TABLE provider
  ADD COLUMN evidence_date   date,
  ADD COLUMN source_document text,
  ADD COLUMN recorded_at     timestamptz NOT NULL DEFAULT now();

CREATE TABLE fact_correction (
  id               serial PRIMARY KEY,
  fact_kind        text NOT NULL CHECK (fact_kind IN ('membership','provider')),
  action           text NOT NULL CHECK (action IN ('add','change','end')),
  -- The Kommune a membership correction is about (null for provider facts).
  organisation_key text REFERENCES organisation(key),
  provider_id      text NOT NULL REFERENCES provider(id),
  -- The membership a change or an end refers to (no foreign key: an ended membership leaves
  -- the current table and lives on in fact_version).
  membership_id    integer,
  proposed         jsonb NOT NULL,
  -- What the correction says, in German, as shown in lists.
  summary          text NOT NULL,
  -- The current version when the correction was proposed, to show what it changes.
  current          jsonb,
  source_url       text CHECK (source_url IS NULL OR source_url ~ '^https?://'),
  source_document  text CHECK (source_document IS NULL OR length(source_document) BETWEEN 1 AND 500),
  evidence_date    date NOT NULL,
  note             text CHECK (note IS NULL OR length(note) <= 5000),
  status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open','accepted','rejected')),
  decision_reason  text CHECK (decision_reason IS NULL OR length(decision_reason) BETWEEN 1 AND 5000),
  proposed_by      integer REFERENCES app_user(id) ON DELETE SET NULL,
  proposed_by_name text NOT NULL,
  proposed_at      timestamptz NOT NULL DEFAULT now(),
  decided_by       integer REFERENCES app_user(id) ON DELETE SET NULL,
  decided_by_name  text,
  decided_at       timestamptz,
  CHECK (source_url IS NOT NULL OR source_document IS NOT NULL),
  CHECK ((status = 'open') = (decided_at IS NULL)),
  CHECK ((status = 'open') = (decision_reason IS NULL)),
  CHECK ((fact_kind = 'membership') = (organisation_key IS NOT NULL)),
  CHECK (action = 'add' OR fact_kind = 'provider' OR membership_id IS NOT NULL)
);
CREATE INDEX fact_correction_status_idx ON fact_correction(status, proposed_at);
CREATE INDEX fact_correction_organisation_idx ON fact_correction(organisation_key);
CREATE INDEX fact_correction_provider_idx ON fact_correction(provider_id);

-- Earlier versions of facts, each kept whole as it was (row as JSON, provenance included).
CREATE TABLE fact_version (
  id               serial PRIMARY KEY,
  fact_kind        text NOT NULL CHECK (fact_kind IN ('membership','provider')),
  -- membership id or provider id
  fact_id          text NOT NULL,
  organisation_key text,
  provider_id      text,
  seed_key         text,
  data             jsonb NOT NULL,
  valid_from       date,
  valid_to         date,
  recorded_at      timestamptz NOT NULL,
  superseded_at    timestamptz NOT NULL DEFAULT now(),
  correction_id    integer REFERENCES fact_correction(id),
  channel          text NOT NULL CHECK (channel IN ('correction','import'))
);
CREATE INDEX fact_version_organisation_idx ON fact_version(organisation_key) WHERE organisation_key IS NOT NULL;
CREATE INDEX fact_version_fact_idx ON fact_version(fact_kind, fact_id);
CREATE INDEX fact_version_seed_key_idx ON fact_version(seed_key) WHERE seed_key IS NOT NULL;

-- Corrections can be discussed with the existing comments.
ALTER TABLE change_comment DROP CONSTRAINT change_comment_target_type_check;
ALTER TABLE change_comment ADD CONSTRAINT change_comment_target_type_check
  CHECK (target_type IN ('measure','strategy','scenario','correction'));
