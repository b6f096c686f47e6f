import {
  readinessStatusLabel,
  ResponsibleType,
  municipalityTypeLabel,
  type MunicipalityType,
  type ReadinessStatus,
} from "@it-atlas/domain";
import type { Schemas } from "../../api/client.ts";
import type { LegendEntry } from "../../map/NrwMap.tsx";
import { NEUTRAL_FILL } from "../../map/palette.ts";

type Row = Schemas["ReadinessRow"];

/** Status colours (Okabe–Ito); every colour is named in the legend and the table. */
export const STATUS_COLOR: Record<ReadinessStatus, string> = {
  online: "#009E73",
  in_anbindung: "#56B4E9",
  geplant: "#E69F00",
  offen: "#D55E00",
  andere_loesung: "#CC79A7",
  nicht_zustaendig: NEUTRAL_FILL,
};

/** Coverage classes (share of responsible OZG-Leistungen online), light to dark blue. */
export const COVERAGE_CLASSES = [
  { upTo: 0.2, color: "#deebf7", label: "unter 20 %" },
  { upTo: 0.4, color: "#9ecae1", label: "20 bis unter 40 %" },
  { upTo: 0.6, color: "#6baed6", label: "40 bis unter 60 %" },
  { upTo: 0.8, color: "#3182bd", label: "60 bis unter 80 %" },
  { upTo: Infinity, color: "#08519c", label: "80 % und mehr" },
] as const;

/** "37 %" for 0.37; "–" without a share. */
export function formatShare(share: number | null | undefined): string {
  // Unknown is unknown, never 0 % (ADR 0021).
  return share === null || share === undefined ? "keine Angabe" : `${Math.round(share * 100)} %`;
}

/** The coverage class of a share, or undefined without one. */
export function coverageClassOf(share: number | null) {
  return share === null ? undefined : COVERAGE_CLASSES.find((item) => share < item.upTo);
}

/** German type of a Kommune (size class, Kreis or StädteRegion). */
export function kommuneTypeLabel(type: string): string {
  if (type === "kreis") return "Kreis";
  if (type === "staedteregion") return "StädteRegion";
  return ResponsibleType.safeParse(type).success
    ? municipalityTypeLabel[type as MunicipalityType]
    : type;
}

/**
 * How the board colours the map: by the selected service's status, or by coverage class.
 * Kommunen outside the filter keep the neutral fill.
 */
export function colourReadiness(rows: readonly Row[], byService: boolean) {
  const byKey = new Map(rows.map((row) => [row.kommune.key, row]));
  const colourOf = (key: string): string => {
    const row = byKey.get(key);
    if (!row) return NEUTRAL_FILL;
    if (byService) return row.serviceStatus ? STATUS_COLOR[row.serviceStatus] : NEUTRAL_FILL;
    return coverageClassOf(row.coverage.share)?.color ?? NEUTRAL_FILL;
  };
  const describe = (key: string, name: string): string => {
    const row = byKey.get(key);
    if (!row) return `${name}: nicht in der Auswahl`;
    const coverage = `${row.coverage.online} von ${row.coverage.responsible} zuständigen OZG-Leistungen online (${formatShare(row.coverage.share)})`;
    return byService && row.serviceStatus
      ? `${name}: ${readinessStatusLabel[row.serviceStatus]}; ${coverage}`
      : `${name}: ${coverage}`;
  };
  const legend: LegendEntry[] = byService
    ? (Object.keys(STATUS_COLOR) as ReadinessStatus[]).map((status) => ({
        color: STATUS_COLOR[status],
        label: readinessStatusLabel[status],
      }))
    : [
        ...COVERAGE_CLASSES.map((item) => ({ color: item.color, label: item.label })),
        { color: NEUTRAL_FILL, label: "keine zuständige Leistung / nicht in der Auswahl" },
      ];
  return { colourOf, describe, legend };
}
