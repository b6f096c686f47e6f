import { SourcingFields, SourcingInput } from "../landscape/Sourcing.ts";
import { OperatingModel, operatingModelLabel } from "../landscape/OperatingModel.ts";
import { problemValue, type ImportProblem } from "./ImportProblem.ts";
import type { ReadRow } from "./readRow.ts";
import type { SheetSpec } from "./SheetSpec.ts";
import type { ImportEntitySheet } from "./entitySheet.ts";

/** Betriebsmodell choices: code and German label. */
export const OPERATING_MODEL_CHOICES = OperatingModel.options.map((value) => ({
  value,
  label: operatingModelLabel[value],
}));

/**
 * The "Bezüge" sheet: one row per Kommune × Leistungsbereich × "Gültig ab". Export and
 * template share these headers, so an exported file imports again without changes.
 */
export const SOURCING_SHEET: SheetSpec = {
  entity: "sourcing",
  sheet: "Bezüge",
  title: "Bezüge (Kommune × Leistungsbereich)",
  rowHint:
    "Eine Zeile je Kommune, Leistungsbereich und Stichtag („Gültig ab“); gleiche Zeilen ändern nichts.",
  permissionHint:
    "Administratorinnen und Administratoren für alle Kommunen, Kommune-Bearbeiter für ihre eigene Kommune.",
  columns: [
    {
      header: "AGS",
      aliases: ["ARS", "AGS/ARS", "Gemeindeschlüssel", "Schlüssel", "Kreisschlüssel"],
      field: "organisationKey",
      kind: "key",
      required: true,
      hint: "Amtlicher Gemeindeschlüssel (8 Stellen), Kreisschlüssel (5 Stellen) oder Regionalschlüssel (12 Stellen). Eine von Excel entfernte führende Null wird ergänzt.",
      example: "05766020",
      width: 12,
    },
    {
      header: "Kommune",
      field: "",
      kind: "info",
      template: true,
      hint: "Name der Kommune (nur zur Orientierung, wird nicht eingelesen).",
      example: "Detmold",
      width: 24,
    },
    {
      header: "Leistungsbereich",
      field: "domain",
      kind: "text",
      required: true,
      hint: "Kennung (z. B. einwohnerwesen) oder Name des Leistungsbereichs; Liste im Blatt „Werte“.",
      example: "einwohnerwesen",
      width: 26,
    },
    {
      header: "Leistungsbereich (Name)",
      field: "",
      kind: "info",
      hint: "Name des Leistungsbereichs (nur zur Orientierung).",
      width: 28,
    },
    {
      header: "Betriebsmodell",
      field: "operatingModel",
      kind: "choice",
      required: true,
      choices: OPERATING_MODEL_CHOICES,
      hint: "Eigener Betrieb, IT-Dienstleister, Andere Kommune, Land oder EfA-Dienst.",
      example: "IT-Dienstleister",
      width: 18,
    },
    {
      header: "IT-Dienstleister",
      field: "provider",
      kind: "text",
      hint: "Kennung (z. B. owl-it) oder Kurzname des IT-Dienstleisters; Pflicht beim Betriebsmodell „IT-Dienstleister“.",
      example: "owl-it",
      width: 18,
    },
    {
      header: "IT-Dienstleister (Name)",
      field: "",
      kind: "info",
      hint: "Name des IT-Dienstleisters (nur zur Orientierung).",
      width: 28,
    },
    {
      header: "Partnerkommune (AGS)",
      field: "partnerKey",
      kind: "key",
      hint: "Schlüssel der Kommune, von der die Leistung bezogen wird; nur beim Betriebsmodell „Andere Kommune“.",
      width: 14,
    },
    {
      header: "Produkt",
      field: "product",
      kind: "text",
      hint: "Kennung oder Name des Fachverfahrens bzw. der Plattform; es muss zum Leistungsbereich gehören.",
      width: 20,
    },
    {
      header: "Produkt (Name)",
      field: "",
      kind: "info",
      hint: "Name des Produkts (nur zur Orientierung).",
      width: 22,
    },
    {
      header: "Laufende Kosten (€/Jahr)",
      field: "runningCost",
      kind: "number",
      hint: "Euro pro Jahr; Dezimalkomma und Tausenderpunkte sind erlaubt (1.234,56). Vertraulich.",
      example: 125000,
      width: 16,
    },
    {
      header: "Investitionskosten (€/Jahr)",
      field: "investmentCost",
      kind: "number",
      hint: "Abschreibungen bzw. Investitionen in Euro pro Jahr. Vertraulich.",
      width: 16,
    },
    {
      header: "Menge",
      field: "volume",
      kind: "number",
      hint: "Menge in der Einheit des Leistungsbereichs (z. B. Einwohner, Arbeitsplätze). Vertraulich.",
      width: 12,
    },
    {
      header: "Mengeneinheit",
      field: "",
      kind: "info",
      hint: "Einheit der Menge (nur zur Orientierung).",
      width: 14,
    },
    {
      header: "Vertragsende",
      field: "contractEnd",
      kind: "date",
      hint: "Datum TT.MM.JJJJ. Vertraulich.",
      width: 13,
    },
    {
      header: "Zufriedenheit (1–5)",
      aliases: ["Zufriedenheit (1-5)", "Zufriedenheit"],
      field: "satisfaction",
      kind: "integer",
      hint: "1 (sehr unzufrieden) bis 5 (sehr zufrieden). Vertraulich.",
      width: 12,
    },
    {
      header: "Gültig ab",
      field: "validFrom",
      kind: "date",
      required: true,
      hint: "Ab diesem Tag gilt der Bezug (TT.MM.JJJJ). Ein früherer Stand wird an diesem Tag beendet.",
      example: "01.01.2026",
      width: 12,
    },
    {
      header: "Gültig bis",
      field: "",
      kind: "info",
      hint: "Ende der Gültigkeit (nur zur Orientierung; ergibt sich aus dem nächsten Stand).",
      width: 12,
    },
    {
      header: "Bemerkung",
      field: "note",
      kind: "text",
      hint: "Freitext, höchstens 500 Zeichen (wird als Beleg gespeichert).",
      width: 30,
    },
    {
      header: "Quelle",
      field: "",
      kind: "info",
      hint: "Herkunft des Werts (nur zur Orientierung).",
      width: 16,
    },
    {
      header: "Qualität",
      field: "",
      kind: "info",
      hint: "Qualitätsstufe (nur zur Orientierung; Importe werden als Selbstauskunft bzw. manuell erfasst gespeichert).",
      width: 16,
    },
    {
      header: "Vertrauliche Werte ausgeblendet",
      field: "confidentialHidden",
      kind: "text",
      hint: "„ja“ in Exporten, wenn Ihnen Kosten und Mengen dieser Zeile nicht angezeigt werden; beim Import bleiben die gespeicherten vertraulichen Werte dann unverändert.",
      width: 12,
    },
  ],
};

