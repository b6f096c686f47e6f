import { COMPARED_FIELDS, type ComparedField } from "@it-atlas/domain";
import type { Schemas } from "../../api/client.ts";

type Sourcing = Schemas["Sourcing"];

/** One version of a Bezug with the fields that differ from the version before it. */
export interface SourcingVersion {
  sourcing: Sourcing;
  previous: Sourcing | null;
  changed: ComparedField[];
}

/** German names of the compared fields, as the history shows them. */
export const SOURCING_FIELD_LABEL: Record<ComparedField, string> = {
  operatingModel: "Betriebsmodell",
  provider: "IT-Dienstleister",
  partner: "Partnerkommune",
  product: "Produkt",
  runningCost: "laufende Kosten",
  investmentCost: "Investitionskosten",
  volume: "Menge",
  contractEnd: "Vertragsende",
  satisfaction: "Zufriedenheit",
};

// References are compared by their key, so a renamed provider's new name alone is no change
// but a new provider id (merger, rename to a new Kennung) is.
function comparable(sourcing: Sourcing, field: ComparedField): unknown {
  const value = sourcing[field];
  if (value && typeof value === "object") return "id" in value ? value.id : value.ags;
  return value;
}

/**
 * The versions of one Kommune × Leistungsbereich, newest first, each with the fields that
 * changed against the chronologically previous version (the oldest has none). Pure.
 */
export function listSourcingVersions(history: readonly Sourcing[]): SourcingVersion[] {
  const chronological = [...history].sort(
    (a, b) => a.validFrom.localeCompare(b.validFrom) || a.id - b.id,
  );
  return chronological
    .map((sourcing, index) => {
      const previous = chronological[index - 1] ?? null;
      const changed = previous
        ? COMPARED_FIELDS.filter(
            (field) => comparable(previous, field) !== comparable(sourcing, field),
          )
        : [];
      return { sourcing, previous, changed };
    })
    .reverse();
}
