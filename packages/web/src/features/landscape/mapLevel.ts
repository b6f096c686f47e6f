import type { Schemas } from "../../api/client.ts";

type Domain = Schemas["ServiceDomain"];

/** Which boundaries a domain's map shows. */
export type MapLevel = "gemeinde" | "kreis";

const GEMEINDE_TYPES = new Set([
  "grosse_kreisangehoerige_stadt",
  "mittlere_kreisangehoerige_stadt",
  "kreisangehoerige_stadt",
  "kreisangehoerige_gemeinde",
]);

/**
 * Gemeinde level when kreisangehörige Gemeinden carry the task; Kreis level (Kreise plus
 * kreisfreie Städte) for Kreis tasks such as Kfz-Zulassung. Rows the level cannot draw (a
 * große kreisangehörige Stadt on the Kreis map, a Kreis on the Gemeinde map) stay in the table.
 */
export function defaultMapLevel(domain: Pick<Domain, "responsibleTypes"> | undefined): MapLevel {
  if (!domain) return "gemeinde";
  const types = domain.responsibleTypes;
  const gemeinden = types.filter((type) => GEMEINDE_TYPES.has(type)).length;
  const onlyLarge =
    gemeinden > 0 &&
    types.every(
      (type) => type !== "kreisangehoerige_gemeinde" && type !== "kreisangehoerige_stadt",
    );
  return types.includes("kreis") && (gemeinden === 0 || onlyLarge) ? "kreis" : "gemeinde";
}
