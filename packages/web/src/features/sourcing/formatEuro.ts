const wholeEuro = new Intl.NumberFormat("de-DE", {
  style: "currency",
  currency: "EUR",
  maximumFractionDigits: 0,
});
const euroAndCent = new Intl.NumberFormat("de-DE", {
  style: "currency",
  currency: "EUR",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/**
 * 135000 → "135.000 €", 355.56 → "355,56 €", null → "–". Cents only where there are any,
 * so yearly totals stay readable and unit prices stay exact.
 */
export function formatEuro(value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  return Number.isInteger(value) ? wholeEuro.format(value) : euroAndCent.format(value);
}
