import type { ResponsibleType } from "../landscape/ServiceDomain.ts";
import { DEFAULT_LEIKA_TYPE_RULES, toResponsibilityRules } from "./responsibility.ts";

const GEMEINDE_TYPES: ResponsibleType[] = [
  "kreisfreie_stadt",
  "regionsangehoerige_stadt_aachen",
  "grosse_kreisangehoerige_stadt",
  "mittlere_kreisangehoerige_stadt",
  "kreisangehoerige_stadt",
  "kreisangehoerige_gemeinde",
];

/** The default LeiKa-Typ rules plus two rules per OZG-Leistung (as seeded from Leistungsbereiche). */
export const testRules = toResponsibilityRules([
  ...DEFAULT_LEIKA_TYPE_RULES.map((rule) => ({
    leikaType: rule.leikaType,
    ozgId: null,
    responsibleTypes: [...rule.responsibleTypes],
  })),
  // Wohnsitzmeldungen: Meldebehörden sind die Gemeinden (§ 1 MG NRW).
  { leikaType: null, ozgId: 10124, responsibleTypes: GEMEINDE_TYPES },
  // Kfz-Zulassung: Kreise, kreisfreie Städte, große kreisangehörige Städte.
  {
    leikaType: null,
    ozgId: 10439,
    responsibleTypes: [
      "kreisfreie_stadt",
      "grosse_kreisangehoerige_stadt",
      "kreis",
      "staedteregion",
    ],
  },
]);
