import type { Sourcing } from "../landscape/Sourcing.ts";
import { operatingModelLabel } from "../landscape/OperatingModel.ts";
import { volumeUnitLabel, type VolumeUnit } from "../landscape/ServiceDomain.ts";
import { provenanceQualityLabel } from "../provenance/Provenance.ts";
import { SOURCING_SHEET } from "../import/sourcingSheet.ts";

/** A cell of an export: text, number, or an ISO date (`{ date }`) written as a date cell. */
export type ExportCell = string | number | { date: string } | null;

const NOTE_LENGTH = 500;

/**
 * One sourcing as a row of the "Bezüge" sheet, keyed by the template's headers, so that an
 * exported file can be edited and imported again. Confidential figures are whatever the
 * caller passes: redact before exporting.
 */
export function toSourcingExportRow(sourcing: Sourcing): Record<string, ExportCell> {
  const evidence = sourcing.provenance.evidence;
  const date = (iso: string | null) => (iso ? { date: iso } : null);
  return {
    AGS: sourcing.organisation.ags,
    Kommune: sourcing.organisation.name,
    Leistungsbereich: sourcing.domain.id,
    "Leistungsbereich (Name)": sourcing.domain.name,
    Betriebsmodell: operatingModelLabel[sourcing.operatingModel],
    "IT-Dienstleister": sourcing.provider?.id ?? null,
    "IT-Dienstleister (Name)": sourcing.provider?.name ?? null,
    "Partnerkommune (AGS)": sourcing.partner?.ags ?? null,
    Produkt: sourcing.product?.id ?? null,
    "Produkt (Name)": sourcing.product?.name ?? null,
    "Laufende Kosten (€/Jahr)": sourcing.runningCost,
    "Investitionskosten (€/Jahr)": sourcing.investmentCost,
    Menge: sourcing.volume,
    Mengeneinheit: sourcing.volumeUnit
      ? (volumeUnitLabel[sourcing.volumeUnit as VolumeUnit] ?? sourcing.volumeUnit)
      : null,
    Vertragsende: date(sourcing.contractEnd),
    "Zufriedenheit (1–5)": sourcing.satisfaction,
    "Gültig ab": date(sourcing.validFrom),
    "Gültig bis": date(sourcing.validTo),
    Bemerkung:
      evidence && evidence.length > NOTE_LENGTH
        ? `${evidence.slice(0, NOTE_LENGTH - 1)}…`
        : evidence,
    Quelle: sourcing.provenance.sourceId,
    Qualität: provenanceQualityLabel[sourcing.provenance.quality],
    "Vertrauliche Werte ausgeblendet": sourcing.confidentialHidden ? "ja" : "nein",
  };
}

/** Headers of the "Bezüge" sheet in template order. */
export const SOURCING_EXPORT_HEADERS: readonly string[] = SOURCING_SHEET.columns.map(
  (column) => column.header,
);

/** An ISO date as German text (2026-01-01 → 01.01.2026). */
export function germanDateText(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}.${month}.${year}`;
}
