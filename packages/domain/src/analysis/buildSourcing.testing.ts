import type { Sourcing } from "../landscape/Sourcing.ts";

/** Test factory: a sourcing row; `providerId` null means no provider. */
export function buildSourcing(
  overrides: Partial<Sourcing> & {
    ags?: string;
    domainId?: string;
    providerId?: string | null;
  } = {},
): Sourcing {
  const { ags = "05766020", domainId = "einwohnerwesen", providerId = "krz", ...rest } = overrides;
  return {
    id: 1,
    organisation: { ags, name: `Kommune ${ags}`, kind: "gemeinde", population: 20_000 },
    domain: { id: domainId, name: domainId },
    operatingModel: providerId ? "it_dienstleister" : "eigenbetrieb",
    provider: providerId
      ? { id: providerId, shortName: providerId.toUpperCase(), name: providerId, status: "active" }
      : null,
    partner: null,
    product: { id: "p1", name: "Produkt 1", vendor: "Demo" },
    annualCost: 1200,
    runningCost: 1000,
    investmentCost: 200,
    volume: 100,
    volumeUnit: "Einwohner",
    contractEnd: null,
    satisfaction: null,
    validFrom: "2020-01-01",
    validTo: null,
    predecessorId: null,
    changeReason: null,
    demo: true,
    confidentialHidden: false,
    provenance: { sourceId: null, sourceUrls: [], asOf: null, evidence: null, quality: "demo" },
    ...rest,
  };
}