/** A checked sourcing row, with its references still as written in the file. */
export interface SourcingImportRow {
  sheet: string;
  row: number;
  /** AGS, Kreisschlüssel or ARS (leading zero restored). */
  organisationKey: string;
  /** Domain id or name as written. */
  domain: string;
  /** Provider id or short name as written. */
  provider: string | null;
  /** Product id or name as written. */
  product: string | null;
  partnerKey: string | null;
  /** The row came from an export with hidden confidential figures: keep the stored ones. */
  keepConfidential: boolean;
  /**
   * Fields whose column is not in the file: they keep the stored value (a missing column
   * means "unchanged", never "empty"). An empty cell of a present column clears the value.
   */
  absent: SourcingContentField[];
  input: SourcingInput;
}

/** The stored fields of a sourcing row an import may leave out. */
export type SourcingContentField =
  | "providerId"
  | "partnerKey"
  | "productId"
  | "runningCost"
  | "investmentCost"
  | "volume"
  | "contractEnd"
  | "satisfaction";

/** Read field (column) → stored field it fills. */
const OPTIONAL_FIELDS: ReadonlyArray<[string, SourcingContentField]> = [
  ["provider", "providerId"],
  ["partnerKey", "partnerKey"],
  ["product", "productId"],
  ["runningCost", "runningCost"],
  ["investmentCost", "investmentCost"],
  ["volume", "volume"],
  ["contractEnd", "contractEnd"],
  ["satisfaction", "satisfaction"],
];

