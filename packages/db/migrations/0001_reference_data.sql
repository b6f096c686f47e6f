-- Reference data of NRW: territorial units, IT service providers, memberships, provider events
-- and the OZG/LeiKa catalogue. Every fact row carries its provenance (source, as-of date,
-- evidence, quality). PostgreSQL 15 feature set only (PGlite is newer; CI runs both).

CREATE TABLE source (
  id          text PRIMARY KEY,
  title       text NOT NULL,
  publisher   text,
  url         text,
  licence     text,
  attribution text,
  as_of       text,
  note        text
);

CREATE TABLE organisation (
  key                   text PRIMARY KEY,
  kind                  text NOT NULL CHECK (kind IN ('land','landschaftsverband','regierungsbezirk','kreis','gemeinde')),
  ars                   text UNIQUE,
  name                  text NOT NULL,
  official_name         text,
  municipality_type     text CHECK (municipality_type IN ('kreisfreie_stadt','regionsangehoerige_stadt_aachen','grosse_kreisangehoerige_stadt','mittlere_kreisangehoerige_stadt','kreisangehoerige_stadt','kreisangehoerige_gemeinde')),
  kreis_type            text CHECK (kreis_type IN ('kreis','staedteregion')),
  kreisfrei             boolean,
  kreis_key             text REFERENCES organisation(key),
  regierungsbezirk_key  text REFERENCES organisation(key),
  landschaftsverband_key text REFERENCES organisation(key),
  seat                  text,
  population_zensus2022 integer,
  population_2018       integer,
  area_km2              numeric(10,2),
  lat                   double precision,
  lon                   double precision,
  label_lat             double precision,
  label_lon             double precision,
  postcode              text,
  nuts3                 text,
  website               text,
  source_id             text REFERENCES source(id),
  source_urls           text[] NOT NULL DEFAULT '{}',
  as_of                 text,
  evidence              text,
  quality               text NOT NULL DEFAULT 'sourced' CHECK (quality IN ('sourced','self_reported','provider_confirmed','user','demo')),
  CHECK ((kind = 'gemeinde') = (municipality_type IS NOT NULL)),
  CHECK ((kind = 'kreis') = (kreis_type IS NOT NULL))
);
CREATE INDEX organisation_kind_idx ON organisation(kind);
CREATE INDEX organisation_kreis_idx ON organisation(kreis_key);
CREATE INDEX organisation_regierungsbezirk_idx ON organisation(regierungsbezirk_key);
CREATE INDEX organisation_name_lower_idx ON organisation(lower(name));

-- Boundaries (WGS84 GeoJSON geometry), kept apart so that list queries stay light.
CREATE TABLE boundary (
  organisation_key text PRIMARY KEY REFERENCES organisation(key) ON DELETE CASCADE,
  geometry         jsonb NOT NULL
);

CREATE TABLE provider (
  id           text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  short_name   text NOT NULL,
  name         text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('kommunal','stadt_it','land','dachverband','sonstige')),
  legal_form   text,
  seat         text,
  founded_text text,
  founded_from date,
  founded_to   date,
  status       text NOT NULL CHECK (status IN ('active','merged','renamed')),
  successor_id text REFERENCES provider(id),
  owner_key    text REFERENCES organisation(key),
  website      text,
  facts        text,
  source_id    text REFERENCES source(id),
  source_urls  text[] NOT NULL DEFAULT '{}',
  as_of        text,
  evidence     text,
  quality      text NOT NULL DEFAULT 'sourced' CHECK (quality IN ('sourced','self_reported','provider_confirmed','user','demo')),
  CHECK (successor_id IS NULL OR successor_id <> id)
);

CREATE TABLE membership (
  id               serial PRIMARY KEY,
  organisation_key text NOT NULL REFERENCES organisation(key),
  provider_id      text NOT NULL REFERENCES provider(id),
  relation         text NOT NULL,
  derivation       text NOT NULL,
  attested_from    date,
  attested_to      date,
  source_id        text REFERENCES source(id),
  source_urls      text[] NOT NULL DEFAULT '{}',
  as_of            text,
  evidence         text,
  quality          text NOT NULL DEFAULT 'sourced' CHECK (quality IN ('sourced','self_reported','provider_confirmed','user','demo'))
);
CREATE INDEX membership_organisation_idx ON membership(organisation_key);
CREATE INDEX membership_provider_idx ON membership(provider_id);

CREATE TABLE provider_event (
  id          serial PRIMARY KEY,
  date_text   text NOT NULL,
  date_from   date NOT NULL,
  date_to     date NOT NULL CHECK (date_to >= date_from),
  event_type  text NOT NULL,
  target_id   text REFERENCES provider(id),
  description text NOT NULL,
  source_id   text REFERENCES source(id),
  source_urls text[] NOT NULL DEFAULT '{}',
  as_of       text,
  evidence    text,
  quality     text NOT NULL DEFAULT 'sourced' CHECK (quality IN ('sourced','self_reported','provider_confirmed','user','demo'))
);

CREATE TABLE provider_event_provider (
  event_id    integer NOT NULL REFERENCES provider_event(id) ON DELETE CASCADE,
  provider_id text NOT NULL REFERENCES provider(id),
  position    integer NOT NULL,
  PRIMARY KEY (event_id, provider_id)
);
CREATE INDEX provider_event_provider_provider_idx ON provider_event_provider(provider_id);

CREATE TABLE ozg_themenfeld (
  id   integer PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE ozg_lebenslage (
  id           integer PRIMARY KEY,
  name         text NOT NULL,
  themenfeld_id integer NOT NULL REFERENCES ozg_themenfeld(id)
);

CREATE TABLE ozg_leistung (
  id                 integer PRIMARY KEY,
  name               text NOT NULL,
  lebenslage_id      integer NOT NULL REFERENCES ozg_lebenslage(id),
  leika_types        text[] NOT NULL DEFAULT '{}',
  sdg_relevant_count integer NOT NULL DEFAULT 0,
  source_id          text REFERENCES source(id)
);
CREATE INDEX ozg_leistung_name_lower_idx ON ozg_leistung(lower(name));

CREATE TABLE leika_leistung (
  id             integer PRIMARY KEY,
  leika_key      text,
  name           text NOT NULL,
  ozg_id         integer REFERENCES ozg_leistung(id),
  leika_types    text[] NOT NULL DEFAULT '{}',
  leika_type_text text,
  sdg1           boolean NOT NULL DEFAULT false,
  sdg2           boolean NOT NULL DEFAULT false,
  law_shortcuts  text,
  source_id      text REFERENCES source(id)
);
CREATE INDEX leika_leistung_ozg_idx ON leika_leistung(ozg_id);
CREATE INDEX leika_leistung_key_idx ON leika_leistung(leika_key);

-- Which version of the shipped data files was last seeded (seeding is idempotent).
CREATE TABLE seed_state (
  name        text PRIMARY KEY,
  version     text NOT NULL,
  seeded_at   timestamptz NOT NULL DEFAULT now()
);
