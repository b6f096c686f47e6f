import type { Queryable } from "../client/Database.ts";
import { join, raw, sql } from "../client/sql.ts";

/** Every column that points to a provider (a demo provider named there cannot go). */
const PROVIDER_REFERENCES = [
  ["provider", "successor_id"],
  ["membership", "provider_id"],
  ["provider_event", "target_id"],
  ["provider_event_provider", "provider_id"],
  ["reorganisation", "target_provider_id"],
  ["sourcing", "provider_id"],
  ["provider_offer", "provider_id"],
  ["role_assignment", "provider_id"],
  ["online_service", "operator_provider_id"],
  ["exchange_offer", "provider_id"],
  ["exchange_interest", "provider_id"],
  ["exchange_agreement", "provider_id"],
  ["strategy_decision", "provider_id"],
  ["scenario_assignment", "provider_id"],
  ["measure_provider", "provider_id"],
] as const;

/**
 * Sourcing fields a person's row may have carried over from the synthetic row it replaced
 * (the edit form starts from the current values). The others — operating model, provider,
 * partner — are the statement of the row itself and stay as the person saved them.
 */
const CARRIED_SOURCING_FIELDS = [
  "running_cost",
  "investment_cost",
  "volume",
  "contract_end",
  "satisfaction",
  "product_id",
] as const;
type CarriedField = (typeof CARRIED_SOURCING_FIELDS)[number];

interface ChainRow {
  id: number;
  predecessor_id: number | null;
  quality: string;
  running_cost: string | null;
  investment_cost: string | null;
  volume: string | null;
  contract_end: string | null;
  satisfaction: number | null;
  product_id: string | null;
}

/**
 * Which fields of a person's sourcing rows are still synthetic: a field is carried over when it
 * equals the value of the demo row the person's row replaced, directly or through earlier
 * person rows that carried it unchanged. Returns, per row id, the fields to clear.
 */
export function findCarriedDemoValues(rows: readonly ChainRow[]): Map<number, CarriedField[]> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const carried = new Map<number, Set<CarriedField>>();
  const resolve = (row: ChainRow, seen: Set<number>): Set<CarriedField> => {
    const known = carried.get(row.id);
    if (known) return known;
    const result = new Set<CarriedField>();
    const predecessor = row.predecessor_id === null ? undefined : byId.get(row.predecessor_id);
    if (predecessor && !seen.has(predecessor.id)) {
      seen.add(row.id);
      // A demo predecessor carries every field; a person predecessor only what it carried.
      const inherited =
        predecessor.quality === "demo"
          ? new Set(CARRIED_SOURCING_FIELDS)
          : resolve(predecessor, seen);
      for (const field of inherited) {
        if (row[field] !== null && String(row[field]) === String(predecessor[field])) {
          result.add(field);
        }
      }
    }
    carried.set(row.id, result);
    return result;
  };
  const clear = new Map<number, CarriedField[]>();
  for (const row of rows) {
    if (row.quality === "demo") continue;
    const fields = resolve(row, new Set());
    if (fields.size > 0) clear.set(row.id, [...fields]);
  }
  return clear;
}

/** Clears, in the people's sourcing rows, the values they carried over from synthetic rows. */
async function clearCarriedSourcingValues(tx: Queryable): Promise<number> {
  const rows = await tx.query<ChainRow>(sql`
    WITH RECURSIVE chain AS (
      SELECT s.id, s.predecessor_id, s.quality FROM sourcing s
      WHERE s.quality <> 'demo' AND s.predecessor_id IS NOT NULL
      UNION
      SELECT p.id, p.predecessor_id, p.quality FROM sourcing p JOIN chain c ON p.id = c.predecessor_id
      WHERE c.quality <> 'demo'
    )
    SELECT s.id, s.predecessor_id, s.quality, s.running_cost::text AS running_cost,
           s.investment_cost::text AS investment_cost, s.volume::text AS volume,
           s.contract_end::text AS contract_end, s.satisfaction, s.product_id
    FROM sourcing s WHERE s.id IN (SELECT id FROM chain)`);
  const clear = findCarriedDemoValues(rows);
  for (const field of CARRIED_SOURCING_FIELDS) {
    const ids = [...clear].filter(([, fields]) => fields.includes(field)).map(([id]) => id);
    // The field name comes from the constant list above, never from input.
    if (ids.length > 0)
      await tx.query(sql`UPDATE sourcing SET ${raw(field)} = NULL WHERE id = ANY(${ids}::int[])`);
  }
  return clear.size;
}

