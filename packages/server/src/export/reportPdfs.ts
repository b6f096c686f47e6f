import {
  germanDateText,
  municipalityTypeLabel,
  operatingModelLabel,
  OperatingModel,
  organisationKindLabel,
  provenanceQualityLabel,
  type CoverageCounts,
  type Source,
} from "@it-atlas/domain";
import type { KpiFiguresView } from "../services/kpiService.ts";
import type {
  kommuneProfileData,
  LandscapeReportData,
  progressReportData,
} from "../services/reportService.ts";
import { renderTextPdf, type PdfBlock } from "./textPdf.ts";

const integer = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("de-DE", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const percent = new Intl.NumberFormat("de-DE", { style: "percent", maximumFractionDigits: 1 });
const euro = new Intl.NumberFormat("de-DE", {
  style: "currency",
  currency: "EUR",
  maximumFractionDigits: 0,
});

/** A number in de-DE format ("348.030"). */
export function formatInteger(value: number): string {
  return integer.format(value);
}

function share(value: number | null): string {
  return value === null ? "–" : percent.format(value);
}

/** Shown instead of a figure that nothing in the scope records — never 0. */
export const NO_DATA = "keine Angabe";

function demo(figures: KpiFiguresView): string {
  return figures.costDemo ? " – Demodaten (synthetisch)" : "";
}

/** The attribution lines of data/SOURCES.md and the sources with their licences. */
function sourceBlocks(sources: readonly Source[], demo: boolean): PdfBlock[] {
  return [
    { text: "Quellen und Namensnennung", style: "heading" },
    { text: "Grenzen: © GeoBasis-DE / BKG (Daten verändert) – dl-de/by-2-0" },
    {
      text: "Statistik: © Statistisches Bundesamt (Destatis) / Statistische Ämter des Bundes und der Länder – dl-de/by-2-0",
    },
    {
      text: "OZG/LeiKa-Tabellen: Quelle: KDN – OZG-Datenbank NRW (github.com/kdn-nrw/OZG-Datenbank-NRW, MIT)",
    },
    {
      text: "Lizenz dl-de/by-2-0: Datenlizenz Deutschland – Namensnennung – Version 2.0, https://www.govdata.de/dl-de/by-2-0",
    },
    ...(demo
      ? [
          {
            text: "Enthält Demodaten (synthetisch): Kosten, Volumen und Umsetzungsstände mit dieser Qualität sind keine Fakten.",
          },
        ]
      : []),
    {
      kind: "table",
      columns: ["Quelle", "Titel", "Lizenz", "Stand"],
      widths: [1, 6, 2, 2],
      rows: sources.map((source) => [
        source.id,
        `${source.title}${source.url ? ` (${source.url})` : ""}`,
        source.licence ?? "–",
        source.asOf ?? "–",
      ]),
    },
  ];
}

function ozgRows(ozg: CoverageCounts): string[][] {
  return [
    ["Zuständige OZG-Leistungen", formatInteger(ozg.responsible)],
    ["online", formatInteger(ozg.online)],
    ["in Anbindung", formatInteger(ozg.inProgress)],
    ["geplant", formatInteger(ozg.planned)],
    ["offen", formatInteger(ozg.open)],
    ["Abdeckung (online / zuständig)", share(ozg.share)],
  ];
}

function costRows(figures: KpiFiguresView, recorded: boolean): string[][] {
  if (!recorded) return [["Kosten", NO_DATA]];
  if (figures.runningCost === null || figures.investmentCost === null)
    return [["Kosten", "nicht sichtbar (vertraulich)"]];
  return [
    ["Laufende Kosten je Jahr", `${euro.format(figures.runningCost)}${demo(figures)}`],
    ["Investitionen je Jahr", `${euro.format(figures.investmentCost)}${demo(figures)}`],
  ];
}

const LEVEL_TITLE = { nrw: "", regierungsbezirk: "Regierungsbezirk ", kreis: "" } as const;

/** The landscape report of NRW, a Regierungsbezirk or a Kreis. */
export function landscapeReportPdf(data: LandscapeReportData): Buffer {
  const title = `IT-Landschaftsbericht ${LEVEL_TITLE[data.level]}${data.name}`;
  const figures = data.figures;
  // Without any Bezug in the scope, providers and costs are unknown, not zero.
  const recorded = data.sourcing.length > 0;
  const blocks: PdfBlock[] = [
    { text: title, style: "title" },
    { text: `Stand: ${germanDateText(data.asOf)}. Erstellt mit IT-Atlas NRW.` },
    { kind: "map", shapes: data.map, height: 260 },
    { text: data.mapCaption },
    { text: "Kennzahlen", style: "heading" },
    {
      kind: "table",
      columns: ["Kennzahl", "Wert"],
      widths: [3, 2],
      rows: [
        ["Kommunen (Kreise und Gemeinden)", formatInteger(figures.kommunen)],
        ["Gemeinden", formatInteger(data.gemeinden)],
        ["Einwohner (Zensus 2022)", formatInteger(figures.population)],
        ["IT-Dienstleister im Einsatz", recorded ? formatInteger(figures.providers) : NO_DATA],
        [
          "Fragmentierungsindex (1 – Herfindahl-Index je Leistungsbereich)",
          figures.fragmentationIndex === null ? "–" : decimal.format(figures.fragmentationIndex),
        ],
        ["OZG-Abdeckung", share(figures.ozgCoverage)],
        [
          "Bedarfserhebung abgeschlossen",
          `${formatInteger(figures.surveyCompleted)} von ${formatInteger(figures.surveyResponses)}`,
        ],
        ...costRows(figures, recorded),
      ],
    },
    { text: "OZG-Umsetzung", style: "heading" },
    { kind: "table", columns: ["Stand", "Leistungen"], widths: [3, 2], rows: ozgRows(data.ozg) },
    { text: "Bezug nach Leistungsbereich (Anzahl Kommunen)", style: "heading" },
    ...(recorded ? [] : [{ text: `Bezüge: ${NO_DATA}.` }]),
    {
      kind: "table",
      columns: [
        "Leistungsbereich",
        ...OperatingModel.options.map((model) => operatingModelLabel[model]),
        "Dienstleister",
        "Qualität",
      ],
      widths: [4, 2, 2, 2, 2, 2, 4, 2],
      rows: data.sourcing.map((row) => [
        row.domainName,
        ...OperatingModel.options.map((model) => formatInteger(row.byModel[model])),
        row.providers
          .slice(0, 3)
          .map((provider) => `${provider.name} (${formatInteger(provider.kommunen)})`)
          .join(", ") || "–",
        row.demo ? provenanceQualityLabel.demo : "–",
      ]),
    },
    {
      text:
        data.level === "nrw"
          ? "Regierungsbezirke"
          : data.level === "regierungsbezirk"
            ? "Kreise und kreisfreie Städte"
            : "Kommunen",
      style: "heading",
    },
    {
      kind: "table",
      columns: [
        "Name",
        "Schlüssel",
        "Einwohner",
        "Dienstleister",
        "Fragmentierung",
        "OZG-Abdeckung",
      ],
      widths: [4, 2, 2, 2, 2, 2],
      rows: data.children.map((child) => [
        child.name,
        child.key,
        formatInteger(child.figures.population),
        formatInteger(child.figures.providers),
        child.figures.fragmentationIndex === null
          ? "–"
          : decimal.format(child.figures.fragmentationIndex),
        share(child.figures.ozgCoverage),
      ]),
    },
    ...sourceBlocks(data.sources, figures.costDemo || data.sourcing.some((row) => row.demo)),
  ];
  return renderTextPdf(title, blocks, { subject: "IT-Landschaft, Kennzahlen, OZG-Umsetzung" });
}

/** The profile of one Kommune. */
export function kommuneProfilePdf(data: Awaited<ReturnType<typeof kommuneProfileData>>): Buffer {
  const { organisation, figures } = data;
  const title = `Kommunenprofil ${data.name}`;
  const type = organisation.municipalityType
    ? municipalityTypeLabel[organisation.municipalityType]
    : organisationKindLabel[organisation.kind];
  const blocks: PdfBlock[] = [
    { text: title, style: "title" },
    { text: `Stand: ${germanDateText(data.asOf)}. Erstellt mit IT-Atlas NRW.` },
    {
      kind: "table",
      columns: ["Merkmal", "Wert"],
      widths: [2, 3],
      rows: [
        ["Schlüssel", organisation.key],
        ["Art", type],
        ["Kreis", organisation.kreis?.name ?? "–"],
        ["Regierungsbezirk", organisation.regierungsbezirk?.name ?? "–"],
        [
          "Einwohner (Zensus 2022)",
          organisation.populationZensus2022 === null
            ? "–"
            : formatInteger(organisation.populationZensus2022),
        ],
        [
          "IT-Dienstleister im Einsatz",
          data.sourcing.length > 0 ? formatInteger(figures.providers) : NO_DATA,
        ],
        [
          "Bedarfserhebung abgeschlossen",
          `${formatInteger(figures.surveyCompleted)} von ${formatInteger(figures.surveyResponses)}`,
        ],
        ...costRows(figures, data.sourcing.length > 0),
      ],
    },
    { text: "OZG-Umsetzung", style: "heading" },
    { kind: "table", columns: ["Stand", "Leistungen"], widths: [3, 2], rows: ozgRows(data.ozg) },
    { text: "Bezug nach Leistungsbereich", style: "heading" },
    ...(data.sourcing.length > 0 ? [] : [{ text: `Bezüge: ${NO_DATA}.` }]),
    {
      kind: "table",
      columns: [
        "Leistungsbereich",
        "Betriebsmodell",
        "Dienstleister / Partner",
        "Produkt",
        "gültig ab",
        "Qualität",
      ],
      widths: [4, 3, 4, 3, 2, 3],
      rows: data.sourcing.map((item) => [
        item.domain.name,
        operatingModelLabel[item.operatingModel],
        item.provider?.name ?? item.partner?.name ?? "–",
        item.product?.name ?? "–",
        germanDateText(item.validFrom),
        provenanceQualityLabel[item.provenance.quality],
      ]),
    },
    ...sourceBlocks(data.sources, figures.costDemo || data.sourcing.some((item) => item.demo)),
  ];
  return renderTextPdf(title, blocks, { subject: "Kommunenprofil" });
}

/** The progress report of the change process: the KPI series of a scope. */
export function progressReportPdf(data: Awaited<ReturnType<typeof progressReportData>>): Buffer {
  const title = `Fortschrittsbericht Veränderungsprozess ${data.name}`;
  const first = data.points[0];
  const last = data.points.at(-1);
  const blocks: PdfBlock[] = [
    { text: title, style: "title" },
    {
      text: `${formatInteger(data.points.length)} Erfassungen der Kennzahlen${first && last ? ` vom ${germanDateText(first.takenAt.slice(0, 10))} bis ${germanDateText(last.takenAt.slice(0, 10))}` : ""}.`,
    },
    { text: "Kennzahlen über die Zeit", style: "heading" },
    {
      kind: "table",
      columns: [
        "Erfasst am",
        "Fragmentierung",
        "OZG-Abdeckung",
        "Bedarfserhebung",
        "Maßnahmen termingerecht",
        "Laufende Kosten",
      ],
      widths: [2, 2, 2, 2, 2, 3],
      rows: data.points.map((point) => [
        germanDateText(point.takenAt.slice(0, 10)),
        point.figures.fragmentationIndex === null
          ? "–"
          : decimal.format(point.figures.fragmentationIndex),
        share(point.figures.ozgCoverage),
        share(point.figures.surveyCompletion),
        point.figures.measuresTotal === null
          ? "–"
          : `${formatInteger(point.figures.measuresOnTime ?? 0)} von ${formatInteger(point.figures.measuresTotal)}`,
        point.figures.runningCost === null
          ? "vertraulich"
          : `${euro.format(point.figures.runningCost)}${demo(point.figures)}`,
      ]),
    },
    {
      text: "Fragmentierungsindex: 1 – mittlerer Herfindahl-Index der Anbieteranteile je Leistungsbereich (0 = ein Anbieter je Leistungsbereich).",
    },
  ];
  return renderTextPdf(title, blocks, { subject: "Fortschritt des Veränderungsprozesses" });
}
