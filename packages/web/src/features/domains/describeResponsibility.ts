import type { ResponsibleType } from "@it-atlas/domain";

/** German labels (plural) of the kinds of Kommune a Leistungsbereich can belong to. */
export const RESPONSIBLE_TYPE_LABEL: Record<ResponsibleType, string> = {
  kreisfreie_stadt: "kreisfreie Städte",
  regionsangehoerige_stadt_aachen: "Stadt Aachen (regionsangehörig)",
  grosse_kreisangehoerige_stadt: "große kreisangehörige Städte",
  mittlere_kreisangehoerige_stadt: "mittlere kreisangehörige Städte",
  kreisangehoerige_stadt: "übrige kreisangehörige Städte",
  kreisangehoerige_gemeinde: "kreisangehörige Gemeinden",
  kreis: "Kreise",
  staedteregion: "StädteRegion Aachen",
};

// The Gemeinde size classes of § 4 GO NRW plus the kreisfreie Städte and Aachen.
const GEMEINDE_TYPES: readonly ResponsibleType[] = [
  "kreisfreie_stadt",
  "regionsangehoerige_stadt_aachen",
  "grosse_kreisangehoerige_stadt",
  "mittlere_kreisangehoerige_stadt",
  "kreisangehoerige_stadt",
  "kreisangehoerige_gemeinde",
];

function joinGerman(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")} und ${parts[parts.length - 1]}`;
}

/**
 * Short German wording of who is responsible: "alle Gemeinden, Kreise und StädteRegion Aachen",
 * "kreisfreie Städte und große kreisangehörige Städte", or "niemand festgelegt".
 */
export function describeResponsibility(types: readonly ResponsibleType[]): string {
  if (types.length === 0) return "keine Zuständigkeit hinterlegt";
  const allGemeinden = GEMEINDE_TYPES.every((type) => types.includes(type));
  const parts = allGemeinden
    ? [
        "alle Gemeinden",
        ...types
          .filter((type) => !GEMEINDE_TYPES.includes(type))
          .map((type) => RESPONSIBLE_TYPE_LABEL[type]),
      ]
    : types.map((type) => RESPONSIBLE_TYPE_LABEL[type]);
  return joinGerman(parts);
}
