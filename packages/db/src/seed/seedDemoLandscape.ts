import { createHash } from "node:crypto";
import {
  DEMO_PROVIDERS,
  generateDemoLandscape,
  type DemoLandscapeInput,
  type DemoReorganisation,
  type ReorganisationRequest,
} from "@it-atlas/domain";
import type { Database, Queryable } from "../client/Database.ts";
import { insertRows } from "../client/insertRows.ts";
import { sql } from "../client/sql.ts";
import { applyReorganisation } from "../repositories/reorganisationRepository.ts";
import { seedOzgAdoption } from "./seedOzgAdoption.ts";
import { removeDemoLandscape, type DemoRemoval } from "./removeDemoData.ts";
import { DEFAULT_REFERENCE_DIR } from "./referenceFiles.ts";
import { seedProductCatalogue } from "./seedLandscapeCatalogue.ts";
import {
  bumpLandscapeRevision,
  changeSourcing,
  SOURCING_COLUMNS,
} from "../repositories/sourcingRepository.ts";

/** First day of the demo history, and the seed of its generator. */
export const DEMO_START = "2016-01-01";
export const DEMO_END = "2026-06-30";
export const DEMO_SEED = 20_261_127;
// Bump when the demo pipeline changes so that existing databases are regenerated.
const DEMO_LOGIC_VERSION = "2";
const DEMO_EVIDENCE = "Demodaten (synthetisch): deterministisch erzeugt, keine Tatsache";
const DEMO_PROVIDER_EVIDENCE =
  "Demodaten (synthetisch): erfundener IT-Dienstleister für Kommunen ohne belegte Beziehung";

/** A reorganisation from the sourced provider data, with the event it replays (if any). */
export interface SourcedReorganisation extends DemoReorganisation {
  providerEventId: number | null;
}

/**
 * Reorganisations the sourced data dates exactly, in date order: merged providers grouped by
 * successor and end date become one merger, a renamed provider a renaming.
 */
export async function listSourcedReorganisations(
  db: Queryable,
  from: string,
): Promise<SourcedReorganisation[]> {
  const rows = await db.query<{
    successor_id: string;
    ended_on: string;
    status: "merged" | "renamed";
    provider_ids: string[];
    event_id: number | null;
  }>(sql`
    SELECT p.successor_id, p.ended_on::text AS ended_on, p.status, array_agg(p.id ORDER BY p.id) AS provider_ids,
           (SELECT min(e.id) FROM provider_event e WHERE e.event_type = 'fusion' AND e.target_id = p.successor_id
              AND e.date_from = p.ended_on AND e.date_to = p.ended_on) AS event_id
    FROM provider p
    WHERE p.status IN ('merged','renamed') AND p.successor_id IS NOT NULL AND p.ended_on >= ${from}::date
    GROUP BY p.successor_id, p.ended_on, p.status
    ORDER BY p.ended_on, p.status DESC, p.successor_id`);
  return rows.map((row) => ({
    date: row.ended_on,
    kind: row.status === "renamed" ? "rename" : "merger",
    sourceProviderIds: row.provider_ids,
    targetProviderId: row.successor_id,
    providerEventId: row.event_id,
  }));
}

