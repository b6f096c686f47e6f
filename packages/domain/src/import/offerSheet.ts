import type { ExportCell } from "../export/sourcingExportRow.ts";
import { provenanceQualityLabel, type ProvenanceQuality } from "../provenance/Provenance.ts";
import { volumeUnitLabel, type VolumeUnit } from "../landscape/ServiceDomain.ts";
import type { SheetSpec } from "./SheetSpec.ts";
import {
  roundTo,
  RowProblems,
  textField,
  tooLong,
  type ImportEntitySheet,
  type ImportRowOrigin,
} from "./entitySheet.ts";
import type { ReadRow } from "./readRow.ts";

/** What an offer import compares and writes of one offer version. */
export interface OfferContent {
  fixedPrice: number;
  unitPrice: number;
  capacity: number | null;
  sla: string | null;
  validTo: string | null;
  evidence: string | null;
}

/** A stored offer version as the "Angebote" sheet shows it. */
export interface OfferRecord extends OfferContent {
  id: number;
  providerId: string;
  providerName: string;
  domainId: string;
  domainName: string;
  volumeUnit: string | null;
  productId: string | null;
  productName: string | null;
  validFrom: string;
  quality: ProvenanceQuality;
}

/**
 * The "Angebote" sheet: one row per IT-Dienstleister × Leistungsbereich × Produkt and
 * "Gültig ab", with the price model (fixed + per unit) and capacity.
 */
export const OFFER_SHEET: SheetSpec = {
  entity: "offers",
  sheet: "Angebote",
  title: "Angebote (IT-Dienstleister × Leistungsbereich × Produkt)",
  rowHint:
    "Eine Zeile je IT-Dienstleister, Leistungsbereich, Produkt und „Gültig ab“. Ein späteres „Gültig ab“ beendet das laufende Angebot an diesem Tag; gleiche Zeilen ändern nichts.",
  permissionHint:
    "Administratorinnen und Administratoren für alle, Dienstleister-Bearbeiter für die Angebote ihres IT-Dienstleisters.",
  columns: [
    {
      header: "IT-Dienstleister",
      field: "provider",
      kind: "text",
      required: true,
      hint: "Kennung (z. B. owl-it) oder Kurzname des anbietenden IT-Dienstleisters.",
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
      header: "Leistungsbereich",
      field: "domain",
      kind: "text",
      required: true,
      hint: "Kennung oder Name des Leistungsbereichs; Liste im Blatt „Werte“.",
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
      header: "Produkt",
      field: "product",
      kind: "text",
      hint: "Kennung oder Name des Fachverfahrens bzw. der Plattform (muss zum Leistungsbereich gehören); leer für ein produktunabhängiges Angebot.",
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
      header: "Festpreis (€/Jahr)",
      aliases: ["Festpreis"],
      field: "fixedPrice",
      kind: "number",
      hint: "Fester Jahrespreis in Euro (leer = 0); Dezimalkomma und Tausenderpunkte sind erlaubt.",
      example: 12000,
      width: 14,
    },
    {
      header: "Preis je Einheit (€)",
      aliases: ["Preis je Einheit", "Stückpreis"],
      field: "unitPrice",
      kind: "number",
      hint: "Preis je Mengeneinheit und Jahr in Euro, bis zu 4 Nachkommastellen (leer = 0).",
      example: "1,25",
      width: 14,
    },
    {
      header: "Mengeneinheit",
      field: "",
      kind: "info",
      hint: "Einheit des Leistungsbereichs (nur zur Orientierung).",
      width: 14,
    },
    {
      header: "Kapazität",
      field: "capacity",
      kind: "number",
      hint: "Höchstmenge in der Mengeneinheit, die angeboten wird (leer = unbegrenzt).",
      width: 12,
    },
    {
      header: "SLA",
      aliases: ["Servicelevel"],
      field: "sla",
      kind: "text",
      hint: "Servicelevel in Worten, höchstens 200 Zeichen.",
      example: "Mo–Fr 7–18 Uhr, 99,5 %",
      width: 24,
    },
    {
      header: "Gültig ab",
      field: "validFrom",
      kind: "date",
      required: true,
      hint: "Ab diesem Tag gilt das Angebot (TT.MM.JJJJ).",
      example: "01.01.2026",
      width: 12,
    },
    {
      header: "Gültig bis",
      field: "validTo",
      kind: "date",
      hint: "Erster Tag, an dem das Angebot nicht mehr gilt (TT.MM.JJJJ); leer = unbefristet.",
      width: 12,
    },
    {
      header: "Beleg",
      aliases: ["Bemerkung"],
      field: "evidence",
      kind: "text",
      hint: "Fundstelle oder Bemerkung, höchstens 500 Zeichen.",
      width: 30,
    },
    {
      header: "Qualität",
      field: "",
      kind: "info",
      hint: "Qualitätsstufe (nur zur Orientierung; Importe werden als „manuell erfasst“ gespeichert).",
      width: 16,
    },
  ],
};

