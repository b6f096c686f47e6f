import type { ExportCell } from "../export/sourcingExportRow.ts";
import { MembershipRelation, membershipRelationLabel } from "../provider/Membership.ts";
import { provenanceQualityLabel, type ProvenanceQuality } from "../provenance/Provenance.ts";
import type { SheetSpec } from "./SheetSpec.ts";
import {
  parseUrls,
  RowProblems,
  textField,
  tooLong,
  type ImportEntitySheet,
  type ImportRowOrigin,
} from "./entitySheet.ts";
import type { ReadRow } from "./readRow.ts";

/** Beziehung choices: code and German label. */
export const MEMBERSHIP_RELATION_CHOICES = MembershipRelation.options.map((value) => ({
  value,
  label: membershipRelationLabel[value],
}));

/** What a membership import compares and writes. */
export interface MembershipContent {
  /** Stand as the source words it ("2019", "30.01.2018"). */
  asOf: string | null;
  attestedFrom: string | null;
  attestedTo: string | null;
  evidence: string | null;
  sourceUrls: string[];
}

/** A stored membership as the "Mitgliedschaften" sheet shows it. */
export interface MembershipRecord extends MembershipContent {
  id: number;
  organisationKey: string;
  organisationName: string;
  providerId: string;
  providerName: string;
  relation: MembershipRelation;
  derivation: string;
  sourceId: string | null;
  quality: ProvenanceQuality;
  /** Cited document, date of the evidence and time of recording (ADR 0022). */
  sourceDocument: string | null;
  evidenceDate: string | null;
  recordedAt: string | null;
}

/**
 * The "Mitgliedschaften" sheet: one row per Kommune × IT-Dienstleister × Beziehung. A row
 * that matches a stored membership updates its Stand, Beleg and Quell-URLs; others are added.
 */
export const MEMBERSHIP_SHEET: SheetSpec = {
  entity: "memberships",
  sheet: "Mitgliedschaften",
  title: "Mitgliedschaften (Kommune → IT-Dienstleister)",
  rowHint:
    "Eine Zeile je Kommune, IT-Dienstleister und Beziehung; eine vorhandene Mitgliedschaft wird aktualisiert, eine neue angelegt.",
  permissionHint: "Nur Administratorinnen und Administratoren.",
  columns: [
    {
      header: "Schlüssel",
      aliases: ["AGS", "ARS", "Gemeindeschlüssel", "Kreisschlüssel"],
      field: "organisationKey",
      kind: "key",
      required: true,
      hint: "AGS (8 Stellen), Kreisschlüssel (5 Stellen) oder ARS (12 Stellen) des Mitglieds bzw. Kunden.",
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
      header: "IT-Dienstleister",
      field: "provider",
      kind: "text",
      required: true,
      hint: "Kennung (z. B. owl-it) oder Kurzname des IT-Dienstleisters; Liste im Blatt „Werte“.",
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
      header: "Beziehung",
      aliases: ["Art der Mitgliedschaft"],
      field: "relation",
      kind: "choice",
      required: true,
      choices: MEMBERSHIP_RELATION_CHOICES,
      hint: "Verbandsmitglied, Träger, Kunde … (Liste im Blatt „Werte“).",
      example: "Verbandsmitglied",
      width: 22,
    },
    {
      header: "Herleitung",
      field: "",
      kind: "info",
      hint: "Wie eine Sammelangabe der Quelle auf diese Kommune übertragen wurde (nur zur Orientierung; neue Einträge: „explicit“).",
      width: 24,
    },
    {
      header: "Stand",
      field: "asOf",
      kind: "text",
      hint: "Stand, wie die Quelle ihn nennt (z. B. 2019 oder 30.01.2018), höchstens 100 Zeichen.",
      example: "2026",
      width: 12,
    },
    {
      header: "Belegt ab",
      aliases: ["Bestätigt ab", "Bestätigt am"],
      field: "attestedFrom",
      kind: "date",
      hint: "Erster Tag, für den die Mitgliedschaft belegt ist (TT.MM.JJJJ).",
      example: "01.01.2026",
      width: 12,
    },
    {
      header: "Belegt bis",
      aliases: ["Bestätigt bis"],
      field: "attestedTo",
      kind: "date",
      hint: "Letzter belegter Tag (TT.MM.JJJJ); leer, wenn der Beleg nur einen Tag nennt.",
      width: 12,
    },
    {
      header: "Beleg",
      aliases: ["Nachweis"],
      field: "evidence",
      kind: "text",
      hint: "Wörtliches Zitat oder Fundstelle, höchstens 2.000 Zeichen.",
      width: 40,
    },
    {
      header: "Quell-URL",
      aliases: ["Quell-URLs", "URL"],
      field: "sourceUrls",
      kind: "text",
      hint: "Eine oder mehrere Adressen (http/https), getrennt durch „ | “ oder Zeilenumbruch.",
      width: 40,
    },
    {
      header: "Quelle",
      field: "",
      kind: "info",
      hint: "Kennung der Quelle (nur zur Orientierung; Importe werden als „manuell erfasst“ gespeichert).",
      width: 10,
    },
    {
      header: "Qualität",
      field: "",
      kind: "info",
      hint: "Qualitätsstufe (nur zur Orientierung).",
      width: 16,
    },
    {
      header: "Quelldokument",
      field: "",
      kind: "info",
      hint: "Belegendes Dokument einer angenommenen Korrektur (nur zur Orientierung).",
      width: 24,
    },
    {
      header: "Datum des Belegs",
      field: "",
      kind: "info",
      hint: "Datum der Quelle (nur zur Orientierung).",
      width: 14,
    },
    {
      header: "Erfasst am",
      field: "",
      kind: "info",
      hint: "Wann diese Version im IT-Atlas erfasst wurde (nur zur Orientierung).",
      width: 18,
    },
  ],
};

