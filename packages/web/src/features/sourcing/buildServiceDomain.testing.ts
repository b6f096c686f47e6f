import type { Schemas } from "../../api/client.ts";

type ServiceDomain = Schemas["ServiceDomain"];

/** Test factory: the Leistungsbereich Einwohnerwesen, with overrides. */
export function buildServiceDomain(overrides: Partial<ServiceDomain> = {}): ServiceDomain {
  return {
    id: "einwohnerwesen",
    parentId: "fachverfahren",
    name: "Einwohnerwesen",
    description: "Melderegister sowie Pass- und Personalausweiswesen der Gemeinde.",
    category: "fachverfahren",
    isGroup: false,
    volumeUnit: "einwohner",
    responsibleTypes: ["kreisangehoerige_gemeinde", "mittlere_kreisangehoerige_stadt"],
    responsibilityBasis: "Meldebehörden sind die Gemeinden (§ 1 MG NRW).",
    ozgIds: [10111],
    position: 3010,
    ...overrides,
  };
}
