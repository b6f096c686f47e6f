const integer = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("de-DE", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** 17890489 → "17.890.489"; null → "–". */
export function formatInteger(value: number | null | undefined): string {
  return value === null || value === undefined ? "–" : integer.format(value);
}

/** 129.39 → "129,39". */
export function formatDecimal(value: number | null | undefined): string {
  return value === null || value === undefined ? "–" : decimal.format(value);
}

const flexible = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 2 });

/** 1234.5 → "1.234,5", 3 → "3": as many decimals as the value has, at most two. */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? "–" : flexible.format(value);
}

/** "2018-01-01" → "01.01.2018"; other text is shown as it is. */
export function formatIsoDate(value: string | null | undefined): string {
  if (!value) return "–";
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : value;
}

/** Adds a `https://` scheme to a bare domain for links. */
export function toHref(website: string): string {
  return /^https?:\/\//.test(website) ? website : `https://${website}`;
}

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

/**
 * "2025-03-05T13:30:00Z" → "05.03.2025, 14:30" in German time (the server stores UTC);
 * null → "–". With `seconds` for the audit trail, where order within a minute matters.
 */
export function formatDateTime(
  value: string | null | undefined,
  { seconds = false }: { seconds?: boolean } = {},
): string {
  if (!value) return "–";
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  return (seconds ? dateTimeSeconds : dateTime).format(time);
}
