-- Kennzahlen über die Zeit (KPI snapshots) and the Expertenverzeichnis of each Kommune.

-- One run of the KPI computation: periodic (server start after ATLAS_KPI_INTERVAL_DAYS) or on demand.
CREATE TABLE kpi_snapshot (
  id        serial PRIMARY KEY,
  taken_at  timestamptz NOT NULL DEFAULT now(),
  trigger   text NOT NULL CHECK (trigger IN ('periodic','on_demand')),
  taken_by  text NOT NULL
);
CREATE INDEX kpi_snapshot_taken_at_idx ON kpi_snapshot(taken_at);

-- The figures of one scope in one run. Level and key: NRW ('05'), a Regierungsbezirk ('057'),
-- a Kreis ('05766', a kreisfreie Stadt by its AGS) or a Kommune (AGS or Kreisschlüssel).
CREATE TABLE kpi_value (
  snapshot_id           integer NOT NULL REFERENCES kpi_snapshot(id) ON DELETE CASCADE,
  level                 text NOT NULL CHECK (level IN ('nrw','regierungsbezirk','kreis','kommune')),
  key                   text NOT NULL,
  name                  text NOT NULL,
  kommunen              integer NOT NULL CHECK (kommunen >= 0),
  population            bigint NOT NULL CHECK (population >= 0),
  providers             integer NOT NULL CHECK (providers >= 0),
  -- 1 − mean Herfindahl index of provider shares per Leistungsbereich; null without sourcing.
  fragmentation_index   double precision CHECK (fragmentation_index BETWEEN 0 AND 1),
  running_cost          numeric(16,2) NOT NULL CHECK (running_cost >= 0),
  investment_cost       numeric(16,2) NOT NULL CHECK (investment_cost >= 0),
  cost_demo             boolean NOT NULL,
  ozg_responsible       integer NOT NULL CHECK (ozg_responsible >= 0),
  ozg_online            integer NOT NULL CHECK (ozg_online >= 0 AND ozg_online <= ozg_responsible),
  survey_responses      integer NOT NULL CHECK (survey_responses >= 0),
  survey_completed      integer NOT NULL CHECK (survey_completed >= 0 AND survey_completed <= survey_responses),
  -- Null while there are no measures to count (the Maßnahmen table may not exist yet).
  measures_total        integer CHECK (measures_total >= 0),
  measures_on_time      integer CHECK (measures_on_time >= 0 AND measures_on_time <= measures_total),
  PRIMARY KEY (snapshot_id, level, key)
);
CREATE INDEX kpi_value_scope_idx ON kpi_value(level, key);

-- Expertenverzeichnis: contacts of a Kommune for the change process. Minimal personal data
-- (name, function, e-mail, optional phone) for one stated purpose; a deletion removes the row.
-- The audit log records only id, Kommune and role, never the personal data.
CREATE TABLE kommune_expert (
  id               serial PRIMARY KEY,
  organisation_key text NOT NULL REFERENCES organisation(key),
  role             text NOT NULL CHECK (role IN ('fachexpertin','organisationsexpertin','digitalisierungsexpertin','it_leitung')),
  domain_id        text REFERENCES service_domain(id),
  name             text NOT NULL CHECK (length(name) BETWEEN 2 AND 120),
  function         text NOT NULL CHECK (length(function) BETWEEN 2 AND 120),
  email            text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  phone            text CHECK (length(phone) <= 40),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  -- Fachexpert*innen are named for a Leistungsbereich, the other roles for the whole Kommune.
  CHECK ((role = 'fachexpertin') = (domain_id IS NOT NULL))
);
CREATE INDEX kommune_expert_organisation_idx ON kommune_expert(organisation_key);
