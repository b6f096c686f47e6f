import { z } from "zod";

/** Public id of a Leistungsbereich, e.g. `einwohnerwesen`. */
export const ServiceDomainId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "Ungültige Kennung eines Leistungsbereichs");
export type ServiceDomainId = z.infer<typeof ServiceDomainId>;

/** The four groups of the catalogue. */
export const ServiceDomainCategory = z.enum([
  "infrastruktur",
  "querschnitt",
  "fachverfahren",
  "digitale_dienste",
]);
export type ServiceDomainCategory = z.infer<typeof ServiceDomainCategory>;

/** German labels of the catalogue groups. */
export const serviceDomainCategoryLabel: Record<ServiceDomainCategory, string> = {
  infrastruktur: "Infrastruktur",
  querschnitt: "Querschnittsverfahren",
  fachverfahren: "Fachverfahren",
  digitale_dienste: "Digitale Dienste",
};

/** What the volume of a sourcing is counted in (the cost driver of the domain). */
export const VolumeUnit = z.enum([
  "einwohner",
  "arbeitsplaetze",
  "nutzer",
  "faelle",
  "buchungen",
  "beschaeftigte",
  "postfaecher",
  "anschluesse",
  "standorte",
  "sitzungen",
  "schulen",
  "transaktionen",
]);
export type VolumeUnit = z.infer<typeof VolumeUnit>;

/** German labels (plural) of volume units. */
export const volumeUnitLabel: Record<VolumeUnit, string> = {
  einwohner: "Einwohner",
  arbeitsplaetze: "Arbeitsplätze",
  nutzer: "Nutzer",
  faelle: "Fälle",
  buchungen: "Buchungen",
  beschaeftigte: "Beschäftigte",
  postfaecher: "Postfächer",
  anschluesse: "Anschlüsse",
  standorte: "Standorte",
  sitzungen: "Sitzungen",
  schulen: "Schulen",
  transaktionen: "Transaktionen",
};

/**
 * Kinds of Kommune a domain can be the responsibility of: the Gemeinde size classes plus
 * Kreis and StädteRegion (§ 4 GO NRW; Kreisordnung NRW).
 */
export const ResponsibleType = z.enum([
  "kreisfreie_stadt",
  "regionsangehoerige_stadt_aachen",
  "grosse_kreisangehoerige_stadt",
  "mittlere_kreisangehoerige_stadt",
  "kreisangehoerige_stadt",
  "kreisangehoerige_gemeinde",
  "kreis",
  "staedteregion",
]);
export type ResponsibleType = z.infer<typeof ResponsibleType>;

/** A Leistungsbereich (service domain) or a group of them. */
export const ServiceDomain = z
  .object({
    id: ServiceDomainId,
    parentId: ServiceDomainId.nullable(),
    name: z.string().min(1).max(120),
    description: z.string().nullable(),
    category: ServiceDomainCategory,
    isGroup: z.boolean(),
    volumeUnit: VolumeUnit.nullable(),
    responsibleTypes: z.array(ResponsibleType),
    /** Legal basis of the responsibility, cited in German. */
    responsibilityBasis: z.string().nullable(),
    ozgIds: z.array(z.number().int()),
    position: z.number().int(),
  })
  .meta({ id: "ServiceDomain" });
export type ServiceDomain = z.infer<typeof ServiceDomain>;
