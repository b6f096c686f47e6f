import type { ExportCell } from "../export/sourcingExportRow.ts";
import type {
  OrganisationFactAttribute,
  OrganisationFacts,
} from "../organisation/OrganisationDetail.ts";
import {
  provenanceQualityLabel,
  type Provenance,
  type ProvenanceQuality,
} from "../provenance/Provenance.ts";
import type { ColumnSpec, SheetSpec } from "./SheetSpec.ts";
import {
  RowProblems,
  textField,
  tooLong,
  type ImportEntitySheet,
  type ImportRowOrigin,
} from "./entitySheet.ts";

/** Attributes of a Kommune that users maintain; everything else is reference data (Destatis). */
export interface OrganisationAttributes {
  postcode: string | null;
  website: string | null;
}

/** A Kommune (Gemeinde or Kreis) as the "Kommunen" sheet shows it. */
export interface OrganisationRecord extends OrganisationAttributes {
  key: string;
  ars: string | null;
  name: string;
  /** German type, e.g. "Mittlere kreisangehörige Stadt". */
  typeLabel: string;
  kreisName: string | null;
  regierungsbezirkName: string | null;
  population: number | null;
  areaKm2: number | null;
  /** Quality of the record as a whole (its key and type). */
  quality: ProvenanceQuality;
  /** Provenance per attribute (ADR 0024). */
  facts: OrganisationFacts;
}

/** Attributes with their own provenance, in column order, with their column prefix. */
const FACT_COLUMNS: ReadonlyArray<[OrganisationFactAttribute, string]> = [
  ["name", "Name"],
  ["population", "Einwohner"],
  ["area", "Fläche"],
  ["postcode", "Postleitzahl"],
  ["website", "Website"],
];

/** Source, URL or document of a fact, as one cell. */
function factSource(fact: Provenance): string | null {
  const parts = [fact.sourceId, ...fact.sourceUrls, fact.sourceDocument ?? null].filter(
    (part): part is string => part !== null && part !== "",
  );
  return parts.length > 0 ? parts.join(" | ") : null;
}

const info = (header: string, hint: string, width = 14): ColumnSpec => ({
  header,
  field: "",
  kind: "info",
  hint: `${hint} (Referenzdaten, wird nicht eingelesen).`,
  width,
});

/**
 * The "Kommunen" sheet: existing Gemeinden and Kreise by AGS, Kreisschlüssel or ARS. Only
 * "Postleitzahl" and "Website" are read; names, keys, types and figures are reference data
 * of the statistical offices and cannot be created or changed by an import.
 */
export const ORGANISATION_SHEET: SheetSpec = {
  entity: "organisations",
  sheet: "Kommunen",
  title: "Kommunen (Gemeinden und Kreise)",
  rowHint:
    "Eine Zeile je vorhandener Kommune, erkannt an AGS, Kreisschlüssel oder ARS. Eingelesen werden nur „Postleitzahl“ und „Website“; neue Kommunen entstehen nicht.",
  permissionHint: "Nur Administratorinnen und Administratoren.",
  columns: [
    {
      header: "Schlüssel",
      aliases: ["AGS", "Gemeindeschlüssel", "Kreisschlüssel", "AGS/ARS"],
      field: "organisationKey",
      kind: "key",
      hint: "AGS (8 Stellen) einer Gemeinde oder Kreisschlüssel (5 Stellen); alternativ die Spalte „ARS“. Eine von Excel entfernte führende Null wird ergänzt.",
      example: "05766020",
      width: 12,
    },
    {
      header: "ARS",
      aliases: ["Regionalschlüssel"],
      field: "ars",
      kind: "key",
      hint: "Amtlicher Regionalschlüssel (12 Stellen); genügt, wenn „Schlüssel“ leer ist.",
      width: 15,
    },
    { ...info("Name", "Name der Kommune", 30), template: true },
    info("Art", "Art bzw. Größenklasse", 28),
    info("Kreis", "Kreis", 24),
    info("Regierungsbezirk", "Regierungsbezirk", 18),
    info("Einwohner (Zensus 2022)", "Einwohnerzahl"),
    info("Fläche (km²)", "Fläche"),
    {
      header: "Postleitzahl",
      aliases: ["PLZ", "Postleitzahl der Verwaltung"],
      field: "postcode",
      kind: "text",
      hint: "Postleitzahl der Verwaltung (5 Ziffern). Leer lässt den gespeicherten Wert leer.",
      example: "32756",
      width: 12,
    },
    {
      header: "Website",
      aliases: ["Internetseite", "Homepage"],
      field: "website",
      kind: "text",
      hint: "Internetadresse der Verwaltung, z. B. www.detmold.de (höchstens 200 Zeichen).",
      example: "www.detmold.de",
      width: 28,
    },
    info("Qualität", "Qualitätsstufe des Eintrags (Schlüssel, Art)", 16),
    ...FACT_COLUMNS.flatMap(([, label]) => [
      info(`${label}: Qualität`, `Qualitätsstufe der Angabe „${label}“`, 16),
      info(`${label}: Quelle`, `Quelle, Beleg-URL oder Dokument der Angabe „${label}“`, 24),
      info(`${label}: Datum des Belegs`, `Datum des Belegs der Angabe „${label}“`, 14),
      info(
        `${label}: erfasst am`,
        `Zeitpunkt, zu dem IT-Atlas die Angabe „${label}“ erfasst hat`,
        20,
      ),
    ]),
  ],
};

