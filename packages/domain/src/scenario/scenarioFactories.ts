import { defaultScenarioDefinition, type ScenarioDefinition } from "./ScenarioDefinition.ts";
import type { LandscapeFacts } from "./ScenarioModel.ts";

/**
 * A tiny landscape for tests: three Kommunen in Einwohnerwesen and Personenstandswesen.
 * Altstadt (a1) and Neudorf (n1) are served by provider P, Burg (b1) runs Einwohnerwesen
 * itself at 1.5 € per Einwohner; provider Q offers both domains. Burg's strategy says
 * Personenstandswesen is "vor Ort notwendig". Altstadt is a member of Q's Zweckverband.
 */
export function buildLandscapeFacts(overrides: Partial<LandscapeFacts> = {}): LandscapeFacts {
  return {
    kommunen: [
      { key: "05000001", name: "Altstadt", kreisKey: "05000" },
      { key: "05000002", name: "Neudorf", kreisKey: "05000" },
      { key: "05000003", name: "Burg", kreisKey: null },
    ],
    domains: [
      { id: "einwohnerwesen", name: "Einwohnerwesen", volumeUnit: "einwohner" },
      { id: "personenstandswesen", name: "Personenstandswesen", volumeUnit: "faelle" },
    ],
    providers: [
      { id: "p", name: "Kommunale IT P" },
      { id: "q", name: "Kommunale IT Q" },
    ],
    sourcing: [
      row("05000001", "einwohnerwesen", "p", 1000, 1200),
      row("05000002", "einwohnerwesen", "p", 3000, 3400),
      row("05000003", "einwohnerwesen", null, 2000, 3000),
      row("05000001", "personenstandswesen", "p", 100, 500),
      row("05000002", "personenstandswesen", "q", 300, 900),
      row("05000003", "personenstandswesen", null, 200, 800),
    ],
    offers: [
      {
        providerId: "p",
        domainId: "einwohnerwesen",
        fixedPrice: 500,
        unitPrice: 1,
        capacity: null,
      },
      {
        providerId: "q",
        domainId: "einwohnerwesen",
        fixedPrice: 800,
        unitPrice: 0.8,
        capacity: 5000,
      },
      {
        providerId: "q",
        domainId: "personenstandswesen",
        fixedPrice: 100,
        unitPrice: 2,
        capacity: null,
      },
    ],
    memberships: [{ kommuneKey: "05000001", providerId: "q" }],
    vorOrtRequired: [{ kommuneKey: "05000003", domainId: "personenstandswesen" }],
    ...overrides,
  };
}

function row(
  kommuneKey: string,
  domainId: string,
  providerId: string | null,
  volume: number,
  annualCost: number,
): LandscapeFacts["sourcing"][number] {
  return {
    kommuneKey,
    domainId,
    operatingModel: providerId === null ? "eigenbetrieb" : "it_dienstleister",
    providerId,
    volume,
    annualCost,
  };
}

/** A definition without economies of scale, 1 year, no interest (hand-computable). */
export function buildScenarioDefinition(
  overrides: Partial<ScenarioDefinition> = {},
): ScenarioDefinition {
  const base = defaultScenarioDefinition("2026-01-01");
  return {
    ...base,
    costs: {
      ...base.costs,
      horizonYears: 1,
      discountRate: 0,
      scaleFactor: 1,
      migrationDefault: { fixedCost: 100, costPerUnit: 0.1 },
    },
    ...overrides,
  };
}
