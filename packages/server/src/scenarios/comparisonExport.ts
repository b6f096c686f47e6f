import ExcelJS from "exceljs";
import {
  comparisonNames,
  DEMO_LABEL,
  derivedQualityLabel,
  scenarioResultStatusLabel,
  type ScenarioComparison,
} from "@it-atlas/domain";
import { CONTENT_TYPES, type ExportFile } from "../export/exportFiles.ts";
import { renderTextPdf, type PdfLine } from "../export/textPdf.ts";
import { addTableSheet, workbookBuffer, type ExportTable } from "../export/writeSheet.ts";
import { constraintPriceLines, constraintPriceTable } from "./constraintPriceExport.ts";

const euro = new Intl.NumberFormat("de-DE", {
  style: "currency",
  currency: "EUR",
  maximumFractionDigits: 0,
});
const whole = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat("de-DE", { style: "percent", maximumFractionDigits: 2 });

const money = (value: number | null) => (value === null ? "vertraulich" : euro.format(value));

/**
 * The comparison as tables: overview, providers per domain, impact per Kommune (and the prices
 * of constraints). Every sheet has a „Qualität“ column: „Demodaten (synthetisch)“ on each row
 * whose figures rest on synthetic facts (ADR 0021).
 */
export function comparisonTables(comparison: ScenarioComparison): ExportTable[] {
  const { domainName, describeChanges } = comparisonNames(comparison);
  const names = comparison.columns.map((column) => column.name);
  const overallQuality = derivedQualityLabel(comparison.demo);
  const figure = (
    label: string,
    value: (column: ScenarioComparison["columns"][number]) => number | string | null,
  ) => {
    const row: Record<string, number | string | null> = { Kennzahl: label };
    comparison.columns.forEach((column, index) => {
      row[names[index] ?? String(index)] = value(column);
    });
    row["Qualität"] = overallQuality;
    return row;
  };
  const overview: ExportTable = {
    name: "Vergleich",
    headers: ["Kennzahl", ...names, "Qualität"],
    widths: { Kennzahl: 44 },
    rows: [
      figure("Status", (column) =>
        column.status === null ? "Ist" : scenarioResultStatusLabel[column.status],
      ),
      figure("Kosten je Jahr (€)", (column) => column.costPerYear.total),
      figure("davon laufend (€)", (column) => column.costPerYear.running),
      figure("davon Wechsel als Annuität (€)", (column) => column.costPerYear.migration),
      figure(
        `Kosten über ${comparison.horizonYears} Jahre (€)`,
        (column) => column.totalOverHorizon,
      ),
      figure(
        "Umfang",
        (column) => `${column.scope.kommunen} Kommunen, ${column.scope.domains} Leistungsbereiche`,
      ),
      figure("Ist im eigenen Umfang je Jahr (€)", (column) => column.istCostPerYear),
      figure(
        "Einsparung je Jahr gegenüber Ist im eigenen Umfang (€)",
        (column) => column.savingPerYear,
      ),
      figure(
        `Einsparung über ${comparison.horizonYears} Jahre (€)`,
        (column) => column.savingOverHorizon,
      ),
      figure("Einmalige Wechselkosten (€)", (column) => column.oneOffCost),
      figure("Wechsel", (column) => column.migrations),
      figure("Betroffene Kommunen", (column) => column.affectedKommunen),
      figure("Schranke (€/Jahr)", (column) => column.bound),
      figure("Optimalitätslücke", (column) => column.gap),
      figure("Qualität", (column) => derivedQualityLabel(column.demo)),
      ...comparison.notes.map((note) => figure("Hinweis", () => note)),
    ],
  };
  const providers: ExportTable = {
    name: "Anbieter je Bereich",
    headers: ["Leistungsbereich", ...names, "Qualität"],
    widths: { Leistungsbereich: 30 },
    rows: comparison.domains.map((domain) => {
      const row: Record<string, number | string | null> = {
        Leistungsbereich: domain.name,
        Qualität: overallQuality,
      };
      comparison.columns.forEach((column, index) => {
        row[names[index] ?? String(index)] =
          column.providersPerDomain.find((entry) => entry.domainId === domain.id)?.count ?? null;
      });
      return row;
    }),
  };
  const scenarioNames = comparison.columns.slice(1).map((column) => column.name);
  const kommunen: ExportTable = {
    name: "Kommunen",
    headers: [
      "Schlüssel",
      "Kommune",
      "Ist (€/Jahr)",
      ...scenarioNames.flatMap((name) => [
        `${name}: Kosten (€/Jahr)`,
        `${name}: Differenz (€/Jahr)`,
        `${name}: wechselt Anbieter`,
        `${name}: von → nach`,
      ]),
      "Qualität",
    ],
    widths: { Kommune: 30 },
    rows: comparison.kommunen.map((kommune) => {
      const row: Record<string, number | string | null> = {
        Schlüssel: kommune.key,
        Kommune: kommune.name,
        "Ist (€/Jahr)": kommune.istCostPerYear,
        Qualität: derivedQualityLabel(kommune.demo),
      };
      kommune.scenarios.forEach((entry, index) => {
        const name = scenarioNames[index] ?? String(index);
        row[`${name}: Kosten (€/Jahr)`] = entry.planCostPerYear;
        row[`${name}: Differenz (€/Jahr)`] = entry.deltaPerYear;
        row[`${name}: wechselt Anbieter`] = !entry.inScope
          ? "nicht im Umfang"
          : entry.changesProvider
            ? `ja (${entry.changes.map((change) => domainName(change.domainId)).join(", ")})`
            : "nein";
        row[`${name}: von → nach`] = describeChanges(entry.changes);
      });
      return row;
    }),
  };
  const prices = constraintPriceTable(comparison);
  return [overview, providers, kommunen, ...(prices ? [prices] : [])];
}

