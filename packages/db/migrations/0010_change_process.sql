-- Veränderungsprozess: Maßnahmen (scope, owner, team by expert role, dates, status, wave),
-- dependencies between them (acyclic: checked by the application), milestones, governance
-- bodies and their decisions (Beschlüsse), comments with @mentions on measures, strategies
-- and scenarios, and per-account notifications.
-- scenario_id is text without a foreign key: scenarios live in another migration (0009) and
-- a measure must survive a scenario being deleted or recomputed.

CREATE TABLE measure (
  id                 serial PRIMARY KEY,
  title              text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description        text CHECK (length(description) <= 5000),
  scenario_id        text,
  strategy_id        integer REFERENCES strategy(id) ON DELETE SET NULL,
  strategy_domain_id text REFERENCES service_domain(id),
  owner_user_id      integer REFERENCES app_user(id) ON DELETE SET NULL,
  start_date         date,
  due_date           date,
  status             text NOT NULL DEFAULT 'geplant'
                     CHECK (status IN ('geplant','in_arbeit','blockiert','erledigt','verworfen')),
  wave               integer CHECK (wave >= 1),
  one_off_cost       double precision CHECK (one_off_cost >= 0),
  created_at         timestamptz NOT NULL DEFAULT now(),
  created_by         text NOT NULL,
  updated_at         timestamptz NOT NULL DEFAULT now(),
  updated_by         text NOT NULL,
  CHECK (due_date IS NULL OR start_date IS NULL OR due_date >= start_date),
  CHECK ((strategy_domain_id IS NULL) OR (strategy_id IS NOT NULL))
);
CREATE INDEX measure_scenario_idx ON measure(scenario_id);
CREATE INDEX measure_owner_idx ON measure(owner_user_id);

CREATE TABLE measure_kommune (
  measure_id       integer NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
  organisation_key text NOT NULL REFERENCES organisation(key),
  PRIMARY KEY (measure_id, organisation_key)
);
CREATE INDEX measure_kommune_organisation_idx ON measure_kommune(organisation_key);

CREATE TABLE measure_domain (
  measure_id integer NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
  domain_id  text NOT NULL REFERENCES service_domain(id),
  PRIMARY KEY (measure_id, domain_id)
);
CREATE INDEX measure_domain_domain_idx ON measure_domain(domain_id);

CREATE TABLE measure_provider (
  measure_id  integer NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
  provider_id text NOT NULL REFERENCES provider(id),
  PRIMARY KEY (measure_id, provider_id)
);
CREATE INDEX measure_provider_provider_idx ON measure_provider(provider_id);

-- The team: accounts by expert role (Fach-, Organisations-, Digitalisierungsexpert*innen, IT-Leitung; the roles of the Expertenverzeichnis).
CREATE TABLE measure_team_member (
  measure_id  integer NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
  user_id     integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  expert_role text NOT NULL CHECK (expert_role IN ('fachexpertin','organisationsexpertin','digitalisierungsexpertin','it_leitung')),
  PRIMARY KEY (measure_id, user_id, expert_role)
);

-- measure_id depends on depends_on_id (it can finish only after it). Cycles are refused by
-- the application (findDependencyCycle) before writing, under a lock on the measure table.
CREATE TABLE measure_dependency (
  measure_id    integer NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
  depends_on_id integer NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
  PRIMARY KEY (measure_id, depends_on_id),
  CHECK (measure_id <> depends_on_id)
);
CREATE INDEX measure_dependency_depends_on_idx ON measure_dependency(depends_on_id);

CREATE TABLE measure_milestone (
  id         serial PRIMARY KEY,
  measure_id integer NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
  title      text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  due_date   date NOT NULL,
  done       boolean NOT NULL DEFAULT false
);
CREATE INDEX measure_milestone_measure_idx ON measure_milestone(measure_id);

-- Gremien: bodies that decide about the change process.
CREATE TABLE governance_body (
  id          serial PRIMARY KEY,
  name        text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
  kind        text NOT NULL CHECK (kind IN ('verbandsversammlung','lenkungskreis','rat','kreistag','sonstiges')),
  description text CHECK (length(description) <= 2000),
  created_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO governance_body (name, kind, description) VALUES
  ('KDN-Verbandsversammlung', 'verbandsversammlung',
   'Verbandsversammlung des KDN – Dachverband kommunaler IT-Dienstleister'),
  ('Lenkungskreis IT-Konsolidierung', 'lenkungskreis',
   'Steuert den Veränderungsprozess: Maßnahmen, Wellen und Prioritäten');

-- Beschlüsse of a body, with the measures and scenarios they affect.
CREATE TABLE governance_decision (
  id                 serial PRIMARY KEY,
  body_id            integer NOT NULL REFERENCES governance_body(id),
  decided_on         date NOT NULL,
  title              text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  text               text CHECK (length(text) <= 10000),
  document_reference text CHECK (length(document_reference) <= 500),
  created_at         timestamptz NOT NULL DEFAULT now(),
  created_by         text NOT NULL
);
CREATE INDEX governance_decision_body_idx ON governance_decision(body_id, decided_on);

CREATE TABLE governance_decision_measure (
  decision_id integer NOT NULL REFERENCES governance_decision(id) ON DELETE CASCADE,
  measure_id  integer NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
  PRIMARY KEY (decision_id, measure_id)
);
CREATE INDEX governance_decision_measure_measure_idx ON governance_decision_measure(measure_id);

CREATE TABLE governance_decision_scenario (
  decision_id integer NOT NULL REFERENCES governance_decision(id) ON DELETE CASCADE,
  scenario_id text NOT NULL CHECK (length(scenario_id) BETWEEN 1 AND 100),
  PRIMARY KEY (decision_id, scenario_id)
);

-- Comments on a measure, a strategy (version id) or a scenario (its text id).
CREATE TABLE change_comment (
  id             serial PRIMARY KEY,
  target_type    text NOT NULL CHECK (target_type IN ('measure','strategy','scenario')),
  target_id      text NOT NULL CHECK (length(target_id) BETWEEN 1 AND 100),
  author_user_id integer REFERENCES app_user(id) ON DELETE SET NULL,
  author_label   text NOT NULL,
  body           text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX change_comment_target_idx ON change_comment(target_type, target_id, created_at);

-- In-app notifications per account (mentions, assignments); read_at null = unread.
CREATE TABLE notification (
  id         bigserial PRIMARY KEY,
  user_id    integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  kind       text NOT NULL CHECK (kind IN ('mention','assignment')),
  title      text NOT NULL,
  link       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at    timestamptz
);
CREATE INDEX notification_user_idx ON notification(user_id, created_at DESC);
