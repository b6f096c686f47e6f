/**
 * Herfindahl(-Hirschman) index of shares: the sum of squared shares of the total (between
 * 1/n and 1; 1 = one supplier). Weights ≤ 0 are ignored; null when nothing is left.
 * Source: Hirschman (1964), "The Paternity of an Index", American Economic Review 54(5).
 */
export function herfindahlIndex(weights: Iterable<number>): number | null {
  let total = 0;
  const positive: number[] = [];
  for (const weight of weights) {
    if (weight > 0 && Number.isFinite(weight)) {
      positive.push(weight);
      total += weight;
    }
  }
  if (positive.length === 0) return null;
  let sum = 0;
  for (const weight of positive) sum += (weight / total) ** 2;
  return Math.min(1, sum);
}

/** One sourcing for the fragmentation index: who supplies which domain, with what volume. */
export interface SupplierShare {
  domainId: string;
  /** Provider id, or a stand-in for own operation, another Kommune, the Land or EfA. */
  supplier: string;
  /** Volume in the domain's unit; null when unknown. */
  volume: number | null;
}

/**
 * Fragmentation index of a scope: 1 − the mean over Leistungsbereiche of the Herfindahl index
 * of the suppliers' volume shares (0 = every domain from one supplier; towards 1 = many small
 * suppliers). A domain where some volume is unknown is weighted by Kommunen instead of volume,
 * so that units are never mixed. Null without sourcing.
 */
export function fragmentationIndex(sourcing: readonly SupplierShare[]): number | null {
  const byDomain = new Map<string, SupplierShare[]>();
  for (const entry of sourcing) {
    const list = byDomain.get(entry.domainId) ?? [];
    list.push(entry);
    byDomain.set(entry.domainId, list);
  }
  const indices: number[] = [];
  for (const entries of byDomain.values()) {
    const byVolume = entries.every((entry) => entry.volume !== null && entry.volume > 0);
    const weights = new Map<string, number>();
    for (const entry of entries) {
      weights.set(
        entry.supplier,
        (weights.get(entry.supplier) ?? 0) + (byVolume ? (entry.volume ?? 0) : 1),
      );
    }
    const index = herfindahlIndex(weights.values());
    if (index !== null) indices.push(index);
  }
  if (indices.length === 0) return null;
  const mean = indices.reduce((sum, value) => sum + value, 0) / indices.length;
  return Math.max(0, Math.min(1, 1 - mean));
}
