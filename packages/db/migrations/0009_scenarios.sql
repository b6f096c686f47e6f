-- Scenarios (issue 7): a base date, scope, cost parameters and constraints (`definition`,
-- validated by the domain's zod schema ScenarioDefinition before it is written), the stored
-- results of optimiser runs, Pareto analyses and hand-made assignments.

CREATE TABLE scenario (
  id           serial PRIMARY KEY,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description  text,
  base_date    date NOT NULL,
  definition   jsonb NOT NULL CHECK (jsonb_typeof(definition) = 'object'),
  -- Zielbild (target picture): at most one scenario, enforced by the partial unique index.
  is_target    boolean NOT NULL DEFAULT false,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_by   text NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX scenario_one_target_idx ON scenario(is_target) WHERE is_target;

-- One run of a scenario (a `scenario.solve` job): what the solver reported, the plan, and the
-- definition it was run with (the scenario may be edited later).
CREATE TABLE scenario_result (
  id          serial PRIMARY KEY,
  scenario_id integer NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,
  job_id      integer REFERENCES job(id) ON DELETE SET NULL,
  status      text NOT NULL CHECK (status IN ('optimal','feasible','infeasible','error')),
  objective   double precision,
  bound       double precision,
  gap         double precision,
  seconds     double precision NOT NULL DEFAULT 0,
  plan        jsonb,
  conflicts   text[] NOT NULL DEFAULT '{}',
  message     text,
  definition  jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (status IN ('infeasible','error') OR plan IS NOT NULL)
);
CREATE INDEX scenario_result_scenario_idx ON scenario_result(scenario_id, created_at DESC);

-- Savings against migrations under migration budgets (a `scenario.pareto` job).
CREATE TABLE scenario_pareto (
  id          serial PRIMARY KEY,
  scenario_id integer NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,
  job_id      integer REFERENCES job(id) ON DELETE SET NULL,
  points      jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scenario_pareto_scenario_idx ON scenario_pareto(scenario_id, created_at DESC);

-- A scenario made by hand: Kommune × domain → provider, or eigener Betrieb (provider_id NULL).
-- Rows not listed keep their Ist assignment.
CREATE TABLE scenario_assignment (
  scenario_id      integer NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,
  organisation_key text NOT NULL REFERENCES organisation(key),
  domain_id        text NOT NULL REFERENCES service_domain(id),
  provider_id      text REFERENCES provider(id),
  PRIMARY KEY (scenario_id, organisation_key, domain_id)
);
