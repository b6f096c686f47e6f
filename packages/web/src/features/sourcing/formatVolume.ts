import { volumeUnitLabel, type VolumeUnit } from "@it-atlas/domain";
import { formatDecimal, formatInteger } from "../../ui/format.ts";

// Singular forms for prices "je Einwohner", "je Arbeitsplatz"; the domain holds the plurals.
const SINGULAR: Record<VolumeUnit, string> = {
  einwohner: "Einwohner",
  arbeitsplaetze: "Arbeitsplatz",
  nutzer: "Nutzer",
  faelle: "Fall",
  buchungen: "Buchung",
  beschaeftigte: "Beschäftigten",
  postfaecher: "Postfach",
  anschluesse: "Anschluss",
  standorte: "Standort",
  sitzungen: "Sitzung",
  schulen: "Schule",
  transaktionen: "Transaktion",
};

function isVolumeUnit(unit: string): unit is VolumeUnit {
  return unit in volumeUnitLabel;
}

/** German plural of a volume unit ("Arbeitsplätze"); unknown units are shown as sent. */
export function volumeUnitName(unit: string | null | undefined): string {
  if (!unit) return "";
  return isVolumeUnit(unit) ? volumeUnitLabel[unit] : unit;
}

/** German singular of a volume unit for "je …" ("je Arbeitsplatz"). */
export function volumeUnitSingular(unit: string | null | undefined): string {
  if (!unit) return "Einheit";
  return isVolumeUnit(unit) ? SINGULAR[unit] : unit;
}

/** 74486, "einwohner" → "74.486 Einwohner"; null → "–". */
export function formatVolume(volume: number | null | undefined, unit: string | null | undefined) {
  if (volume === null || volume === undefined) return "–";
  const number = Number.isInteger(volume) ? formatInteger(volume) : formatDecimal(volume);
  const name = volumeUnitName(unit);
  return name ? `${number} ${name}` : number;
}