/** The comparison as an XLSX workbook (three sheets, a fourth „Preis der Vorgabe“ when priced). */
export async function comparisonWorkbook(comparison: ScenarioComparison): Promise<ExportFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "IT-Atlas NRW";
  for (const table of comparisonTables(comparison)) addTableSheet(workbook, table);
  return {
    body: await workbookBuffer(workbook),
    contentType: CONTENT_TYPES.xlsx,
    fileName: "it-atlas-szenariovergleich.xlsx",
  };
}

/** The lines of the comparison PDF: notes first, figures per scenario, who changes to whom. */
export function comparisonPdfLines(comparison: ScenarioComparison): PdfLine[] {
  const { describeChanges } = comparisonNames(comparison);
  const lines: PdfLine[] = [
    { text: "Szenariovergleich", style: "title" },
    {
      text: `Erstellt mit IT-Atlas NRW. Zeitraum ${comparison.horizonYears} Jahre.`,
    },
    {
      text: comparison.demo
        ? `Qualität: ${DEMO_LABEL} – die Kosten beruhen ganz oder teilweise auf synthetischen Werten und sind keine Tatsachen.`
        : `Qualität: ${derivedQualityLabel(false)}.`,
    },
  ];
  if (comparison.confidentialHidden) {
    lines.push({ text: "Kosten anderer Kommunen sind vertraulich und ausgeblendet." });
  }
  for (const note of comparison.notes) lines.push({ text: note });
  for (const column of comparison.columns) {
    lines.push({
      text: column.demo ? `${column.name} (${DEMO_LABEL})` : column.name,
      style: "heading",
    });
    if (column.status !== null) {
      lines.push({ text: `Status: ${scenarioResultStatusLabel[column.status]}` });
    }
    lines.push({
      text: `Umfang: ${whole.format(column.scope.kommunen)} Kommunen, ${whole.format(column.scope.domains)} Leistungsbereiche`,
    });
    lines.push({ text: `Kosten je Jahr: ${money(column.costPerYear.total)}` });
    lines.push({
      text: `Kosten über ${comparison.horizonYears} Jahre: ${money(column.totalOverHorizon)}`,
    });
    if (column.scenarioId !== null) {
      lines.push({ text: `Ist im eigenen Umfang je Jahr: ${money(column.istCostPerYear)}` });
      lines.push({
        text: `Einsparung je Jahr gegenüber Ist im eigenen Umfang: ${money(column.savingPerYear)}`,
      });
      lines.push({ text: `Einmalige Wechselkosten: ${money(column.oneOffCost)}` });
      lines.push({
        text: `Wechsel: ${whole.format(column.migrations)}, betroffene Kommunen: ${whole.format(column.affectedKommunen)}`,
      });
      if (column.gap !== null)
        lines.push({ text: `Optimalitätslücke: ${percent.format(column.gap)}` });
    }
    const counts = column.providersPerDomain
      .map((entry) => {
        const name = comparison.domains.find((domain) => domain.id === entry.domainId)?.name;
        return `${name ?? entry.domainId} ${entry.count}`;
      })
      .join(", ");
    if (counts) lines.push({ text: `Anbieter je Bereich: ${counts}` });
  }
  comparison.columns.slice(1).forEach((column, index) => {
    const changing = comparison.kommunen.filter(
      (kommune) => kommune.scenarios[index]?.changesProvider,
    );
    lines.push({ text: `${column.name}: Kommunen mit Anbieterwechsel`, style: "heading" });
    lines.push({
      text:
        changing.length === 0
          ? "Keine."
          : changing
              .map(
                (kommune) =>
                  `${kommune.name} (${describeChanges(kommune.scenarios[index]?.changes ?? [])})`,
              )
              .join("; "),
    });
  });
  lines.push(...constraintPriceLines(comparison));
  return lines;
}

/** The comparison as a printable PDF: figures per scenario and the Kommunen that change. */
export function comparisonPdf(comparison: ScenarioComparison): ExportFile {
  return {
    body: renderTextPdf("Szenariovergleich", comparisonPdfLines(comparison)),
    contentType: "application/pdf",
    fileName: "it-atlas-szenariovergleich.pdf",
  };
}
