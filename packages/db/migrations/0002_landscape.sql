-- IT-Landkarte: Leistungsbereiche (service domains), products, time-versioned sourcing
-- (Bezug), provider offers and reorganisations (mergers, renamings, member moves).
-- Validity intervals are [valid_from, valid_to): valid_to NULL means "still valid".

-- The day a provider stopped operating under its own name (merger or renaming), when exact.
ALTER TABLE provider ADD COLUMN ended_on date;

CREATE TABLE service_domain (
  id                text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  parent_id         text REFERENCES service_domain(id),
  name              text NOT NULL,
  description       text,
  category          text NOT NULL CHECK (category IN ('infrastruktur','querschnitt','fachverfahren','digitale_dienste')),
  is_group          boolean NOT NULL DEFAULT false,
  volume_unit       text,
  responsible_types text[] NOT NULL DEFAULT '{}',
  -- Legal basis of the responsibility (e.g. "§ 1 MG NRW: Meldebehörden sind die Gemeinden").
  responsibility_basis text,
  position          integer NOT NULL DEFAULT 0,
  CHECK (is_group OR volume_unit IS NOT NULL)
);

CREATE TABLE service_domain_ozg (
  domain_id text NOT NULL REFERENCES service_domain(id) ON DELETE CASCADE,
  ozg_id    integer NOT NULL REFERENCES ozg_leistung(id),
  PRIMARY KEY (domain_id, ozg_id)
);

CREATE TABLE product (
  id          text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name        text NOT NULL,
  vendor      text NOT NULL,
  lifecycle   text NOT NULL CHECK (lifecycle IN ('aktiv','auslaufend','abgekuendigt','geplant')),
  description text,
  source_id   text REFERENCES source(id),
  source_urls text[] NOT NULL DEFAULT '{}',
  as_of       text,
  evidence    text,
  quality     text NOT NULL DEFAULT 'demo' CHECK (quality IN ('sourced','self_reported','provider_confirmed','user','demo'))
);

CREATE TABLE product_domain (
  product_id text NOT NULL REFERENCES product(id) ON DELETE CASCADE,
  domain_id  text NOT NULL REFERENCES service_domain(id) ON DELETE CASCADE,
  PRIMARY KEY (product_id, domain_id)
);

-- A merger, renaming or member move applied to the landscape (possibly the replay of a
-- sourced provider event). Sourcing rows it created point to it.
CREATE TABLE reorganisation (
  id                  serial PRIMARY KEY,
  kind                text NOT NULL CHECK (kind IN ('merger','rename','member_move')),
  effective_date      date NOT NULL,
  source_provider_ids text[] NOT NULL,
  target_provider_id  text NOT NULL REFERENCES provider(id),
  organisation_key    text REFERENCES organisation(key),
  provider_event_id   integer REFERENCES provider_event(id) ON DELETE SET NULL,
  moved_sourcings     integer NOT NULL DEFAULT 0,
  moved_offers        integer NOT NULL DEFAULT 0,
  note                text,
  applied_by          text NOT NULL DEFAULT 'system',
  applied_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sourcing (
  id               serial PRIMARY KEY,
  organisation_key text NOT NULL REFERENCES organisation(key),
  domain_id        text NOT NULL REFERENCES service_domain(id),
  operating_model  text NOT NULL CHECK (operating_model IN ('eigenbetrieb','it_dienstleister','andere_kommune','land','efa_dienst')),
  provider_id      text REFERENCES provider(id),
  partner_key      text REFERENCES organisation(key),
  product_id       text REFERENCES product(id),
  running_cost     numeric(14,2) CHECK (running_cost >= 0),
  investment_cost  numeric(14,2) CHECK (investment_cost >= 0),
  volume           numeric(14,2) CHECK (volume >= 0),
  contract_end     date,
  satisfaction     smallint CHECK (satisfaction BETWEEN 1 AND 5),
  valid_from       date NOT NULL,
  valid_to         date,
  predecessor_id   integer REFERENCES sourcing(id),
  reorganisation_id integer REFERENCES reorganisation(id),
  change_reason    text,
  source_id        text REFERENCES source(id),
  source_urls      text[] NOT NULL DEFAULT '{}',
  as_of            text,
  evidence         text,
  quality          text NOT NULL DEFAULT 'user' CHECK (quality IN ('sourced','self_reported','provider_confirmed','user','demo')),
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  CHECK (operating_model <> 'it_dienstleister' OR provider_id IS NOT NULL),
  CHECK (operating_model <> 'andere_kommune' OR partner_key IS NOT NULL)
);
-- At most one open row per Kommune and domain; closed rows must not overlap (checked in the
-- repository inside the writing transaction).
CREATE UNIQUE INDEX sourcing_open_idx ON sourcing(organisation_key, domain_id) WHERE valid_to IS NULL;
CREATE INDEX sourcing_domain_validity_idx ON sourcing(domain_id, valid_from, valid_to);
CREATE INDEX sourcing_organisation_idx ON sourcing(organisation_key, domain_id, valid_from);
CREATE INDEX sourcing_provider_idx ON sourcing(provider_id) WHERE provider_id IS NOT NULL;

CREATE TABLE provider_offer (
  id           serial PRIMARY KEY,
  provider_id  text NOT NULL REFERENCES provider(id),
  domain_id    text NOT NULL REFERENCES service_domain(id),
  product_id   text REFERENCES product(id),
  fixed_price  numeric(14,2) NOT NULL DEFAULT 0 CHECK (fixed_price >= 0),
  unit_price   numeric(14,4) NOT NULL DEFAULT 0 CHECK (unit_price >= 0),
  capacity     numeric(14,2) CHECK (capacity >= 0),
  sla          text,
  valid_from   date NOT NULL,
  valid_to     date,
  predecessor_id integer REFERENCES provider_offer(id),
  reorganisation_id integer REFERENCES reorganisation(id),
  source_id    text REFERENCES source(id),
  source_urls  text[] NOT NULL DEFAULT '{}',
  as_of        text,
  evidence     text,
  quality      text NOT NULL DEFAULT 'user' CHECK (quality IN ('sourced','self_reported','provider_confirmed','user','demo')),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX provider_offer_provider_idx ON provider_offer(provider_id);

-- Incremented by every landscape write, so readers can cache as-of snapshots safely.
CREATE TABLE landscape_revision (
  id       boolean PRIMARY KEY DEFAULT true CHECK (id),
  revision bigint NOT NULL DEFAULT 0
);
INSERT INTO landscape_revision (id, revision) VALUES (true, 0);