async function loadInput(
  db: Queryable,
  reorganisations: DemoReorganisation[],
): Promise<DemoLandscapeInput> {
  const [organisations, domains, products, providers, memberships] = await Promise.all([
    db.query<DemoLandscapeInput["organisations"][number]>(sql`
      SELECT key, kind, name, municipality_type AS "municipalityType", kreis_type AS "kreisType",
             kreis_key AS "kreisKey", regierungsbezirk_key AS "regierungsbezirkKey",
             coalesce(population_zensus2022, 0) AS population
      FROM organisation WHERE kind IN ('gemeinde','kreis') ORDER BY key`),
    db.query<DemoLandscapeInput["domains"][number]>(sql`
      SELECT id, category, volume_unit AS "volumeUnit", responsible_types AS "responsibleTypes"
      FROM service_domain WHERE NOT is_group ORDER BY position, id`),
    db.query<DemoLandscapeInput["products"][number]>(sql`
      SELECT p.id, coalesce(array_agg(pd.domain_id ORDER BY pd.domain_id) FILTER (WHERE pd.domain_id IS NOT NULL), '{}') AS "domainIds"
      FROM product p LEFT JOIN product_domain pd ON pd.product_id = p.id GROUP BY p.id ORDER BY p.id`),
    db.query<DemoLandscapeInput["providers"][number]>(sql`
      SELECT id, kind, status, successor_id AS "successorId", owner_key AS "ownerKey" FROM provider ORDER BY id`),
    db.query<DemoLandscapeInput["memberships"][number]>(sql`
      SELECT organisation_key AS "organisationKey", provider_id AS "providerId", relation
      FROM membership ORDER BY id`),
  ]);
  return {
    organisations,
    domains,
    products,
    providers,
    memberships,
    reorganisations,
    startDate: DEMO_START,
    endDate: DEMO_END,
    seed: DEMO_SEED,
  };
}

/** What the demo seed did. */
export interface DemoSeedResult {
  applied: boolean;
  removed: boolean;
  /** What the removal of the previous synthetic rows did (before re-seeding, or for good). */
  removal?: DemoRemoval;
  rows: number;
  changes: number;
  reorganisations: number;
  milliseconds: number;
}

/**
 * Fills the landscape with the deterministic demo data ("Demodaten (synthetisch)"): base rows
 * from 2016, organic changes and the sourced mergers replayed in date order, and offers.
 * `enabled = false` (ATLAS_DEMO=0) removes demo rows instead. Idempotent per data version.
 */
