import { describe, expect, it } from "vitest";
import { checkPlan } from "./checkPlan.ts";
import { coupledPlan } from "./coupledPlan.ts";
import { indexScenario } from "./indexScenario.ts";
import { prepareDomain } from "./prepareDomain.ts";
import { ScenarioInput } from "./Scenario.ts";

/**
 * Einwohnerwesen is with P today and cheaper there (1.0 vs 1.2 per Einwohner); Personenstands-
 * wesen is with Q and a little cheaper there (1.1 vs 1.2). Per domain each stays where it is
 * (300 and 320 a year), which breaks the coupling. Together: all at P = 300 + 340 + two
 * migrations of 10 = 660, all at Q = 340 + 20 + 320 = 680 — so both go to P.
 */
function coupledScenario(): ScenarioInput {
  const domains = ["einwohnerwesen", "personenstandswesen"];
  return ScenarioInput.parse({
    horizonYears: 1,
    discountRate: 0,
    kommunen: [
      { id: "k1", name: "Altstadt" },
      { id: "k2", name: "Neudorf" },
    ],
    providers: [
      { id: "p", name: "P-IT" },
      { id: "q", name: "Q-IT" },
    ],
    domains: domains.map((id) => ({
      id,
      name: id,
      unit: "Einwohner",
      ownOperation: { fixedCost: 1000, costPerUnit: 10 },
      migration: { fixedCost: 10, costPerUnit: 0 },
    })),
    offers: domains.flatMap((domainId, index) =>
      ["p", "q"].map((providerId) => ({
        providerId,
        domainId,
        fixedCost: 100,
        segments: [{ upTo: null, costPerUnit: (providerId === "p") === (index === 0) ? 1 : 1.2 }],
      })),
    ),
    demands: domains.flatMap((domainId) =>
      ["k1", "k2"].map((kommuneId) => ({
        kommuneId,
        domainId,
        volume: 100,
        currentProviderId: domainId === "einwohnerwesen" ? "p" : "q",
        ownOperationAllowed: false,
      })),
    ),
    constraints: { couplings: [{ domainIds: domains }] },
  });
}

describe("coupledPlan", () => {
  it("plans coupled domains together: one provider per Kommune, the cheaper one overall", () => {
    const scenario = indexScenario(coupledScenario());
    const prepared = [0, 1].map((domainIndex) =>
      prepareDomain(scenario, domainIndex, {
        activeMergers: new Set(),
        penalty: 0,
        seconds: 1,
        relativeGap: 1e-9,
      }),
    );
    // Alone, each domain keeps its provider: P and Q.
    expect(
      prepared.map((part) =>
        Array.from(part.estimate?.assignment ?? [], (pair) => part.core.pairOption[pair]),
      ),
    ).toEqual([
      [0, 0],
      [1, 1],
    ]);
    const plan = coupledPlan(scenario, [0, 1], prepared, 1);
    expect(plan).toBeDefined();
    if (!plan) return;
    const choices = [0, 1].map((domainIndex) => plan.get(domainIndex) ?? new Int32Array());
    expect(choices.map((choice) => Array.from(choice))).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(checkPlan(scenario, choices, new Set())).toEqual([]);
  });

  it("leaves blocks without a coupling alone", () => {
    const input = coupledScenario();
    const scenario = indexScenario({
      ...input,
      constraints: { ...input.constraints, couplings: [] },
    });
    const prepared = [0, 1].map((domainIndex) =>
      prepareDomain(scenario, domainIndex, {
        activeMergers: new Set(),
        penalty: 0,
        seconds: 1,
        relativeGap: 1e-9,
      }),
    );
    expect(coupledPlan(scenario, [0, 1], prepared, 1)).toBeUndefined();
  });
});