/** A checked row of the "Angebote" sheet, references still as written. */
export interface OfferImportRow extends ImportRowOrigin {
  provider: string;
  domain: string;
  product: string | null;
  validFrom: string;
  content: OfferContent;
}

function toOfferImportRow(read: ReadRow, sheet: string) {
  // Cells that could not be read are reported, and the row's other checks still run: every
  // problem of the row in one pass (issue 16, defect 5).
  const problems = new RowProblems(sheet, read.row);
  problems.problems.push(...read.problems);
  const values = read.values;
  const amount = (field: string, column: string, decimals: number) => {
    const value = roundTo(values[field], decimals);
    if (value !== null && value < 0)
      problems.add(column, value, `„${column}“ darf nicht negativ sein.`);
    if (value !== null && value >= 1e12) problems.add(column, value, `„${column}“ ist zu groß.`);
    return value;
  };
  const fixedPrice = amount("fixedPrice", "Festpreis (€/Jahr)", 2) ?? 0;
  const unitPrice = amount("unitPrice", "Preis je Einheit (€)", 4) ?? 0;
  const capacity = amount("capacity", "Kapazität", 2);
  const sla = textField(values, "sla");
  const slaLength = tooLong(sla, 200);
  if (slaLength) problems.add("SLA", sla, `„SLA“ ${slaLength}.`);
  const evidence = textField(values, "evidence");
  const evidenceLength = tooLong(evidence, 500);
  if (evidenceLength) problems.add("Beleg", evidence, `„Beleg“ ${evidenceLength}.`);
  const validFrom = String(values.validFrom);
  const validTo = (values.validTo as string | null | undefined) ?? null;
  if (typeof values.validFrom === "string" && validTo !== null && validTo <= validFrom) {
    problems.add("Gültig bis", validTo, "„Gültig bis“ muss nach „Gültig ab“ liegen.");
  }
  if (problems.problems.length > 0) return { ok: false as const, problems: problems.problems };
  return {
    ok: true as const,
    value: {
      sheet,
      row: read.row,
      provider: String(values.provider),
      domain: String(values.domain),
      product: textField(values, "product"),
      validFrom,
      content: { fixedPrice, unitPrice, capacity, sla, validTo, evidence },
    },
  };
}

/** The "Angebote" sheet with its row check. */
export const OFFER_IMPORT: ImportEntitySheet<OfferImportRow> = {
  spec: OFFER_SHEET,
  toRow: toOfferImportRow,
};

/** An offer version as a row of the "Angebote" sheet. */
export function toOfferExportRow(record: OfferRecord): Record<string, ExportCell> {
  return {
    "IT-Dienstleister": record.providerId,
    "IT-Dienstleister (Name)": record.providerName,
    Leistungsbereich: record.domainId,
    "Leistungsbereich (Name)": record.domainName,
    Produkt: record.productId,
    "Produkt (Name)": record.productName,
    "Festpreis (€/Jahr)": record.fixedPrice,
    "Preis je Einheit (€)": record.unitPrice,
    Mengeneinheit: record.volumeUnit
      ? (volumeUnitLabel[record.volumeUnit as VolumeUnit] ?? record.volumeUnit)
      : null,
    Kapazität: record.capacity,
    SLA: record.sla,
    "Gültig ab": { date: record.validFrom },
    "Gültig bis": record.validTo ? { date: record.validTo } : null,
    Beleg: record.evidence,
    Qualität: provenanceQualityLabel[record.quality],
  };
}
