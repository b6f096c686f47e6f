import { z } from "zod";
import { toCsv, type CsvColumn } from "../export/csv.ts";
import type { RawCell } from "../import/cellValues.ts";
import { problemValue, type ImportProblem } from "../import/ImportProblem.ts";
import { readCsvFile } from "../import/readCsvFile.ts";
import { readRow } from "../import/readRow.ts";
import { mapHeader, type SheetSpec } from "../import/SheetSpec.ts";
import {
  AdoptionStatus,
  adoptionStatusLabel,
  BaseComponent,
  baseComponentLabel,
} from "./AdoptionStatus.ts";

/** One row of an adoption import: a Kommune's status for an OZG-Leistung or a base component. */
export const AdoptionImportRow = z
  .object({
    row: z.number().int(),
    organisationKey: z.string(),
    ozgId: z.number().int().nullable(),
    component: BaseComponent.nullable(),
    status: AdoptionStatus,
    onlineServiceId: z.string().nullable(),
    plannedDate: z.string().nullable(),
    informationSource: z.string().nullable(),
    informationDate: z.string(),
    note: z.string().nullable(),
  })
  .meta({ id: "AdoptionImportRow" });
export type AdoptionImportRow = z.infer<typeof AdoptionImportRow>;

const STATUS_CHOICES = [
  ...AdoptionStatus.options.map((value) => ({ value, label: adoptionStatusLabel[value] })),
  { value: "offen" as const, label: "offen" },
  { value: "offen" as const, label: "fehlt" },
  { value: "online" as const, label: "angebunden" },
];

const COMPONENT_CHOICES = [
  ...BaseComponent.options.map((value) => ({ value, label: baseComponentLabel[value] })),
  { value: "servicekonto" as const, label: "Servicekonto" },
  { value: "servicekonto" as const, label: "BundID" },
  { value: "epayment" as const, label: "ePayBL" },
  { value: "xta" as const, label: "XTA" },
  { value: "xta" as const, label: "OSCI" },
  { value: "formular" as const, label: "Formularserver" },
];

/**
 * The "OZG-Umsetzung" sheet: one row per Kommune and OZG-Leistung (or base component of the
 * onboarding checklist). Template and export share these headers.
 */
export const ADOPTION_SHEET: SheetSpec = {
  entity: "ozg_adoption",
  sheet: "OZG-Umsetzung",
  title: "OZG-Umsetzung (Kommune × OZG-Leistung oder Basiskomponente)",
  columns: [
    {
      header: "Schlüssel",
      aliases: ["AGS", "Kreisschlüssel", "Gemeindeschlüssel"],
      field: "organisationKey",
      kind: "key",
      required: true,
      hint: "AGS (8 Stellen) oder Kreisschlüssel (5 Stellen); eine von Excel entfernte führende Null wird ergänzt.",
      example: "05766020",
    },
    { header: "Kommune", field: "", kind: "info", hint: "Name (nur zur Orientierung)." },
    {
      header: "OZG-ID",
      aliases: ["OZG ID", "OZG-Leistung-ID"],
      field: "ozgId",
      kind: "integer",
      hint: "OZG-ID der Leistung (z. B. 10124); leer, wenn die Zeile eine Komponente betrifft.",
      example: 10124,
    },
    { header: "OZG-Leistung", field: "", kind: "info", hint: "Name (nur zur Orientierung)." },
    {
      header: "Komponente",
      aliases: ["Basiskomponente"],
      field: "component",
      kind: "choice",
      choices: COMPONENT_CHOICES,
      hint: "Basiskomponente der Checkliste (Servicekonto / BundID, E-Payment, XTA/OSCI-Transport, Formularlösung) statt einer OZG-ID.",
    },
    {
      header: "Status",
      aliases: ["Umsetzungsstand"],
      field: "status",
      kind: "choice",
      required: true,
      choices: STATUS_CHOICES,
      hint: "nicht zuständig, offen, geplant, in Anbindung oder online.",
      example: "online",
    },
    {
      header: "Onlinedienst",
      aliases: ["Onlinedienst-Kennung"],
      field: "onlineServiceId",
      kind: "text",
      hint: "Kennung des genutzten Onlinedienstes aus dem Katalog (z. B. melde-online).",
    },
    {
      header: "Geplant zum",
      aliases: ["Geplantes Datum", "Plandatum"],
      field: "plannedDate",
      kind: "date",
      hint: "Geplantes Datum (TT.MM.JJJJ), nur bei „geplant“ oder „in Anbindung“.",
    },
    {
      header: "Quelle",
      aliases: ["Quelle der Angabe"],
      field: "informationSource",
      kind: "text",
      hint: "Woher die Angabe stammt, z. B. „Selbstauskunft“ oder „Umfrage KDN 2026“.",
    },
    {
      header: "Stand",
      aliases: ["Datum", "Stand der Angabe"],
      field: "informationDate",
      kind: "date",
      required: true,
      hint: "Datum, zu dem die Angabe gilt (TT.MM.JJJJ).",
      example: "15.01.2026",
    },
    {
      header: "Bemerkung",
      aliases: ["Notiz", "Anmerkung"],
      field: "note",
      kind: "text",
      hint: "Freitext.",
    },
  ],
};

