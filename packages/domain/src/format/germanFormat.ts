/**
 * German formats (de-DE) for everything a person reads: numbers, euros, percentages and dates.
 * The one module for the web app (charts, tables, pages) and the server (exports, reports), so
 * the same figure reads the same everywhere: "25.000.000", "1.234,50 €", "37,4 %", "05.03.2025".
 * Missing values (null/undefined) read "–".
 */

const MISSING = "–";

const integer = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 0 });
const flexible = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 2 });
const decimals = new Map<number, Intl.NumberFormat>();
const euroWhole = new Intl.NumberFormat("de-DE", {
  style: "currency",
  currency: "EUR",
  maximumFractionDigits: 0,
});
const euroCents = new Intl.NumberFormat("de-DE", {
  style: "currency",
  currency: "EUR",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const percents = new Map<number, Intl.NumberFormat>();
const compactMillions = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 1 });
const dateTime = new Intl.DateTimeFormat("de-DE", {
  timeZone: "Europe/Berlin",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const dateTimeSeconds = new Intl.DateTimeFormat("de-DE", {
  timeZone: "Europe/Berlin",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});
const dayInGermany = new Intl.DateTimeFormat("de-DE", {
  timeZone: "Europe/Berlin",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

function missing(value: unknown): value is null | undefined {
  return value === null || value === undefined || (typeof value === "number" && !isFinite(value));
}

/** 17890489 → "17.890.489" (rounded to whole numbers). */
export function formatInteger(value: number | null | undefined): string {
  return missing(value) ? MISSING : integer.format(value);
}

/** 129.39 → "129,39": always `digits` decimals (two unless told). */
export function formatDecimal(value: number | null | undefined, digits = 2): string {
  if (missing(value)) return MISSING;
  let format = decimals.get(digits);
  if (!format) {
    format = new Intl.NumberFormat("de-DE", {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    decimals.set(digits, format);
  }
  return format.format(value);
}

/** 1234.5 → "1.234,5", 3 → "3": as many decimals as the value has, at most two. */
export function formatNumber(value: number | null | undefined): string {
  return missing(value) ? MISSING : flexible.format(value);
}

/** 1234567.8 → "1.234.568 €": whole euros, for yearly totals. */
export function formatEuro(value: number | null | undefined): string {
  return missing(value) ? MISSING : euroWhole.format(value);
}

/** 355.5 → "355,50 €": euros and cents, for unit prices. */
export function formatEuroCents(value: number | null | undefined): string {
  return missing(value) ? MISSING : euroCents.format(value);
}

/** A share 0..1 as percent: 0.374 → "37,4 %" (at most `maxDigits` decimals, one unless told). */
export function formatPercent(share: number | null | undefined, maxDigits = 1): string {
  if (missing(share)) return MISSING;
  let format = percents.get(maxDigits);
  if (!format) {
    format = new Intl.NumberFormat("de-DE", {
      style: "percent",
      maximumFractionDigits: maxDigits,
    });
    percents.set(maxDigits, format);
  }
  return format.format(share);
}

/** "5.534 von 46.337": a part of a whole, both with thousands separators. */
export function formatCount(part: number, whole: number): string {
  return `${formatInteger(part)} von ${formatInteger(whole)}`;
}

/**
 * Short numbers for chart axes: from a million on in "Mio." and "Mrd." (25000000 → "25 Mio.",
 * -2100000 → "-2,1 Mio."), below that like {@link formatNumber} ("250.000").
 */
export function formatCompact(value: number | null | undefined): string {
  if (missing(value)) return MISSING;
  const size = Math.abs(value);
  if (size >= 1e9) return `${compactMillions.format(value / 1e9)} Mrd.`;
  if (size >= 1e6) return `${compactMillions.format(value / 1e6)} Mio.`;
  return flexible.format(value);
}

/** "2018-01-01" → "01.01.2018"; other text (an imprecise date like "2011 (Herbst)") as it is. */
export function formatIsoDate(value: string | null | undefined): string {
  if (!value) return MISSING;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : value;
}

/**
 * "2025-03-05T13:30:00Z" → "05.03.2025, 14:30" in German time (the server stores UTC). With
 * `seconds` for audit trails, where order within a minute matters; unreadable text as it is.
 */
export function formatDateTime(
  value: string | Date | null | undefined,
  { seconds = false }: { seconds?: boolean } = {},
): string {
  if (!value) return MISSING;
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(time)) return typeof value === "string" ? value : MISSING;
  return (seconds ? dateTimeSeconds : dateTime).format(time);
}

/** The calendar day of a moment in German time: "2025-03-05T23:30:00Z" → "06.03.2025". */
export function formatDay(value: string | Date | null | undefined): string {
  if (!value) return MISSING;
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatIsoDate(value);
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(time)) return typeof value === "string" ? value : MISSING;
  return dayInGermany.format(time);
}

/**
 * Matches numbers written the English way: "25,000,000", "-2,100,000", "1,234.5". A single
 * comma group without a decimal point ("1,000") is left out: in German that is a number with
 * three decimals (an HHI of "1,000").
 */
export const ENGLISH_NUMBER =
  /(?<![\d.,])-?[1-9]\d{0,2}(?:(?:,\d{3}){2,}(?:\.\d+)?|,\d{3}\.\d+)(?![\d,])/;

/** Matches an ISO day "2025-03-05" standing on its own in a text. */
export const ISO_DAY_IN_TEXT = /(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])/;
