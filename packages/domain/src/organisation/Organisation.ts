import { z } from "zod";
import { Provenance } from "../provenance/Provenance.ts";

/** Territorial and administrative levels of NRW that IT-Atlas knows. */
export const OrganisationKind = z.enum([
  "land",
  "landschaftsverband",
  "regierungsbezirk",
  "kreis",
  "gemeinde",
]);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

/** German labels for organisation kinds. */
export const organisationKindLabel: Record<OrganisationKind, string> = {
  land: "Land",
  landschaftsverband: "Landschaftsverband",
  regierungsbezirk: "Regierungsbezirk",
  kreis: "Kreis",
  gemeinde: "Gemeinde",
};

/**
 * Size class of a Gemeinde (§ 4 GO NRW; list as of 01.01.2025, see data/SOURCES.md S4).
 * Responsibilities such as Kfz-Zulassung depend on it.
 */
export const MunicipalityType = z.enum([
  "kreisfreie_stadt",
  "regionsangehoerige_stadt_aachen",
  "grosse_kreisangehoerige_stadt",
  "mittlere_kreisangehoerige_stadt",
  "kreisangehoerige_stadt",
  "kreisangehoerige_gemeinde",
]);
export type MunicipalityType = z.infer<typeof MunicipalityType>;

/** German labels for municipality types. */
export const municipalityTypeLabel: Record<MunicipalityType, string> = {
  kreisfreie_stadt: "Kreisfreie Stadt",
  regionsangehoerige_stadt_aachen: "Regionsangehörige Stadt Aachen",
  grosse_kreisangehoerige_stadt: "Große kreisangehörige Stadt",
  mittlere_kreisangehoerige_stadt: "Mittlere kreisangehörige Stadt",
  kreisangehoerige_stadt: "Kreisangehörige Stadt",
  kreisangehoerige_gemeinde: "Kreisangehörige Gemeinde",
};

/** A Kreis is either an ordinary Kreis or the StädteRegion Aachen. */
export const KreisType = z.enum(["kreis", "staedteregion"]);
export type KreisType = z.infer<typeof KreisType>;

/** German labels for Kreis types. */
export const kreisTypeLabel: Record<KreisType, string> = {
  kreis: "Kreis",
  staedteregion: "StädteRegion",
};

/**
 * Key of an organisation: AGS (8 digits) for a Gemeinde, Kreisschlüssel (5 digits) for a
 * Kreis, Regierungsbezirk code (3 digits), `LVR`/`LWL`, or `05` for the Land.
 */
export const OrganisationKey = z
  .string()
  .regex(/^(05\d{6}|05\d{3}|05\d|05|LVR|LWL)$/, "Ungültiger Schlüssel (AGS, Kreisschlüssel …)");
export type OrganisationKey = z.infer<typeof OrganisationKey>;

/** Short reference to an organisation, used inside other entities. */
export const OrganisationRef = z
  .object({
    key: z.string(),
    name: z.string(),
    kind: OrganisationKind,
  })
  .meta({ id: "OrganisationRef" });
export type OrganisationRef = z.infer<typeof OrganisationRef>;

/** Point in WGS84. */
export const GeoPoint = z.object({ lat: z.number(), lon: z.number() }).meta({ id: "GeoPoint" });
export type GeoPoint = z.infer<typeof GeoPoint>;

/** A territorial unit or public body of NRW (Gemeinde, Kreis, Regierungsbezirk, …). */
export const Organisation = z
  .object({
    key: z.string(),
    kind: OrganisationKind,
    ars: z.string().nullable(),
    name: z.string(),
    officialName: z.string().nullable(),
    municipalityType: MunicipalityType.nullable(),
    kreisType: KreisType.nullable(),
    kreisfrei: z.boolean().nullable(),
    kreis: OrganisationRef.nullable(),
    regierungsbezirk: OrganisationRef.nullable(),
    landschaftsverband: OrganisationRef.nullable(),
    seat: z.string().nullable(),
    populationZensus2022: z.number().int().nullable(),
    population2018: z.number().int().nullable(),
    areaKm2: z.number().nullable(),
    location: GeoPoint.nullable(),
    labelPoint: GeoPoint.nullable(),
    postcode: z.string().nullable(),
    nuts3: z.string().nullable(),
    website: z.string().nullable(),
    provenance: Provenance,
  })
  .meta({ id: "Organisation" });
export type Organisation = z.infer<typeof Organisation>;

/** Row of the organisation list (a subset for tables). */
export const OrganisationSummary = Organisation.pick({
  key: true,
  kind: true,
  ars: true,
  name: true,
  municipalityType: true,
  kreisType: true,
  kreis: true,
  regierungsbezirk: true,
  populationZensus2022: true,
  areaKm2: true,
}).meta({ id: "OrganisationSummary" });
export type OrganisationSummary = z.infer<typeof OrganisationSummary>;

/** Human-readable type of an organisation, e.g. "Mittlere kreisangehörige Stadt". */
export function organisationTypeLabel(
  organisation: Pick<Organisation, "kind" | "municipalityType" | "kreisType">,
): string {
  if (organisation.municipalityType) return municipalityTypeLabel[organisation.municipalityType];
  if (organisation.kreisType) return kreisTypeLabel[organisation.kreisType];
  return organisationKindLabel[organisation.kind];
}