/**
 * Reads an adoption import CSV file (semicolon or comma, UTF-8 with or without BOM or
 * Windows-1252, German dates) through the general import rules; see {@link readAdoptionSheet}.
 */
export function readAdoptionImport(bytes: Uint8Array): {
  rows: AdoptionImportRow[];
  problems: ImportProblem[];
} {
  const file = readCsvFile(bytes);
  if (!file.ok) {
    return {
      rows: [],
      problems: [
        {
          sheet: ADOPTION_SHEET.sheet,
          row: null,
          column: null,
          value: null,
          message: file.message,
        },
      ],
    };
  }
  return readAdoptionSheet(file.rows.map((cells, index) => ({ number: index + 1, cells })));
}

/**
 * Reads the rows of an adoption sheet (from CSV or a workbook; `number` is the row as Excel
 * shows it, the header first), then checks each row as a whole: OZG-ID or component, planned
 * date only for planned statuses, no duplicates. Whether Kommunen, OZG-Leistungen and online
 * services exist is checked against the database afterwards. Every problem names its row and
 * column in German.
 */
export function readAdoptionSheet(
  sheetRows: ReadonlyArray<{ number: number; cells: readonly RawCell[] }>,
): {
  rows: AdoptionImportRow[];
  problems: ImportProblem[];
} {
  const sheet = ADOPTION_SHEET.sheet;
  const [headerRow, ...data] = sheetRows;
  const header = headerRow?.cells;
  if (!header) {
    return {
      rows: [],
      problems: [{ sheet, row: null, column: null, value: null, message: "Die Datei ist leer." }],
    };
  }
  const { mapping, problems } = mapHeader(ADOPTION_SHEET, header, sheet);
  if (problems.length > 0) return { rows: [], problems };
  const rows: AdoptionImportRow[] = [];
  const seen = new Map<string, number>();
  data.forEach(({ number, cells }) => {
    const read = readRow(mapping, cells, number, sheet);
    if (read.empty) return;
    const values = read.values as {
      organisationKey?: string | null;
      ozgId?: number | null;
      component?: BaseComponent | null;
      status?: AdoptionStatus | null;
      onlineServiceId?: string | null;
      plannedDate?: string | null;
      informationSource?: string | null;
      informationDate?: string | null;
      note?: string | null;
    };
    const rowProblems = [...read.problems];
    const problem = (column: string | null, value: unknown, message: string) =>
      rowProblems.push({ sheet, row: read.row, column, value: problemValue(value), message });
    const ozgId = values.ozgId ?? null;
    const component = values.component ?? null;
    const status = values.status ?? null;
    const plannedDate = values.plannedDate ?? null;
    const onlineServiceId = values.onlineServiceId ?? null;
    if (ozgId !== null && component !== null) {
      problem(
        "OZG-ID",
        ozgId,
        "Bitte entweder eine OZG-ID oder eine Komponente angeben, nicht beides.",
      );
    } else if (
      ozgId === null &&
      component === null &&
      !read.problems.some((item) => item.column === "OZG-ID" || item.column === "Komponente")
    ) {
      problem("OZG-ID", null, "Es fehlt die OZG-ID oder die Komponente.");
    }
    if (
      plannedDate !== null &&
      status !== null &&
      status !== "geplant" &&
      status !== "in_anbindung"
    ) {
      problem(
        "Geplant zum",
        plannedDate,
        "Ein geplantes Datum passt nur zu „geplant“ oder „in Anbindung“.",
      );
    }
    if (onlineServiceId !== null && status === "nicht_zustaendig") {
      problem(
        "Onlinedienst",
        onlineServiceId,
        "Bei „nicht zuständig“ gibt es keinen Onlinedienst.",
      );
    }
    const organisationKey = values.organisationKey ?? null;
    const subject = `${organisationKey}/${ozgId ?? component ?? ""}`;
    const earlier = seen.get(subject);
    if (earlier !== undefined && rowProblems.length === 0) {
      problem(
        "Schlüssel",
        organisationKey,
        `Diese Kommune und Leistung stehen schon in Zeile ${earlier}.`,
      );
    }
    seen.set(subject, read.row);
    problems.push(...rowProblems);
    if (
      rowProblems.length > 0 ||
      organisationKey === null ||
      status === null ||
      !values.informationDate
    )
      return;
    rows.push({
      row: read.row,
      organisationKey,
      ozgId,
      component,
      status,
      onlineServiceId,
      plannedDate,
      informationSource: values.informationSource ?? null,
      informationDate: values.informationDate,
      note: values.note ?? null,
    });
  });
  if (rows.length === 0 && problems.length === 0) {
    problems.push({
      sheet,
      row: null,
      column: null,
      value: null,
      message: "Die Datei enthält keine Datenzeilen.",
    });
  }
  return { rows, problems };
}

