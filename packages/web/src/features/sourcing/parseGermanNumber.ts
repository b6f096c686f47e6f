/** Result of reading a number typed in German notation. */
export type ParsedNumber =
  { kind: "empty" } | { kind: "number"; value: number } | { kind: "invalid" };

// Thousands are grouped by dots (or spaces, as printed by Intl), decimals follow a comma.
// A dot that does not separate exact groups of three ("1.5", "1234.50") is refused rather
// than guessed: reading an English "1234.50" as 123.450 would silently multiply a cost by 100.
const GROUPED = /^\d{1,3}(?:[.\s]\d{3})+(?:,\d+)?$/;
const PLAIN = /^\d+(?:,\d+)?$/;

/**
 * Reads a number as people type it in Germany: "1.234,50", "1234,5", "1 234", "-5",
 * optionally with a euro sign. Empty input is "empty", not zero.
 */
export function parseGermanNumber(text: string): ParsedNumber {
  let rest = text
    .replace(/[\u00a0\u202f]/g, " ")
    .trim()
    .replace(/^€\s*|\s*€$/g, "")
    .trim();
  if (rest === "") return { kind: "empty" };
  let sign = 1;
  if (/^[-−]/.test(rest)) {
    sign = -1;
    rest = rest.slice(1).trim();
  }
  if (!GROUPED.test(rest) && !PLAIN.test(rest)) return { kind: "invalid" };
  const value = Number(rest.replace(/[.\s]/g, "").replace(",", "."));
  return Number.isFinite(value) ? { kind: "number", value: sign * value } : { kind: "invalid" };
}