/** What removing the synthetic landscape did. */
export interface DemoRemoval {
  /** People's rows whose carried-over synthetic values were cleared. */
  clearedRows: number;
  sourcing: number;
  offers: number;
  reorganisations: number;
  products: number;
}

/**
 * Removes the synthetic landscape rows (quality `demo`) and keeps every row a person entered:
 * a person's row that replaced a demo row loses the link to it and the values it carried over
 * unchanged (ADR 0021). For good (`final`), the synthetic product catalogue goes too: people's
 * rows no longer name a demo product. Never fails on people's references to demo rows.
 */
export async function removeDemoLandscape(
  tx: Queryable,
  options: { final: boolean },
): Promise<DemoRemoval> {
  const clearedRows = await clearCarriedSourcingValues(tx);
  await tx.query(sql`
    UPDATE sourcing s SET predecessor_id = NULL
    WHERE s.quality <> 'demo' AND s.predecessor_id IN (SELECT id FROM sourcing WHERE quality = 'demo')`);
  await tx.query(sql`
    UPDATE provider_offer o SET predecessor_id = NULL
    WHERE o.quality <> 'demo' AND o.predecessor_id IN (SELECT id FROM provider_offer WHERE quality = 'demo')`);
  const demoReorganisations = sql`SELECT id FROM reorganisation WHERE applied_by = 'demo-seed'`;
  await tx.query(sql`UPDATE sourcing SET reorganisation_id = NULL
    WHERE quality <> 'demo' AND reorganisation_id IN (${demoReorganisations})`);
  await tx.query(sql`UPDATE provider_offer SET reorganisation_id = NULL
    WHERE quality <> 'demo' AND reorganisation_id IN (${demoReorganisations})`);
  const sourcing = await tx.query(sql`DELETE FROM sourcing WHERE quality = 'demo' RETURNING id`);
  const offers = await tx.query(
    sql`DELETE FROM provider_offer WHERE quality = 'demo' RETURNING id`,
  );
  const reorganisations = await tx.query(
    sql`DELETE FROM reorganisation WHERE applied_by = 'demo-seed' RETURNING id`,
  );
  let products = 0;
  if (options.final) {
    const demoProducts = sql`SELECT id FROM product WHERE quality = 'demo'`;
    await tx.query(
      sql`UPDATE sourcing SET product_id = NULL WHERE product_id IN (${demoProducts})`,
    );
    await tx.query(
      sql`UPDATE provider_offer SET product_id = NULL WHERE product_id IN (${demoProducts})`,
    );
    products = (await tx.query(sql`DELETE FROM product WHERE quality = 'demo' RETURNING id`))
      .length;
  }
  return {
    clearedRows,
    sourcing: sourcing.length,
    offers: offers.length,
    reorganisations: reorganisations.length,
    products,
  };
}

/**
 * Deletes the fictitious demo providers that nothing refers to any more — the last step of a
 * removal for good, after the OZG records. One that a person's record still names stays
 * (labelled demo, its name ends in „(Demo)“).
 */
export async function removeDemoProviders(tx: Queryable): Promise<number> {
  const unused = PROVIDER_REFERENCES.map(
    ([table, column]) =>
      sql`NOT EXISTS (SELECT 1 FROM ${raw(table)} x WHERE x.${raw(column)} = p.id)`,
  );
  const rows = await tx.query(
    sql`DELETE FROM provider p WHERE p.quality = 'demo' AND ${join(unused, " AND ")} RETURNING id`,
  );
  return rows.length;
}
