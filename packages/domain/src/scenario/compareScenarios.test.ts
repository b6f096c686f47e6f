import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildScenarioInput } from "./buildScenarioInput.ts";
import { compareScenarios, istFromPlan, type ComparedScenario } from "./compareScenarios.ts";
import { costScenarioPlan } from "./costScenarioPlan.ts";
import { buildLandscapeFacts, buildScenarioDefinition } from "./scenarioFactories.ts";
import type { ScenarioScope } from "./ScenarioDefinition.ts";
import { manualPlan, toResultPlan } from "./toResultPlan.ts";

const ALTSTADT = "05000001";
const NEUDORF = "05000002";
const BURG = "05000003";
const KOMMUNEN = [ALTSTADT, NEUDORF, BURG];
const DOMAINS = ["einwohnerwesen", "personenstandswesen"];

/** A computed scenario of the given scope with the given switches (others keep Ist). */
function scenario(
  scenarioId: number,
  scope: ScenarioScope,
  switches: ReadonlyArray<[string, string | null]> = [],
): ComparedScenario {
  const model = buildScenarioInput(buildLandscapeFacts(), buildScenarioDefinition({ scope })).input;
  const inScope = new Set(model.demands.map((demand) => `${demand.kommuneId}|${demand.domainId}`));
  const chosen = new Map(switches.filter(([key]) => inScope.has(key)));
  const plan = toResultPlan(model, manualPlan(model, chosen), []);
  return {
    scenarioId,
    name: `Szenario ${scenarioId}`,
    result: { status: "feasible", objective: plan.costPerYear.total, bound: null, gap: null, plan },
  };
}

/** Ist in a scope, computed independently of the stored plan: Ist assignments costed. */
function istCostInScope(scope: ScenarioScope): number {
  const model = buildScenarioInput(buildLandscapeFacts(), buildScenarioDefinition({ scope })).input;
  return costScenarioPlan(model).running;
}

describe("compareScenarios across scopes", () => {
  const all = scenario(1, { domainIds: "all", kommuneKeys: "all" }, [
    [`${BURG}|einwohnerwesen`, "p"],
  ]);
  const burgOnly = scenario(2, { domainIds: ["einwohnerwesen"], kommuneKeys: [BURG] }, [
    [`${BURG}|einwohnerwesen`, "p"],
  ]);
  const comparison = compareScenarios(istFromPlan(all.result.plan!), [all, burgOnly]);

  it("measures each scenario's saving against the Ist of its own scope", () => {
    const narrow = comparison.columns.find((column) => column.scenarioId === 2);
    const ownIst = istCostInScope({ domainIds: ["einwohnerwesen"], kommuneKeys: [BURG] });
    // Burg runs Einwohnerwesen itself for 3,000 €; that is the whole Ist of this scope.
    expect(ownIst).toBe(3000);
    expect(narrow?.istCostPerYear).toBe(3000);
    expect(narrow?.savingPerYear).toBeCloseTo(
      3000 - (burgOnly.result.plan?.costPerYear.total ?? 0),
      9,
    );
  });

  it("says that the scopes differ and what each scope holds", () => {
    expect(comparison.sameScope).toBe(false);
    expect(comparison.notes.join(" ")).toMatch(/unterschiedlichen Umfang/);
    const narrow = comparison.columns.find((column) => column.scenarioId === 2);
    expect(narrow?.scope).toEqual({ kommunen: 1, domains: 1 });
  });

  it("does not give a Kommune outside a scenario's scope the Ist of another scope as plan cost", () => {
    const altstadt = comparison.kommunen.find((kommune) => kommune.key === ALTSTADT);
    const inNarrow = altstadt?.scenarios.find((entry) => entry.scenarioId === 2);
    expect(inNarrow).toMatchObject({ inScope: false, planCostPerYear: null, deltaPerYear: null });
  });

  it("names from and to provider of every change per Kommune", () => {
    const burg = comparison.kommunen.find((kommune) => kommune.key === BURG);
    expect(burg?.scenarios[0]?.changes).toEqual([
      { domainId: "einwohnerwesen", fromProviderId: null, toProviderId: "p" },
    ]);
  });
});

describe("savings invariant over random scopes", () => {
  const scopeArbitrary = fc.record({
    domainIds: fc.oneof(fc.constant("all" as const), fc.subarray(DOMAINS, { minLength: 1 })),
    kommuneKeys: fc.oneof(fc.constant("all" as const), fc.subarray(KOMMUNEN, { minLength: 1 })),
  });
  const switchArbitrary = fc.array(
    fc.tuple(
      fc.constantFrom(...KOMMUNEN),
      fc.constantFrom(...DOMAINS),
      fc.constantFrom<string | null>("p", "q", null),
    ),
    { maxLength: 6 },
  );

  it("saving of every scenario = Ist in its own scope − cost of its plan", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(scopeArbitrary, switchArbitrary), { minLength: 1, maxLength: 4 }),
        (entries) => {
          const compared = entries.map(([scope, switches], index) =>
            scenario(
              index + 1,
              scope,
              switches.map(([kommune, domain, provider]) => [`${kommune}|${domain}`, provider]),
            ),
          );
          const comparison = compareScenarios(istFromPlan(compared[0]!.result.plan!), compared);
          entries.forEach(([scope], index) => {
            const column = comparison.columns.find((entry) => entry.scenarioId === index + 1);
            const plan = compared[index]!.result.plan!;
            const ist = istCostInScope(scope);
            expect(column?.istCostPerYear).toBeCloseTo(ist, 6);
            expect(column?.savingPerYear).toBeCloseTo(ist - (plan.costPerYear.total ?? 0), 6);
            expect(column?.savingOverHorizon).toBeCloseTo(
              ist * plan.horizonYears -
                (plan.costPerYear.running ?? 0) * plan.horizonYears -
                (plan.oneOffCost ?? 0),
              6,
            );
            // Per Kommune: the rows of a scenario add up to its own Ist and plan.
            const rows = comparison.kommunen
              .map((kommune) => kommune.scenarios[index]!)
              .filter((entry) => entry.inScope);
            const istSum = rows.reduce((sum, entry) => sum + (entry.istCostPerYear ?? 0), 0);
            expect(istSum).toBeCloseTo(ist, 6);
          });
          const scopes = new Set(
            compared.map((entry) =>
              JSON.stringify([
                entry.result.plan!.kommunen.map((kommune) => kommune.key).sort(),
                entry.result.plan!.domains.map((domain) => domain.id).sort(),
              ]),
            ),
          );
          expect(comparison.sameScope).toBe(scopes.size === 1);
        },
      ),
      { numRuns: 150 },
    );
  });
});
