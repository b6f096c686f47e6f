-- Bedarfserhebung (campaigns, versioned question sets, responses and answers per Kommune,
-- token links, comments, section delegation) and IT-Strategie (versions and decisions per
-- service domain). Answers are confidential: only the Kommune and KDN see them.

CREATE TABLE survey_campaign (
  id           serial PRIMARY KEY,
  title        text NOT NULL,
  description  text,
  period_start date NOT NULL,
  period_end   date NOT NULL CHECK (period_end >= period_start),
  target_kind  text NOT NULL CHECK (target_kind IN ('all','regierungsbezirk','kreis','provider')),
  target_key   text,
  status       text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','running','closed')),
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  started_at   timestamptz,
  CHECK ((target_kind = 'all') = (target_key IS NULL))
);

-- A version of a campaign's questions; frozen (never changed again) when the campaign starts.
CREATE TABLE survey_question_set (
  id          serial PRIMARY KEY,
  campaign_id integer NOT NULL REFERENCES survey_campaign(id) ON DELETE CASCADE,
  version     integer NOT NULL CHECK (version >= 1),
  frozen_at   timestamptz,
  UNIQUE (campaign_id, version)
);

-- One question; `definition` is the zod-validated JSON (type, options, condition, …).
CREATE TABLE survey_question (
  question_set_id integer NOT NULL REFERENCES survey_question_set(id) ON DELETE CASCADE,
  key             text NOT NULL,
  position        integer NOT NULL,
  domain_id       text REFERENCES service_domain(id),
  definition      jsonb NOT NULL,
  PRIMARY KEY (question_set_id, key)
);

CREATE TABLE survey_response (
  id               serial PRIMARY KEY,
  campaign_id      integer NOT NULL REFERENCES survey_campaign(id) ON DELETE CASCADE,
  organisation_key text NOT NULL REFERENCES organisation(key),
  question_set_id  integer NOT NULL REFERENCES survey_question_set(id),
  status           text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','accepted','returned')),
  submitted_at     timestamptz,
  submitted_by     text,
  reviewed_at      timestamptz,
  reviewed_by      text,
  review_comment   text,
  applied_at       timestamptz,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (campaign_id, organisation_key)
);
CREATE INDEX survey_response_organisation_idx ON survey_response(organisation_key);

CREATE TABLE survey_answer (
  response_id  integer NOT NULL REFERENCES survey_response(id) ON DELETE CASCADE,
  question_key text NOT NULL,
  value        jsonb NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  updated_by   text NOT NULL,
  PRIMARY KEY (response_id, question_key)
);

-- Personal links for people without an account: one response, until it expires.
CREATE TABLE survey_token (
  token_hash   text PRIMARY KEY,
  response_id  integer NOT NULL REFERENCES survey_response(id) ON DELETE CASCADE,
  label        text NOT NULL,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz,
  last_used_at timestamptz
);
CREATE INDEX survey_token_response_idx ON survey_token(response_id);

CREATE TABLE survey_comment (
  id           serial PRIMARY KEY,
  response_id  integer NOT NULL REFERENCES survey_response(id) ON DELETE CASCADE,
  question_key text,
  author       text NOT NULL,
  body         text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX survey_comment_response_idx ON survey_comment(response_id);

-- A section (service domain, '' = general questions) handed to a colleague.
CREATE TABLE survey_delegation (
  response_id integer NOT NULL REFERENCES survey_response(id) ON DELETE CASCADE,
  section     text NOT NULL,
  delegate    text NOT NULL,
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (response_id, section)
);

CREATE TABLE strategy (
  id                    serial PRIMARY KEY,
  organisation_key      text NOT NULL REFERENCES organisation(key),
  version               integer NOT NULL CHECK (version >= 1),
  status                text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','adopted')),
  council_decision_date date,
  updated_at            timestamptz NOT NULL DEFAULT now(),
  updated_by            text NOT NULL,
  UNIQUE (organisation_key, version),
  CHECK ((status = 'adopted') = (council_decision_date IS NOT NULL))
);
-- At most one draft per Kommune.
CREATE UNIQUE INDEX strategy_one_draft_idx ON strategy(organisation_key) WHERE status = 'draft';

CREATE TABLE strategy_decision (
  strategy_id      integer NOT NULL REFERENCES strategy(id) ON DELETE CASCADE,
  domain_id        text NOT NULL REFERENCES service_domain(id),
  target_model     text NOT NULL CHECK (target_model IN ('vor_ort','it_dienstleister','interkommunal','land','efa')),
  provider_id      text REFERENCES provider(id),
  vor_ort_required boolean NOT NULL DEFAULT false,
  rationale        text,
  priority         smallint NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
  target_year      integer CHECK (target_year BETWEEN 2020 AND 2060),
  PRIMARY KEY (strategy_id, domain_id)
);
CREATE INDEX strategy_decision_domain_idx ON strategy_decision(domain_id);
