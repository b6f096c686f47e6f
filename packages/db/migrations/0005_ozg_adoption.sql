-- OZG-Umsetzung: the responsibility rule (by LeiKa-Typ and per OZG-Leistung), the catalogue of
-- online services and central base components, each Kommune's adoption status per
-- OZG-Leistung and its onboarding checklist, and the service exchange between providers
-- (offers, interests, agreements). PostgreSQL 15 feature set only.

-- Which Kommune types must offer an OZG-Leistung: a row per LeiKa-Typ (the default rule) or,
-- more specific, per OZG-Leistung. Seeded once, then edited by administrators; a Kommune's own
-- record in ozg_adoption overrides both for that Kommune.
CREATE TABLE ozg_responsibility_rule (
  id                serial PRIMARY KEY,
  leika_type        text CHECK (leika_type IN ('1','2/3','4','5','6')),
  ozg_id            integer REFERENCES ozg_leistung(id) ON DELETE CASCADE,
  responsible_types text[] NOT NULL DEFAULT '{}' CHECK (responsible_types <@ ARRAY[
    'kreisfreie_stadt','regionsangehoerige_stadt_aachen','grosse_kreisangehoerige_stadt',
    'mittlere_kreisangehoerige_stadt','kreisangehoerige_stadt','kreisangehoerige_gemeinde',
    'kreis','staedteregion']::text[]),
  basis             text NOT NULL,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  updated_by        text NOT NULL DEFAULT 'system',
  CHECK ((leika_type IS NULL) <> (ozg_id IS NULL))
);
CREATE UNIQUE INDEX ozg_responsibility_rule_type_idx ON ozg_responsibility_rule(leika_type) WHERE leika_type IS NOT NULL;
CREATE UNIQUE INDEX ozg_responsibility_rule_ozg_idx ON ozg_responsibility_rule(ozg_id) WHERE ozg_id IS NOT NULL;

-- Online services (Onlinedienste) and central base components (E-Payment, XTA …).
CREATE TABLE online_service (
  id                   text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name                 text NOT NULL,
  description          text,
  kind                 text NOT NULL CHECK (kind IN ('onlinedienst','basiskomponente')),
  component            text CHECK (component IN ('servicekonto','epayment','xta','formular')),
  operator_provider_id text REFERENCES provider(id),
  operator_name        text,
  efa                  boolean NOT NULL DEFAULT false,
  lead_land            text CHECK (lead_land IN ('BW','BY','BE','BB','HB','HH','HE','MV','NI','NW','RP','SL','SN','ST','SH','TH','BUND')),
  portal               text,
  maturity             smallint NOT NULL CHECK (maturity BETWEEN 0 AND 4),
  dependencies         text[] NOT NULL DEFAULT '{}' CHECK (dependencies <@ ARRAY['servicekonto','epayment','xta','formular']::text[]),
  source_id            text REFERENCES source(id),
  source_urls          text[] NOT NULL DEFAULT '{}',
  as_of                text,
  evidence             text,
  quality              text NOT NULL DEFAULT 'user' CHECK (quality IN ('sourced','self_reported','provider_confirmed','user','demo')),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'basiskomponente') = (component IS NOT NULL)),
  CHECK (operator_provider_id IS NOT NULL OR operator_name IS NOT NULL)
);

CREATE TABLE online_service_leistung (
  service_id text NOT NULL REFERENCES online_service(id) ON DELETE CASCADE,
  ozg_id     integer NOT NULL REFERENCES ozg_leistung(id),
  PRIMARY KEY (service_id, ozg_id)
);
CREATE INDEX online_service_leistung_ozg_idx ON online_service_leistung(ozg_id);

-- A Kommune's status for one OZG-Leistung, with the source and date of the information
-- (info_source, as_of). One current row per Kommune and Leistung; earlier states are in the
-- audit trail. No row: responsible Leistungen count as "offen".
CREATE TABLE ozg_adoption (
  organisation_key  text NOT NULL REFERENCES organisation(key),
  ozg_id            integer NOT NULL REFERENCES ozg_leistung(id),
  status            text NOT NULL CHECK (status IN ('nicht_zustaendig','offen','geplant','in_anbindung','online')),
  online_service_id text REFERENCES online_service(id),
  planned_date      date,
  info_source       text,
  note              text,
  source_id         text REFERENCES source(id),
  source_urls       text[] NOT NULL DEFAULT '{}',
  as_of             text,
  evidence          text,
  quality           text NOT NULL DEFAULT 'user' CHECK (quality IN ('sourced','self_reported','provider_confirmed','user','demo')),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  updated_by        text NOT NULL DEFAULT 'system',
  PRIMARY KEY (organisation_key, ozg_id),
  CHECK (status <> 'nicht_zustaendig' OR online_service_id IS NULL),
  CHECK (planned_date IS NULL OR status IN ('geplant','in_anbindung'))
);
CREATE INDEX ozg_adoption_ozg_idx ON ozg_adoption(ozg_id);
CREATE INDEX ozg_adoption_service_idx ON ozg_adoption(online_service_id) WHERE online_service_id IS NOT NULL;

