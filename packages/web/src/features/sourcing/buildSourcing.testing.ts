import type { Schemas } from "../../api/client.ts";

type Sourcing = Schemas["Sourcing"];

/** Test factory: a Bezug of Detmold for Einwohnerwesen, with overrides. */
export function buildSourcing(overrides: Partial<Sourcing> = {}): Sourcing {
  return {
    id: 1,
    organisation: { ags: "05766020", name: "Detmold", kind: "gemeinde", population: 74_486 },
    domain: { id: "einwohnerwesen", name: "Einwohnerwesen" },
    operatingModel: "it_dienstleister",
    provider: {
      id: "owl-it",
      shortName: "OWL-IT",
      name: "Ostwestfalen-Lippe-IT",
      status: "active",
    },
    partner: null,
    product: { id: "demo-melde-a", name: "Melde-Suite A", vendor: "Anbieter Nord (Demo)" },
    annualCost: 47_195,
    runningCost: 45_344,
    investmentCost: 1_851,
    volume: 74_486,
    volumeUnit: "einwohner",
    contractEnd: "2028-12-31",
    satisfaction: 4,
    validFrom: "2024-01-01",
    validTo: null,
    predecessorId: null,
    changeReason: null,
    demo: false,
    confidentialHidden: false,
    provenance: { sourceId: null, sourceUrls: [], asOf: null, evidence: null, quality: "user" },
    ...overrides,
  };
}
