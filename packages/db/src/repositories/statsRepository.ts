import type { Stats } from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { sql } from "../client/sql.ts";

/** Counts of the reference data (`GET /api/stats`). */
export async function getStats(db: Queryable): Promise<Stats> {
  const [row] = await db.query<Stats>(sql`
    SELECT
      (SELECT count(*)::int FROM organisation WHERE kind = 'gemeinde') AS gemeinden,
      (SELECT count(*)::int FROM organisation WHERE kind = 'kreis') AS kreise,
      (SELECT count(*)::int FROM organisation WHERE kind = 'gemeinde' AND kreisfrei) AS "kreisfreieStaedte",
      (SELECT count(*)::int FROM organisation WHERE kind = 'regierungsbezirk') AS regierungsbezirke,
      (SELECT count(*)::int FROM organisation WHERE kind = 'landschaftsverband') AS landschaftsverbaende,
      (SELECT count(*)::int FROM provider WHERE quality <> 'demo') AS providers,
      (SELECT count(*)::int FROM provider WHERE quality <> 'demo' AND status = 'active' AND kind IN ('kommunal','sonstige')) AS "providersServingKommunen",
      (SELECT count(*)::int FROM provider WHERE quality <> 'demo' AND status = 'active' AND kind = 'stadt_it') AS "ownAdministrationIt",
      (SELECT count(*)::int FROM provider WHERE quality <> 'demo' AND status <> 'active') AS "providerPredecessors",
      (SELECT count(*)::int FROM provider WHERE quality <> 'demo' AND status = 'active' AND kind IN ('land','dachverband')) AS "stateBodies",
      (SELECT count(*)::int FROM membership) AS memberships,
      (SELECT count(*)::int FROM provider_event) AS events,
      (SELECT count(*)::int FROM ozg_leistung) AS "ozgLeistungen",
      (SELECT count(*)::int FROM leika_leistung) AS "leikaLeistungen",
      (SELECT coalesce(sum(population_zensus2022), 0)::int FROM organisation WHERE kind = 'gemeinde') AS "populationZensus2022"
  `);
  if (!row) throw new Error("Statistik-Abfrage ohne Ergebnis");
  return row;
}

/** Version of the seeded reference data, or undefined before the first seed. */
export async function findSeedVersion(db: Queryable): Promise<string | undefined> {
  const [row] = await db.query<{ version: string }>(
    sql`SELECT version FROM seed_state WHERE name = 'reference'`,
  );
  return row?.version;
}
