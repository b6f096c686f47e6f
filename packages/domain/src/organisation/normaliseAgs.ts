/**
 * Restores the leading zero that spreadsheets drop from NRW keys (5766020 → 05766020,
 * 5766 → 05766). Returns the input unchanged when it is not a digit string of that shape.
 */
export function normaliseAgs(value: string): string {
  const trimmed = value.trim();
  if (/^5\d{6}$/.test(trimmed) || /^5\d{3}$/.test(trimmed)) return `0${trimmed}`;
  return trimmed;
}