const FIELD_COLUMN: Record<string, string> = {
  operatingModel: "Betriebsmodell",
  providerId: "IT-Dienstleister",
  partnerAgs: "Partnerkommune (AGS)",
  productId: "Produkt",
  runningCost: "Laufende Kosten (€/Jahr)",
  investmentCost: "Investitionskosten (€/Jahr)",
  volume: "Menge",
  contractEnd: "Vertragsende",
  satisfaction: "Zufriedenheit (1–5)",
  validFrom: "Gültig ab",
  note: "Bemerkung",
};

const FIELD_VALUE: Record<string, string> = {
  providerId: "provider",
  partnerAgs: "partnerKey",
  productId: "product",
};

/** "„Menge“ darf nicht negativ sein." — lower-case rule texts read as the column's predicate. */
function columnMessage(column: string | null, message: string): string {
  const sentence = /[.!?]$/.test(message) ? message : `${message}.`;
  if (!column) return sentence;
  return /^[a-zäöü]/.test(sentence) ? `„${column}“ ${sentence}` : `„${column}“: ${sentence}`;
}

/** Cents: the database keeps two decimals, so a re-import compares equal. */
function roundToCents(value: unknown): number | null {
  return typeof value === "number" ? Math.round(value * 100) / 100 : null;
}

/**
 * Turns a read row into a sourcing change, checking the rules of {@link SourcingInput}
 * (operating model vs. provider and partner, ranges). References (Kommune, domain,
 * provider, product) are resolved against the database by the caller.
 */
export function toSourcingImportRow(
  read: ReadRow,
  sheet: string,
): { ok: true; value: SourcingImportRow } | { ok: false; problems: ImportProblem[] } {
  const values = read.values;
  // Cells that could not be read are reported, and the other columns are still checked:
  // every problem of the row in one pass (issue 16, defect 5).
  const unread = new Set(read.problems.map((problem) => problem.column));
  const absent = OPTIONAL_FIELDS.filter(([field]) => !Object.hasOwn(values, field)).map(
    ([, stored]) => stored,
  );
  // Provider and partner rules are checked after the stored values are filled in.
  const deferred = new Set<string>([
    ...(absent.includes("providerId") ? ["providerId"] : []),
    ...(absent.includes("partnerKey") ? ["partnerAgs"] : []),
  ]);
  const text = (field: string) => (typeof values[field] === "string" ? values[field] : null);
  const unchecked = {
    operatingModel: values.operatingModel,
    providerId: text("provider"),
    partnerAgs: text("partnerKey"),
    productId: text("product"),
    runningCost: roundToCents(values.runningCost),
    investmentCost: roundToCents(values.investmentCost),
    volume: roundToCents(values.volume),
    contractEnd: values.contractEnd ?? null,
    satisfaction: values.satisfaction ?? null,
    validFrom: values.validFrom,
    note: text("note"),
  };
  const parsed = SourcingInput.safeParse(unchecked);
  const issues = parsed.success
    ? []
    : parsed.error.issues.filter((issue) => {
        const field = String(issue.path[0] ?? "");
        return !deferred.has(field) && !unread.has(FIELD_COLUMN[field] ?? null);
      });
  if (read.problems.length > 0 || (!parsed.success && issues.length > 0)) {
    return {
      ok: false,
      problems: [
        ...read.problems,
        ...issues.map((issue) => {
          const field = String(issue.path[0] ?? "");
          const column = FIELD_COLUMN[field] ?? null;
          return {
            sheet,
            row: read.row,
            column,
            value: problemValue(values[FIELD_VALUE[field] ?? field]),
            message: columnMessage(column, issue.message),
          };
        }),
      ],
    };
  }
  return {
    ok: true,
    value: {
      sheet,
      row: read.row,
      organisationKey: String(values.organisationKey),
      domain: String(values.domain),
      provider: text("provider"),
      product: text("product"),
      partnerKey: text("partnerKey"),
      keepConfidential: /^(ja|x|wahr|true|1)$/i.test(text("confidentialHidden") ?? ""),
      absent,
      input: parsed.success ? parsed.data : SourcingFields.parse(unchecked),
    },
  };
}

/** The "Bezüge" sheet with its row check. */
export const SOURCING_IMPORT: ImportEntitySheet<SourcingImportRow> = {
  spec: SOURCING_SHEET,
  toRow: toSourcingImportRow,
};
