import { z } from "zod";
import type { Sourcing } from "../landscape/Sourcing.ts";
import { OperatorKind, operatorOf } from "./operator.ts";

/** How large one operator (other than an eigener Betrieb) is in one domain. */
export const ProviderScale = z
  .object({
    operatorKey: z.string(),
    kind: OperatorKind,
    providerId: z.string().nullable(),
    name: z.string(),
    domainId: z.string(),
    domainName: z.string(),
    /** Kommunen served in the domain. */
    kommunen: z.number().int(),
    /** Sum of the Kommunen's volumes; null when hidden or unknown. */
    volume: z.number().nullable(),
    /** Share of the domain's total volume (0..1); null when no volume is known. */
    share: z.number().nullable(),
    /** Sum of the Kommunen's running cost per year (euro); confidential. */
    runningCost: z.number().nullable(),
  })
  .meta({ id: "ProviderScale" });
export type ProviderScale = z.infer<typeof ProviderScale>;

/** Total volume per domain over rows with a known positive volume. */
export function domainVolumes(rows: readonly Sourcing[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of rows) {
    if (row.volume !== null && row.volume > 0)
      totals.set(row.domain.id, (totals.get(row.domain.id) ?? 0) + row.volume);
  }
  return totals;
}

/**
 * Scale of every operator except eigener Betrieb per domain: Kommunen served, volume, share of
 * the domain's volume and running cost. Sorted by domain, then by volume (largest first).
 */
export function listProviderScales(rows: readonly Sourcing[]): ProviderScale[] {
  const totals = domainVolumes(rows);
  const groups = new Map<string, { first: Sourcing; rows: Sourcing[] }>();
  for (const row of rows) {
    const operator = operatorOf(row);
    if (operator.kind === "eigenbetrieb") continue;
    const key = `${row.domain.id}|${operator.key}`;
    const group = groups.get(key);
    if (group) group.rows.push(row);
    else groups.set(key, { first: row, rows: [row] });
  }
  return [...groups.values()]
    .map(({ first, rows: members }) => {
      const operator = operatorOf(first);
      const withVolume = members.filter((row) => row.volume !== null && row.volume > 0);
      const volume =
        withVolume.length === 0
          ? null
          : withVolume.reduce((sum, row) => sum + (row.volume ?? 0), 0);
      const total = totals.get(first.domain.id) ?? 0;
      const costed = members.filter((row) => row.runningCost !== null);
      return {
        operatorKey: operator.key,
        kind: operator.kind,
        providerId: operator.providerId,
        name: operator.name,
        domainId: first.domain.id,
        domainName: first.domain.name,
        kommunen: new Set(members.map((row) => row.organisation.ags)).size,
        volume,
        share: volume === null || total <= 0 ? null : volume / total,
        runningCost:
          costed.length === 0 ? null : costed.reduce((sum, row) => sum + (row.runningCost ?? 0), 0),
      };
    })
    .sort(
      (a, b) =>
        a.domainId.localeCompare(b.domainId) ||
        (b.volume ?? -1) - (a.volume ?? -1) ||
        b.kommunen - a.kommunen ||
        a.name.localeCompare(b.name, "de"),
    );
}
