import { formatDecimal } from "../../ui/format.ts";

/** HHI (0..1 scale) and similar indices with three decimals ("0,680"); "–" without a value. */
export function formatHhi(value: number | null | undefined): string {
  return formatDecimal(value, 3);
}

/** An effective number or a mean with one decimal ("1,5"). */
export function formatOneDecimal(value: number | null | undefined): string {
  return formatDecimal(value, 1);
}

/** A share in percent ("37 %"); "–" without a value. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? "–" : `${Math.round(value * 100)} %`;
}
