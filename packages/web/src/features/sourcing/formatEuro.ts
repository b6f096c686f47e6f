import { formatEuro as wholeEuro, formatEuroCents } from "../../ui/format.ts";

/**
 * 135000 → "135.000 €", 355.56 → "355,56 €", null → "–". Cents only where there are any,
 * so yearly totals stay readable and unit prices stay exact.
 */
export function formatEuro(value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  return Number.isInteger(value) ? wholeEuro(value) : formatEuroCents(value);
}
