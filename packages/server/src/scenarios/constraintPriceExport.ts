import {
  constraintGroupLabel,
  constraintPriceText,
  costAboveIstExplanation,
  derivedQualityLabel,
  type ConstraintPrice,
  type ScenarioComparison,
} from "@it-atlas/domain";
import type { PdfLine } from "../export/textPdf.ts";
import type { ExportTable } from "../export/writeSheet.ts";

const PRICE_HEADERS = [
  "Szenario",
  "Vorgabe",
  "Anzahl",
  "Preis je Jahr (€)",
  "mindestens (€)",
  "höchstens (€)",
  "Neuberechnung",
  "Hinweis",
  "Qualität",
] as const;

function proofText(price: ConstraintPrice): string {
  if (price.proven) return "bewiesen";
  if (price.pricePerYear === null && price.status === "error") return "kein Plan";
  return "Lücke offen";
}

function pricedScenarios(comparison: ScenarioComparison) {
  return comparison.constraintPrices.flatMap((entry) => {
    const column = comparison.columns.find(
      (candidate) => candidate.scenarioId === entry.scenarioId,
    );
    return column && entry.prices && entry.prices.length > 0
      ? [{ column, prices: entry.prices }]
      : [];
  });
}

/**
 * Sheet „Preis der Vorgabe“: per scenario and constraint group the Δ cost per year the group
 * causes (plan − optimum without it), with the interval and whether the re-solve was proven.
 * null when no compared scenario has prices.
 */
export function constraintPriceTable(comparison: ScenarioComparison): ExportTable | null {
  const priced = pricedScenarios(comparison);
  if (priced.length === 0) return null;
  return {
    name: "Preis der Vorgabe",
    headers: PRICE_HEADERS,
    widths: { Szenario: 30, Vorgabe: 44, Hinweis: 40 },
    rows: priced.flatMap(({ column, prices }) =>
      prices.map((price) => ({
        Szenario: column.name,
        Vorgabe: constraintGroupLabel[price.group],
        Anzahl: price.instances,
        "Preis je Jahr (€)": price.pricePerYear,
        "mindestens (€)": price.priceLower,
        "höchstens (€)": price.priceUpper,
        Neuberechnung: proofText(price),
        Hinweis: price.message,
        Qualität: derivedQualityLabel(column.demo),
      })),
    ),
  };
}

/** The PDF section „Preis der Vorgabe“ of each priced scenario. */
export function constraintPriceLines(comparison: ScenarioComparison): PdfLine[] {
  const lines: PdfLine[] = [];
  for (const { column, prices } of pricedScenarios(comparison)) {
    lines.push({ text: `${column.name}: Preis der Vorgabe`, style: "heading" });
    lines.push({
      text: "Mehrkosten je Jahr, die eine Vorgabe verursacht: der Plan mit ihr minus das Optimum ohne sie (neu berechnet).",
    });
    const explanation = costAboveIstExplanation(column.savingPerYear, prices);
    if (explanation) lines.push({ text: explanation });
    for (const price of prices) {
      lines.push({ text: `${constraintGroupLabel[price.group]}: ${constraintPriceText(price)}` });
    }
  }
  return lines;
}
