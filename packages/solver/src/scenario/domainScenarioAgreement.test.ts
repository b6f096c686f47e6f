import {
  buildScenarioInput,
  costScenarioPlan,
  defaultScenarioDefinition,
  manualPlan,
  type LandscapeFacts,
} from "@it-atlas/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HighsSolver } from "../highs/HighsSolver.ts";
import { ScenarioInput } from "./Scenario.ts";
import { solveScenario } from "./solveScenario.ts";

const solver = new HighsSolver();
const DOMAINS = ["einwohnerwesen", "personenstandswesen"];
const PROVIDERS = ["p", "q", "r"];

/** A random landscape of 2–6 Kommunen in two domains with three providers. */
const landscape = fc
  .record({
    kommunen: fc.integer({ min: 2, max: 6 }),
    volumes: fc.array(fc.integer({ min: 10, max: 5000 }), { minLength: 12, maxLength: 12 }),
    current: fc.array(fc.constantFrom(null, ...PROVIDERS), { minLength: 12, maxLength: 12 }),
    prices: fc.array(
      fc.record({
        fixed: fc.integer({ min: 0, max: 3000 }),
        unit: fc.double({ min: 0.2, max: 3, noNaN: true }),
      }),
      { minLength: 6, maxLength: 6 },
    ),
    scaleFactor: fc.constantFrom(1, 0.7),
  })
  .map(({ kommunen, volumes, current, prices, scaleFactor }) => {
    const keys = Array.from({ length: kommunen }, (_, index) => `0500000${index}`);
    const facts: LandscapeFacts = {
      kommunen: keys.map((key, index) => ({ key, name: `Kommune ${index}` })),
      domains: DOMAINS.map((id) => ({ id, name: id, volumeUnit: "einwohner" })),
      providers: PROVIDERS.map((id) => ({ id, name: id.toUpperCase() })),
      sourcing: keys.flatMap((kommuneKey, k) =>
        DOMAINS.map((domainId, d) => {
          const providerId = current[k * 2 + d] ?? null;
          const volume = volumes[k * 2 + d] ?? 100;
          return {
            kommuneKey,
            domainId,
            operatingModel: providerId === null ? "eigenbetrieb" : "it_dienstleister",
            providerId,
            volume,
            annualCost: volume * 1.5,
          };
        }),
      ),
      offers: PROVIDERS.flatMap((providerId, p) =>
        DOMAINS.map((domainId, d) => ({
          providerId,
          domainId,
          fixedPrice: prices[p * 2 + d]?.fixed ?? 0,
          unitPrice: prices[p * 2 + d]?.unit ?? 1,
          capacity: null,
        })),
      ),
      memberships: [],
      vorOrtRequired: [],
    };
    const definition = defaultScenarioDefinition("2026-01-01");
    definition.costs.scaleFactor = scaleFactor;
    return buildScenarioInput(facts, definition).input;
  });

describe("domain cost model and solver agree", () => {
  it("recomputes the solver's objective and Ist independently (property)", async () => {
    await fc.assert(
      fc.asyncProperty(landscape, async (model) => {
        const result = await solveScenario(ScenarioInput.parse(model), {
          solver,
          relativeGap: 1e-9,
          timeLimitSeconds: 30,
          concurrency: 1,
        });
        expect(result.status).toBe("optimal");
        if (result.status !== "optimal") return;
        expect(result.bound).toBeLessThanOrEqual(result.objective + 1e-6);
        expect(result.plan.statusQuoCostPerYear).toBeCloseTo(costScenarioPlan(model).running, 4);
        const chosen = new Map(
          result.plan.assignments.map((entry) => [
            `${entry.kommuneId}|${entry.domainId}`,
            entry.providerId,
          ]),
        );
        expect(manualPlan(model, chosen).costPerYear.total).toBeCloseTo(result.objective, 4);
      }),
      { numRuns: 12 },
    );
  });
});
