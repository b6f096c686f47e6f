-- Removing the synthetic landscape (ATLAS_DEMO=0, `atlas demo remove`, ADR 0021) deletes some
-- 15,000 sourcing rows at once. Each deleted row makes PostgreSQL look for rows that still point
-- to it (predecessor, reorganisation); without these indexes each look is a full scan.
CREATE INDEX sourcing_predecessor_idx ON sourcing(predecessor_id) WHERE predecessor_id IS NOT NULL;
CREATE INDEX sourcing_reorganisation_idx ON sourcing(reorganisation_id) WHERE reorganisation_id IS NOT NULL;
CREATE INDEX provider_offer_predecessor_idx ON provider_offer(predecessor_id) WHERE predecessor_id IS NOT NULL;
CREATE INDEX provider_offer_reorganisation_idx ON provider_offer(reorganisation_id) WHERE reorganisation_id IS NOT NULL;
