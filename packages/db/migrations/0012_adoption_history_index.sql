-- Adoption history per OZG-Leistung (GET /api/ozg/leistungen/:ozgId/adoption-history): the
-- audit entries of one Leistung across all Kommunen, newest first. Their entity_id is
-- "<Kommune key>/<OZG-ID>", so the existing (entity_type, entity_id, at) index only helps when
-- a Kommune is given; this partial expression index serves the Leistung-wide list.
-- (Numbered 0013 so that it cannot clash with a 0012 of a parallel feature.)
CREATE INDEX audit_log_ozg_adoption_leistung_idx
  ON audit_log ((split_part(entity_id, '/', 2)), at DESC, id DESC)
  WHERE entity_type = 'ozg_adoption';
