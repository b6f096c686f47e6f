import { herfindahlIndex } from "../analysis/concentration.ts";
import { fragmentationIndex } from "../analysis/fragmentation.ts";

/** One sourcing for the fragmentation index: who supplies which domain, with what volume. */
export interface SupplierShare {
  domainId: string;
  /** Provider id, or a stand-in for own operation, another Kommune, the Land or EfA. */
  supplier: string;
  /** Volume in the domain's unit; null when unknown. */
  volume: number | null;
}

/**
 * The fragmentation index of the consolidation analysis (1 − mean Herfindahl index over the
 * Leistungsbereiche, see `analysis/fragmentation.ts`) for the sourcing of one Gebiet. A domain
 * where some volume is unknown is weighted by Kommunen instead of volume, so that units are
 * never mixed. Null without sourcing.
 */
export function supplierFragmentation(sourcing: readonly SupplierShare[]): number | null {
  const byDomain = new Map<string, SupplierShare[]>();
  for (const entry of sourcing) {
    const list = byDomain.get(entry.domainId) ?? [];
    list.push(entry);
    byDomain.set(entry.domainId, list);
  }
  const indices: Array<number | null> = [];
  for (const entries of byDomain.values()) {
    const byVolume = entries.every((entry) => entry.volume !== null && entry.volume > 0);
    const weights = new Map<string, number>();
    for (const entry of entries) {
      weights.set(
        entry.supplier,
        (weights.get(entry.supplier) ?? 0) + (byVolume ? (entry.volume ?? 0) : 1),
      );
    }
    indices.push(herfindahlIndex([...weights.values()]));
  }
  const { value } = fragmentationIndex(indices);
  return value === null ? null : Math.max(0, Math.min(1, value));
}
