import { annualCost, type LandscapeFacts } from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { sql } from "../client/sql.ts";
import { listMemberships } from "./providerRepository.ts";
import { listAdoptedDecisions } from "./strategyRepository.ts";
import { validOn } from "./sourcingRepository.ts";

/**
 * The landscape as of a day in the shape the scenario builder needs: Kommunen (Gemeinden and
 * Kreise), Leistungsbereiche, providers, sourcing and offers valid that day, memberships with
 * today's provider after mergers, and the "vor Ort notwendig" flags of adopted strategies.
 */
export async function loadLandscapeFacts(db: Queryable, asOf: string): Promise<LandscapeFacts> {
  const [kommunen, domains, providers, sourcing, offers, memberships, decisions] =
    await Promise.all([
      db.query<{ key: string; name: string; kreisKey: string | null }>(
        sql`SELECT key, name, kreis_key AS "kreisKey" FROM organisation
            WHERE kind IN ('gemeinde','kreis') ORDER BY key`,
      ),
      db.query<{ id: string; name: string; volumeUnit: string | null }>(
        sql`SELECT id, name, volume_unit AS "volumeUnit" FROM service_domain
            WHERE NOT is_group ORDER BY position, id`,
      ),
      db.query<{ id: string; name: string }>(
        sql`SELECT id, short_name AS name FROM provider ORDER BY id`,
      ),
      db.query<{
        kommuneKey: string;
        domainId: string;
        operatingModel: string;
        providerId: string | null;
        volume: number | null;
        runningCost: number | null;
        investmentCost: number | null;
        demo: boolean;
      }>(sql`SELECT s.organisation_key AS "kommuneKey", s.domain_id AS "domainId",
                    s.operating_model AS "operatingModel", s.provider_id AS "providerId", s.volume,
                    s.running_cost AS "runningCost", s.investment_cost AS "investmentCost",
                    s.quality = 'demo' AS demo
             FROM sourcing s WHERE ${validOn(asOf)} ORDER BY s.organisation_key, s.domain_id`),
      db.query<{
        providerId: string;
        domainId: string;
        fixedPrice: number;
        unitPrice: number;
        capacity: number | null;
        demo: boolean;
      }>(sql`SELECT s.provider_id AS "providerId", s.domain_id AS "domainId",
                    s.fixed_price AS "fixedPrice", s.unit_price AS "unitPrice", s.capacity,
                    s.quality = 'demo' AS demo
             FROM provider_offer s WHERE ${validOn(asOf)} ORDER BY s.provider_id, s.domain_id, s.id`),
      listMemberships(db, {}),
      listAdoptedDecisions(db),
    ]);
  return {
    kommunen,
    domains,
    providers,
    sourcing: sourcing.map((row) => ({
      kommuneKey: row.kommuneKey,
      domainId: row.domainId,
      operatingModel: row.operatingModel,
      providerId: row.providerId,
      volume: row.volume,
      annualCost: annualCost(row.runningCost, row.investmentCost),
      demo: row.demo,
    })),
    offers,
    memberships: memberships.map((membership) => ({
      kommuneKey: membership.organisation.key,
      providerId: membership.currentProvider.id,
    })),
    vorOrtRequired: decisions
      .filter((row) => row.decision.vorOrtRequired)
      .map((row) => ({ kommuneKey: row.organisationKey, domainId: row.decision.domainId })),
  };
}