export async function seedDemoLandscape(db: Database, enabled: boolean): Promise<DemoSeedResult> {
  const started = performance.now();
  const [reference] = await db.query<{ version: string }>(
    sql`SELECT version FROM seed_state WHERE name = 'reference'`,
  );
  const version = createHash("sha256")
    .update(`${reference?.version ?? ""}/${DEMO_LOGIC_VERSION}/${DEMO_SEED}/${enabled}`)
    .digest("hex")
    .slice(0, 16);
  const result = await db.transaction(async (tx) => {
    const [state] = await tx.query<{ version: string }>(
      sql`SELECT version FROM seed_state WHERE name = 'demo' FOR UPDATE`,
    );
    const done: Omit<DemoSeedResult, "milliseconds"> = {
      applied: false,
      removed: false,
      rows: 0,
      changes: 0,
      reorganisations: 0,
    };
    if (state?.version === version)
      return { ...done, milliseconds: Math.round(performance.now() - started) };
    const removal = await removeDemoLandscape(tx, { final: !enabled });
    if (enabled) {
      const [products] = await tx.query<{ count: number }>(
        sql`SELECT count(*)::int AS count FROM product WHERE quality = 'demo'`,
      );
      // A demo removal deleted the synthetic catalogue; the reference seed version did not change.
      if (products?.count === 0) await seedProductCatalogue(tx, DEFAULT_REFERENCE_DIR);
      await insertRows(
        tx,
        "provider",
        ["id", "short_name", "name", "kind", "status", "evidence", "quality"],
        DEMO_PROVIDERS.map((provider) => [
          provider.id,
          provider.shortName,
          provider.name,
          "kommunal",
          "active",
          DEMO_PROVIDER_EVIDENCE,
          "demo",
        ]),
        "ON CONFLICT (id) DO NOTHING",
      );
      const reorganisations = await listSourcedReorganisations(tx, DEMO_START);
      // Kommune × Leistungsbereich pairs with rows a person entered get no synthetic history.
      const personal = new Set(
        (
          await tx.query<{ key: string }>(
            sql`SELECT DISTINCT organisation_key || '/' || domain_id AS key FROM sourcing WHERE quality <> 'demo'`,
          )
        ).map((row) => row.key),
      );
      const generated = generateDemoLandscape(await loadInput(tx, reorganisations));
      const free = (row: { organisationKey: string; domainId: string }) =>
        !personal.has(`${row.organisationKey}/${row.domainId}`);
      const landscape = {
        ...generated,
        base: generated.base.filter(free),
        changes: generated.changes.filter(free),
      };
      await insertRows(
        tx,
        "sourcing",
        SOURCING_COLUMNS,
        landscape.base.map((row) => [
          row.organisationKey,
          row.domainId,
          row.operatingModel,
          row.providerId,
          row.partnerKey,
          row.productId,
          row.runningCost,
          row.investmentCost,
          row.volume,
          row.contractEnd,
          row.satisfaction,
          DEMO_START,
          "Ausgangsstand (Demodaten)",
          DEMO_EVIDENCE,
          "demo",
        ]),
      );
      // Organic changes and sourced reorganisations in date order (reorganisations first on a day).
      const timeline = [
        ...reorganisations.map((item) => ({ date: item.date, order: 0, reorganisation: item })),
        ...landscape.changes.map((change) => ({ date: change.date, order: 1, change })),
      ].sort((a, b) => (a.date === b.date ? a.order - b.order : a.date < b.date ? -1 : 1));
      for (const entry of timeline) {
        if ("reorganisation" in entry && entry.reorganisation) {
          const item = entry.reorganisation;
          const request: ReorganisationRequest =
            item.kind === "rename"
              ? {
                  kind: "rename",
                  sourceProviderIds: item.sourceProviderIds,
                  target: { providerId: item.targetProviderId },
                  effectiveDate: item.date,
                }
              : {
                  kind: "merger",
                  sourceProviderIds: item.sourceProviderIds,
                  target: { providerId: item.targetProviderId },
                  effectiveDate: item.date,
                };
          await applyReorganisation(tx, request, {
            replay: true,
            providerEventId: item.providerEventId,
            appliedBy: "demo-seed",
          });
        } else if ("change" in entry && entry.change) {
          const change = entry.change;
          await changeSourcing(
            tx,
            change.organisationKey,
            change.domainId,
            {
              operatingModel: change.operatingModel,
              providerId: change.providerId,
              partnerAgs: change.partnerKey,
              productId: change.productId,
              runningCost: change.runningCost,
              investmentCost: change.investmentCost,
              volume: change.volume,
              contractEnd: change.contractEnd,
              satisfaction: change.satisfaction,
              validFrom: change.date,
              note: null,
            },
            { quality: "demo", reason: change.reason, evidence: DEMO_EVIDENCE },
          );
        }
      }
      await insertRows(
        tx,
        "provider_offer",
        [
          "provider_id",
          "domain_id",
          "product_id",
          "fixed_price",
          "unit_price",
          "capacity",
          "sla",
          "valid_from",
          "evidence",
          "quality",
        ],
        landscape.offers.map((offer) => [
          offer.providerId,
          offer.domainId,
          offer.productId,
          offer.fixedPrice,
          offer.unitPrice,
          offer.capacity,
          offer.sla,
          "2024-01-01",
          DEMO_EVIDENCE,
          "demo",
        ]),
      );
      Object.assign(done, {
        applied: true,
        rows: landscape.base.length,
        changes: landscape.changes.length,
        reorganisations: reorganisations.length,
      });
    } else {
      done.removed = true;
    }
    Object.assign(done, { removal });
    await bumpLandscapeRevision(tx);
    await tx.query(
      sql`INSERT INTO seed_state (name, version) VALUES ('demo', ${version})
          ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, seeded_at = now()`,
    );
    return { ...done, milliseconds: Math.round(performance.now() - started) };
  });
  // The OZG-Umsetzung (rules, demo adoption, exchange offers) builds on the demo landscape.
  await seedOzgAdoption(db, enabled);
  return result;
}