/** A checked row of the "Mitgliedschaften" sheet, references still as written. */
export interface MembershipImportRow extends ImportRowOrigin {
  organisationKey: string;
  provider: string;
  relation: MembershipRelation;
  content: MembershipContent;
}

function toMembershipImportRow(read: ReadRow, sheet: string) {
  // Cells that could not be read are reported, and the row's other checks still run: every
  // problem of the row in one pass (issue 16, defect 5).
  const problems = new RowProblems(sheet, read.row);
  problems.problems.push(...read.problems);
  const values = read.values;
  const asOf = textField(values, "asOf");
  const asOfLength = tooLong(asOf, 100);
  if (asOfLength) problems.add("Stand", asOf, `„Stand“ ${asOfLength}.`);
  const evidence = textField(values, "evidence");
  const evidenceLength = tooLong(evidence, 2000);
  if (evidenceLength) problems.add("Beleg", evidence, `„Beleg“ ${evidenceLength}.`);
  const urls = parseUrls(textField(values, "sourceUrls"));
  if (!urls.ok) {
    problems.add(
      "Quell-URL",
      values.sourceUrls,
      "„Quell-URL“ muss aus Adressen bestehen, die mit http:// oder https:// beginnen.",
    );
  }
  const attestedFrom = (values.attestedFrom as string | null | undefined) ?? null;
  const attestedTo = (values.attestedTo as string | null | undefined) ?? attestedFrom;
  if (attestedFrom !== null && attestedTo !== null && attestedTo < attestedFrom) {
    problems.add("Belegt bis", attestedTo, "„Belegt bis“ liegt vor „Belegt ab“.");
  }
  const unreadFrom = read.problems.some((problem) => problem.column === "Belegt ab");
  if (attestedFrom === null && values.attestedTo && !unreadFrom) {
    problems.add("Belegt ab", null, "„Belegt ab“ fehlt, obwohl „Belegt bis“ angegeben ist.");
  }
  if (problems.problems.length > 0 || !urls.ok) {
    return { ok: false as const, problems: problems.problems };
  }
  return {
    ok: true as const,
    value: {
      sheet,
      row: read.row,
      organisationKey: String(values.organisationKey),
      provider: String(values.provider),
      relation: values.relation as MembershipRelation,
      content: { asOf, attestedFrom, attestedTo, evidence, sourceUrls: urls.value },
    },
  };
}

/** The "Mitgliedschaften" sheet with its row check. */
export const MEMBERSHIP_IMPORT: ImportEntitySheet<MembershipImportRow> = {
  spec: MEMBERSHIP_SHEET,
  toRow: toMembershipImportRow,
};

/** A membership as a row of the "Mitgliedschaften" sheet. */
export function toMembershipExportRow(record: MembershipRecord): Record<string, ExportCell> {
  return {
    Schlüssel: record.organisationKey,
    Kommune: record.organisationName,
    "IT-Dienstleister": record.providerId,
    "IT-Dienstleister (Name)": record.providerName,
    Beziehung: membershipRelationLabel[record.relation],
    Herleitung: record.derivation,
    Stand: record.asOf,
    "Belegt ab": record.attestedFrom ? { date: record.attestedFrom } : null,
    "Belegt bis": record.attestedTo ? { date: record.attestedTo } : null,
    Beleg: record.evidence,
    "Quell-URL": record.sourceUrls.length > 0 ? record.sourceUrls.join(" | ") : null,
    Quelle: record.sourceId,
    Qualität: provenanceQualityLabel[record.quality],
    Quelldokument: record.sourceDocument,
    "Datum des Belegs": record.evidenceDate ? { date: record.evidenceDate } : null,
    "Erfasst am": record.recordedAt,
  };
}