/** A pre-filled line of the template. */
export interface AdoptionTemplateLine {
  organisationKey: string;
  organisationName: string;
  ozgId: number | null;
  ozgName: string | null;
  component: BaseComponent | null;
  status: AdoptionStatus;
  onlineServiceId: string | null;
  plannedDate: string | null;
  informationSource: string | null;
  informationDate: string | null;
  note: string | null;
}

const germanDate = (iso: string | null) => (iso ? iso.split("-").reverse().join(".") : "");

/** The import template as CSV (semicolon, German dates), optionally pre-filled. */
export function adoptionTemplateCsv(lines: readonly AdoptionTemplateLine[]): string {
  const columns: Array<CsvColumn<AdoptionTemplateLine>> = [
    { header: "Schlüssel", value: (row) => row.organisationKey },
    { header: "Kommune", value: (row) => row.organisationName },
    { header: "OZG-ID", value: (row) => (row.ozgId === null ? "" : String(row.ozgId)) },
    { header: "OZG-Leistung", value: (row) => row.ozgName },
    {
      header: "Komponente",
      value: (row) => (row.component ? baseComponentLabel[row.component] : ""),
    },
    { header: "Status", value: (row) => adoptionStatusLabel[row.status] },
    { header: "Onlinedienst", value: (row) => row.onlineServiceId },
    { header: "Geplant zum", value: (row) => germanDate(row.plannedDate) },
    { header: "Quelle", value: (row) => row.informationSource },
    { header: "Stand", value: (row) => germanDate(row.informationDate) },
    { header: "Bemerkung", value: (row) => row.note },
  ];
  return toCsv(columns, lines);
}
