-- Provenance per fact (issue 14, point 3; ADR 0024) and a Bedarfserhebung for chosen Kommunen
-- (point 5). The quality scale gains „amtlich“
-- (official statistics, e.g. the Zensus population) and „geschätzt“ (estimated); the domain's
-- zod enum ProvenanceQuality is the single source, a test compares every CHECK with it.
-- Organisation attributes get their own provenance (one row per attribute), provider events
-- the evidence date, a cited document and the time they were recorded. PostgreSQL 15 only.

ALTER TABLE organisation DROP CONSTRAINT organisation_quality_check;
ALTER TABLE organisation ADD CONSTRAINT organisation_quality_check
  CHECK (quality IN ('official','sourced','self_reported','provider_confirmed','user','estimated','demo'));
ALTER TABLE provider DROP CONSTRAINT provider_quality_check;
ALTER TABLE provider ADD CONSTRAINT provider_quality_check
  CHECK (quality IN ('official','sourced','self_reported','provider_confirmed','user','estimated','demo'));
ALTER TABLE membership DROP CONSTRAINT membership_quality_check;
ALTER TABLE membership ADD CONSTRAINT membership_quality_check
  CHECK (quality IN ('official','sourced','self_reported','provider_confirmed','user','estimated','demo'));
ALTER TABLE provider_event DROP CONSTRAINT provider_event_quality_check;
ALTER TABLE provider_event ADD CONSTRAINT provider_event_quality_check
  CHECK (quality IN ('official','sourced','self_reported','provider_confirmed','user','estimated','demo'));
ALTER TABLE product DROP CONSTRAINT product_quality_check;
ALTER TABLE product ADD CONSTRAINT product_quality_check
  CHECK (quality IN ('official','sourced','self_reported','provider_confirmed','user','estimated','demo'));
ALTER TABLE sourcing DROP CONSTRAINT sourcing_quality_check;
ALTER TABLE sourcing ADD CONSTRAINT sourcing_quality_check
  CHECK (quality IN ('official','sourced','self_reported','provider_confirmed','user','estimated','demo'));
ALTER TABLE provider_offer DROP CONSTRAINT provider_offer_quality_check;
ALTER TABLE provider_offer ADD CONSTRAINT provider_offer_quality_check
  CHECK (quality IN ('official','sourced','self_reported','provider_confirmed','user','estimated','demo'));
ALTER TABLE online_service DROP CONSTRAINT online_service_quality_check;
ALTER TABLE online_service ADD CONSTRAINT online_service_quality_check
  CHECK (quality IN ('official','sourced','self_reported','provider_confirmed','user','estimated','demo'));
ALTER TABLE ozg_adoption DROP CONSTRAINT ozg_adoption_quality_check;
ALTER TABLE ozg_adoption ADD CONSTRAINT ozg_adoption_quality_check
  CHECK (quality IN ('official','sourced','self_reported','provider_confirmed','user','estimated','demo'));
ALTER TABLE ozg_onboarding DROP CONSTRAINT ozg_onboarding_quality_check;
ALTER TABLE ozg_onboarding ADD CONSTRAINT ozg_onboarding_quality_check
  CHECK (quality IN ('official','sourced','self_reported','provider_confirmed','user','estimated','demo'));
ALTER TABLE exchange_offer DROP CONSTRAINT exchange_offer_quality_check;
ALTER TABLE exchange_offer ADD CONSTRAINT exchange_offer_quality_check
  CHECK (quality IN ('official','sourced','self_reported','provider_confirmed','user','estimated','demo'));

-- One provenance per attribute of a Kommune (name, population, area, postcode, website): the
-- population comes from the Zensus (amtlich), the website from the KDN OZG database (belegt),
-- a value changed by an import is „manuell erfasst“ with the import as its document.
CREATE TABLE organisation_fact (
  organisation_key text NOT NULL REFERENCES organisation(key) ON DELETE CASCADE,
  attribute        text NOT NULL CHECK (attribute IN ('name','population','area','postcode','website')),
  source_id        text REFERENCES source(id),
  source_urls      text[] NOT NULL DEFAULT '{}',
  source_document  text,
  as_of            text,
  evidence         text,
  evidence_date    date,
  recorded_at      timestamptz NOT NULL DEFAULT now(),
  quality          text NOT NULL CHECK (quality IN ('official','sourced','self_reported','provider_confirmed','user','estimated','demo')),
  PRIMARY KEY (organisation_key, attribute)
);

ALTER TABLE provider_event
  ADD COLUMN evidence_date   date,
  ADD COLUMN source_document text,
  ADD COLUMN recorded_at     timestamptz NOT NULL DEFAULT now();

-- A Bedarfserhebung can ask Kommunen chosen one by one (from the Datenlage: those with the
-- weakest coverage); their keys are kept comma-separated in target_key.
ALTER TABLE survey_campaign DROP CONSTRAINT survey_campaign_target_kind_check;
ALTER TABLE survey_campaign ADD CONSTRAINT survey_campaign_target_kind_check
  CHECK (target_kind IN ('all','regierungsbezirk','kreis','provider','kommunen'));
