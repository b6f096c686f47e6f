/**
 * Market concentration of one Leistungsbereich, measured over volume shares.
 *
 * Herfindahl-Hirschman index (HHI) = Σ sᵢ², where sᵢ is operator i's share of the domain's
 * total volume. IT-Atlas uses the **0..1 scale** (1 = one operator serves everything; 1/n = n
 * equal operators). Competition authorities quote the same number × 10,000 (0..10,000, e.g.
 * the US DOJ/FTC Horizontal Merger Guidelines 2023, § 2.1); `hhiPoints` converts.
 * The "effective number" 1/HHI is the number of equally large operators that would give the
 * same concentration (Adelman 1969, "Comment on the 'H' concentration measure as a
 * numbers-equivalent", Review of Economics and Statistics 51(1)).
 */

/** Shares of a total (each volume ÷ sum); empty when nothing positive is left. Negative or non-finite volumes count as 0. */
export function volumeShares(volumes: readonly number[]): number[] {
  const clean = volumes.map((volume) => (Number.isFinite(volume) && volume > 0 ? volume : 0));
  const total = clean.reduce((sum, volume) => sum + volume, 0);
  if (total <= 0) return [];
  return clean.map((volume) => volume / total);
}

/** Herfindahl-Hirschman index on the 0..1 scale over volume shares; null when there is no volume. */
export function herfindahlIndex(volumes: readonly number[]): number | null {
  const shares = volumeShares(volumes);
  if (shares.length === 0) return null;
  // Clamp rounding noise so 1/HHI never falls below 1 or above the number of operators.
  const hhi = shares.reduce((sum, share) => sum + share * share, 0);
  const positive = shares.filter((share) => share > 0).length;
  return Math.min(1, Math.max(1 / positive, hhi));
}

/** Effective number of operators, 1/HHI (between 1 and the number of operators with volume). */
export function effectiveNumber(hhi: number | null): number | null {
  return hhi === null || hhi <= 0 ? null : 1 / hhi;
}

/** HHI on the 0..10,000 scale used by competition authorities. */
export function hhiPoints(hhi: number): number {
  return hhi * 10_000;
}