-- A Kommune's onboarding checklist for the central base components.
CREATE TABLE ozg_onboarding (
  organisation_key  text NOT NULL REFERENCES organisation(key),
  component         text NOT NULL CHECK (component IN ('servicekonto','epayment','xta','formular')),
  status            text NOT NULL CHECK (status IN ('nicht_zustaendig','offen','geplant','in_anbindung','online')),
  online_service_id text REFERENCES online_service(id),
  planned_date      date,
  info_source       text,
  note              text,
  source_id         text REFERENCES source(id),
  source_urls       text[] NOT NULL DEFAULT '{}',
  as_of             text,
  evidence          text,
  quality           text NOT NULL DEFAULT 'user' CHECK (quality IN ('sourced','self_reported','provider_confirmed','user','demo')),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  updated_by        text NOT NULL DEFAULT 'system',
  PRIMARY KEY (organisation_key, component),
  CHECK (planned_date IS NULL OR status IN ('geplant','in_anbindung'))
);
CREATE INDEX ozg_onboarding_service_idx ON ozg_onboarding(online_service_id) WHERE online_service_id IS NOT NULL;

-- Service exchange (Leistungsaustausch): offers of a provider to other providers' members.
-- While published, an offer is mirrored by a provider_offer row (a scenario option).
CREATE TABLE exchange_offer (
  id                    serial PRIMARY KEY,
  provider_id           text NOT NULL REFERENCES provider(id),
  domain_id             text NOT NULL REFERENCES service_domain(id),
  online_service_id     text REFERENCES online_service(id),
  title                 text NOT NULL,
  description           text,
  price_model           text,
  fixed_price           numeric(14,2) NOT NULL DEFAULT 0 CHECK (fixed_price >= 0),
  unit_price            numeric(14,4) NOT NULL DEFAULT 0 CHECK (unit_price >= 0),
  capacity              numeric(14,2) CHECK (capacity >= 0),
  sla                   text,
  audience_provider_ids text[] NOT NULL DEFAULT '{}',
  status                text NOT NULL DEFAULT 'veroeffentlicht' CHECK (status IN ('veroeffentlicht','zurueckgezogen')),
  valid_from            date NOT NULL,
  valid_to              date,
  provider_offer_id     integer REFERENCES provider_offer(id) ON DELETE SET NULL,
  source_id             text REFERENCES source(id),
  source_urls           text[] NOT NULL DEFAULT '{}',
  as_of                 text,
  evidence              text,
  quality               text NOT NULL DEFAULT 'user' CHECK (quality IN ('sourced','self_reported','provider_confirmed','user','demo')),
  created_at            timestamptz NOT NULL DEFAULT now(),
  created_by            text NOT NULL DEFAULT 'system',
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX exchange_offer_provider_idx ON exchange_offer(provider_id);

CREATE TABLE exchange_interest (
  id               serial PRIMARY KEY,
  offer_id         integer NOT NULL REFERENCES exchange_offer(id) ON DELETE CASCADE,
  organisation_key text REFERENCES organisation(key),
  provider_id      text REFERENCES provider(id),
  note             text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  created_by       text NOT NULL,
  CHECK ((organisation_key IS NULL) <> (provider_id IS NULL))
);
CREATE UNIQUE INDEX exchange_interest_party_idx
  ON exchange_interest(offer_id, coalesce(organisation_key, ''), coalesce(provider_id, ''));

CREATE TABLE exchange_agreement (
  id               serial PRIMARY KEY,
  offer_id         integer NOT NULL REFERENCES exchange_offer(id),
  organisation_key text REFERENCES organisation(key),
  provider_id      text REFERENCES provider(id),
  signed_on        date NOT NULL,
  valid_from       date NOT NULL,
  valid_to         date,
  note             text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  created_by       text NOT NULL,
  CHECK ((organisation_key IS NULL) <> (provider_id IS NULL)),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX exchange_agreement_offer_idx ON exchange_agreement(offer_id);

-- Incremented by every write to rules, catalogue, adoption or checklist, so that readers can
-- cache the computed readiness board safely.
CREATE TABLE ozg_revision (
  id       boolean PRIMARY KEY DEFAULT true CHECK (id),
  revision bigint NOT NULL DEFAULT 0
);
INSERT INTO ozg_revision (id, revision) VALUES (true, 0);
