import { herfindahlIndex } from "../analysis/concentration.ts";
import { fragmentationIndex } from "../analysis/fragmentation.ts";

/** One sourcing for the fragmentation index: who operates which domain, with what volume. */
export interface SupplierShare {
  domainId: string;
  /** Operator key as in the fragmentation analysis (`operatorOf(sourcing).key`). */
  supplier: string;
  /** Volume in the domain's unit; null when unknown (then not counted, as in the analysis). */
  volume: number | null;
}

/**
 * The fragmentation index of the consolidation analysis (mean of 1 − Herfindahl index over the
 * Leistungsbereiche, see `analysis/fragmentation.ts`) for the sourcing of one Gebiet, with the
 * same rules: operators by `operatorOf`, volume shares, rows without volume left out. For NRW
 * it is the index shown on /fragmentierung. Null without volumes.
 */
export function supplierFragmentation(sourcing: readonly SupplierShare[]): number | null {
  const byDomain = new Map<string, Map<string, number>>();
  for (const entry of sourcing) {
    if (entry.volume === null || entry.volume <= 0) continue;
    const volumes = byDomain.get(entry.domainId) ?? new Map<string, number>();
    volumes.set(entry.supplier, (volumes.get(entry.supplier) ?? 0) + entry.volume);
    byDomain.set(entry.domainId, volumes);
  }
  const hhis = [...byDomain.values()].map((volumes) => herfindahlIndex([...volumes.values()]));
  return fragmentationIndex(hhis).value;
}
