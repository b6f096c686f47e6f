import type { Schemas } from "../../api/client.ts";

type Summary = Schemas["OrganisationSummary"];

/** German labels of municipality types (mirrors the domain labels). */
export const MUNICIPALITY_TYPE_LABEL: Record<NonNullable<Summary["municipalityType"]>, string> = {
  kreisfreie_stadt: "Kreisfreie Stadt",
  regionsangehoerige_stadt_aachen: "Regionsangehörige Stadt Aachen",
  grosse_kreisangehoerige_stadt: "Große kreisangehörige Stadt",
  mittlere_kreisangehoerige_stadt: "Mittlere kreisangehörige Stadt",
  kreisangehoerige_stadt: "Kreisangehörige Stadt",
  kreisangehoerige_gemeinde: "Kreisangehörige Gemeinde",
};

/** German labels of organisation kinds. */
export const KIND_LABEL: Record<Summary["kind"], string> = {
  land: "Land",
  landschaftsverband: "Landschaftsverband",
  regierungsbezirk: "Regierungsbezirk",
  kreis: "Kreis",
  gemeinde: "Gemeinde",
};

/** "Große kreisangehörige Stadt", "StädteRegion", "Kreis", … */
export function typeLabel(organisation: Pick<Summary, "kind" | "municipalityType" | "kreisType">) {
  if (organisation.municipalityType) return MUNICIPALITY_TYPE_LABEL[organisation.municipalityType];
  if (organisation.kreisType === "staedteregion") return "StädteRegion";
  return KIND_LABEL[organisation.kind];
}
