const euro = new Intl.NumberFormat("de-DE", {
  style: "currency",
  currency: "EUR",
  maximumFractionDigits: 0,
});
const percent = new Intl.NumberFormat("de-DE", { style: "percent", maximumFractionDigits: 2 });

/** Every cost figure of a scenario is computed from the synthetic demo landscape (ADR 0008). */
export const DEMO_LABEL = "Demodaten (synthetisch)";

/** 1234567.8 → "1.234.568 €"; null (withheld) → "vertraulich". */
export function formatEuro(value: number | null | undefined): string {
  return value === null || value === undefined ? "vertraulich" : euro.format(value);
}

/** 0.00123 → "0,12 %"; null → "–". */
export function formatShare(value: number | null | undefined): string {
  return value === null || value === undefined ? "–" : percent.format(value);
}
