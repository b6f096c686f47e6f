import type { Organisation, ResponsibleType } from "@it-atlas/domain";

/** The responsibility type of a Kommune: its size class, or Kreis/StädteRegion. */
export function responsibleTypeOf(
  organisation: Pick<Organisation, "kind" | "municipalityType" | "kreisType">,
): ResponsibleType | undefined {
  if (organisation.kind === "gemeinde") return organisation.municipalityType ?? undefined;
  if (organisation.kind === "kreis")
    return organisation.kreisType === "staedteregion" ? "staedteregion" : "kreis";
  return undefined;
}
