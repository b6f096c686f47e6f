/**
 * German formats of the web app: the one module in the domain package (numbers, euros,
 * percentages, dates), re-exported here so pages, tables and charts import from one place.
 */
export {
  formatCompact,
  formatCount,
  formatDateTime,
  formatDay,
  formatDecimal,
  formatEuro,
  formatEuroCents,
  formatInteger,
  formatIsoDate,
  formatNumber,
  formatPercent,
} from "@it-atlas/domain";

/** Adds a `https://` scheme to a bare domain for links. */
export function toHref(website: string): string {
  return /^https?:\/\//.test(website) ? website : `https://${website}`;
}
