const twoDecimals = new Intl.NumberFormat("de-DE", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const oneDecimal = new Intl.NumberFormat("de-DE", {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** HHI on the 0..1 scale with two decimals ("0,68"); "–" without a value. */
export function formatHhi(value: number | null | undefined): string {
  return value === null || value === undefined ? "–" : twoDecimals.format(value);
}

/** An effective number or a mean with one decimal ("1,5"). */
export function formatOneDecimal(value: number | null | undefined): string {
  return value === null || value === undefined ? "–" : oneDecimal.format(value);
}

/** A share in percent ("37 %"); "–" without a value. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? "–" : `${Math.round(value * 100)} %`;
}