/** A checked row of the "Kommunen" sheet. */
export interface OrganisationImportRow extends ImportRowOrigin, OrganisationAttributes {
  /** AGS or Kreisschlüssel as written (leading zero restored), or null when only the ARS is given. */
  organisationKey: string | null;
  ars: string | null;
}

function toOrganisationImportRow(
  read: Parameters<ImportEntitySheet<OrganisationImportRow>["toRow"]>[0],
  sheet: string,
) {
  // Cells that could not be read are reported, and the row's other checks still run: every
  // problem of the row in one pass (issue 16, defect 5).
  const problems = new RowProblems(sheet, read.row);
  problems.problems.push(...read.problems);
  const values = read.values;
  const organisationKey = textField(values, "organisationKey");
  const ars = textField(values, "ars");
  if (organisationKey === null && ars === null) {
    // A key cell that could not be read is reported already.
    if (read.problems.length === 0) {
      problems.add("Schlüssel", null, "„Schlüssel“ oder „ARS“ muss angegeben sein.");
    }
  } else if (organisationKey !== null && organisationKey.length === 12) {
    problems.add(
      "Schlüssel",
      organisationKey,
      "„Schlüssel“: bitte AGS oder Kreisschlüssel; den Regionalschlüssel in die Spalte „ARS“.",
    );
  } else if (ars !== null && ars.length !== 12) {
    problems.add("ARS", ars, "„ARS“ muss 12 Stellen haben.");
  }
  const postcode = textField(values, "postcode");
  if (postcode !== null && !/^\d{5}$/.test(postcode)) {
    problems.add("Postleitzahl", postcode, "„Postleitzahl“ muss aus 5 Ziffern bestehen.");
  }
  const website = textField(values, "website");
  const websiteLength = tooLong(website, 200);
  if (websiteLength) problems.add("Website", website, `„Website“ ${websiteLength}.`);
  else if (website !== null && /\s/.test(website)) {
    problems.add("Website", website, "„Website“ darf keine Leerzeichen enthalten.");
  }
  if (problems.problems.length > 0) return { ok: false as const, problems: problems.problems };
  return {
    ok: true as const,
    value: { sheet, row: read.row, organisationKey, ars, postcode, website },
  };
}

/** The "Kommunen" sheet with its row check. */
export const ORGANISATION_IMPORT: ImportEntitySheet<OrganisationImportRow> = {
  spec: ORGANISATION_SHEET,
  toRow: toOrganisationImportRow,
};

/** A Kommune as a row of the "Kommunen" sheet (export and round trip). */
export function toOrganisationExportRow(record: OrganisationRecord): Record<string, ExportCell> {
  return {
    Schlüssel: record.key,
    ARS: record.ars,
    Name: record.name,
    Art: record.typeLabel,
    Kreis: record.kreisName,
    Regierungsbezirk: record.regierungsbezirkName,
    "Einwohner (Zensus 2022)": record.population,
    "Fläche (km²)": record.areaKm2,
    Postleitzahl: record.postcode,
    Website: record.website,
    Qualität: provenanceQualityLabel[record.quality],
    ...Object.fromEntries(
      FACT_COLUMNS.flatMap(([attribute, label]): Array<[string, ExportCell]> => {
        const fact = record.facts[attribute];
        return [
          [`${label}: Qualität`, fact ? provenanceQualityLabel[fact.quality] : null],
          [`${label}: Quelle`, fact ? factSource(fact) : null],
          [`${label}: Datum des Belegs`, fact?.evidenceDate ? { date: fact.evidenceDate } : null],
          [`${label}: erfasst am`, fact?.recordedAt ?? null],
        ];
      }),
    ),
  };
}
