import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HighsSolver } from "../highs/HighsSolver.ts";
import { naiveOptimum } from "../test/naiveScenario.ts";
import { tinyScenario } from "../test/tinyScenario.ts";
import {
  constraintGroupRelaxations,
  constraintPriceOf,
  priceConstraints,
  reSolveTimeLimit,
} from "./priceConstraints.ts";
import { ScenarioInput } from "./Scenario.ts";
import { solveScenario } from "./solveScenario.ts";

const solver = new HighsSolver();
const options = { solver, relativeGap: 1e-9, concurrency: 1 };

const domain = (id: string) => ({
  id,
  name: id,
  unit: "Einwohner",
  ownOperation: { fixedCost: 100, costPerUnit: 1 },
  migration: { fixedCost: 10, costPerUnit: 0 },
});
const offer = (providerId: string, domainId: string, fixedCost: number, capacity?: number) => ({
  providerId,
  domainId,
  fixedCost,
  segments: [{ upTo: null, costPerUnit: 0.5 }],
  ...(capacity === undefined ? {} : { capacity }),
});

/**
 * Three Kommunen of 100 Einwohner, all in eigener Betrieb today in two domains (100 fixed + 1
 * per Einwohner = 200 a year each). In d1 provider P is cheaper (platform 60 vs. 100, both 0.5
 * per Einwohner), in d2 provider Q. A change costs 10 once; horizon 1 year without interest.
 * Constraints: k1 keeps d1 local, d1 and d2 are coupled, and two that bind nothing (P's capacity
 * of 1,000 Einwohner in d1, a budget of 10 migrations).
 *
 * - Plan: k1 runs both itself (coupled to its local d1): 400. k2, k3 both to P: d1 60 + 100 +
 *   20 = 180, d2 100 + 100 + 20 = 220 (to Q the same 400 mirrored): 800.
 * - Without keep-local: everyone to P in both: d1 60 + 150 + 30 = 240, d2 100 + 150 + 30 = 280:
 *   520, so keep-local costs 280.
 * - Without the coupling: d1 k1 local 200 + k2, k3 to P 180; d2 all to Q 60 + 150 + 30 = 240:
 *   620, so the coupling costs 180.
 * - Without both: 240 + 240 = 480, so together they cost 320 (less than 280 + 180).
 */
function handScenario(): ScenarioInput {
  const kommunen = ["k1", "k2", "k3"];
  return ScenarioInput.parse({
    horizonYears: 1,
    discountRate: 0,
    kommunen: kommunen.map((id) => ({ id, name: id })),
    providers: [
      { id: "p", name: "P" },
      { id: "q", name: "Q" },
    ],
    domains: [domain("d1"), domain("d2")],
    offers: [
      offer("p", "d1", 60, 1000),
      offer("q", "d1", 100),
      offer("p", "d2", 100),
      offer("q", "d2", 60),
    ],
    demands: ["d1", "d2"].flatMap((domainId) =>
      kommunen.map((kommuneId) => ({
        kommuneId,
        domainId,
        volume: 100,
        currentProviderId: null,
        keepLocal: kommuneId === "k1" && domainId === "d1",
      })),
    ),
    constraints: {
      couplings: [{ domainIds: ["d1", "d2"] }],
      maxMigrationsTotal: 10,
    },
  });
}

describe("priceConstraints", () => {
  it("prices keep-local and the coupling as computed by hand; non-binding groups cost 0", async () => {
    const input = handScenario();
    const main = await solveScenario(input, { ...options, timeLimitSeconds: 30 });
    expect(main).toMatchObject({ status: "optimal", objective: 800 });
    if (main.status !== "optimal") return;
    const steps: string[] = [];
    const prices = await priceConstraints(input, main, {
      ...options,
      timeLimitSeconds: 30,
      around: (work, step) => {
        steps.push(`${step.index + 1}/${step.steps} ${step.group}`);
        return work;
      },
    });
    const byGroup = new Map(prices.map((price) => [price.group, price]));
    expect([...byGroup.keys()]).toEqual([
      "keepLocal",
      "capacities",
      "couplings",
      "migrationBudget",
      "all",
    ]);
    expect(steps).toEqual([
      "1/5 keepLocal",
      "2/5 capacities",
      "3/5 couplings",
      "4/5 migrationBudget",
      "5/5 all",
    ]);
    expect(byGroup.get("keepLocal")).toMatchObject({
      instances: 1,
      status: "optimal",
      proven: true,
      objectiveWithout: 520,
      message: null,
    });
    expect(byGroup.get("keepLocal")?.pricePerYear).toBeCloseTo(280, 6);
    expect(byGroup.get("couplings")?.pricePerYear).toBeCloseTo(180, 6);
    expect(byGroup.get("couplings")?.objectiveWithout).toBeCloseTo(620, 6);
    expect(byGroup.get("all")?.pricePerYear).toBeCloseTo(320, 6);
    expect(byGroup.get("capacities")?.pricePerYear).toBeCloseTo(0, 9);
    expect(byGroup.get("migrationBudget")?.pricePerYear).toBeCloseTo(0, 9);
    for (const price of prices) {
      expect(price.priceLower!).toBeLessThanOrEqual(price.pricePerYear! + 1e-6);
      expect(price.priceUpper!).toBeGreaterThanOrEqual(price.pricePerYear! - 1e-6);
    }
  });

  it("counts a list of allowed providers only when it leaves a provider out", () => {
    const input = handScenario();
    input.demands[1] = { ...input.demands[1]!, allowedProviderIds: ["p", "q"] };
    expect(constraintGroupRelaxations(input).map((entry) => entry.group)).not.toContain(
      "allowedProviders",
    );
    input.demands[2] = { ...input.demands[2]!, allowedProviderIds: ["q"] };
    const allowed = constraintGroupRelaxations(input).find(
      (entry) => entry.group === "allowedProviders",
    );
    expect(allowed?.instances).toBe(1);
    expect(allowed?.relaxed.demands.every((demand) => !demand.allowedProviderIds)).toBe(true);
  });

  it("never reports a restriction's price below 0: the plan caps the re-solve", () => {
    const price = constraintPriceOf(
      { group: "capacities", instances: 2, relaxes: true },
      { objective: 100, bound: 95 },
      {
        status: "feasible",
        objective: 130,
        bound: 90,
        gap: 0.3,
        seconds: 1,
        plan: null!,
        blocks: [],
      },
    );
    expect(price).toMatchObject({
      objectiveWithout: 100,
      boundWithout: 90,
      pricePerYear: 0,
      priceLower: 0,
      priceUpper: 10,
      proven: false,
    });
  });

  it("keeps a merger option's price signed (the option saves) and reports a failed re-solve", () => {
    const saved = constraintPriceOf(
      { group: "mergerOptions", instances: 1, relaxes: false },
      { objective: 100, bound: 100 },
      {
        status: "optimal",
        objective: 130,
        bound: 130,
        gap: 0,
        seconds: 1,
        plan: null!,
        blocks: [],
      },
    );
    expect(saved.pricePerYear).toBe(-30);
    const failed = constraintPriceOf(
      { group: "couplings", instances: 1, relaxes: true },
      { objective: 100, bound: 98 },
      { status: "error", message: "Zeitlimit", seconds: 2 },
    );
    expect(failed).toMatchObject({
      pricePerYear: 0,
      priceUpper: null,
      proven: false,
      message: "Zeitlimit",
    });
  });

  it("shares the time left evenly among the re-solves still to run", () => {
    expect(reSolveTimeLimit(60, 6)).toBe(10);
    expect(reSolveTimeLimit(5, 0)).toBe(5);
    expect(reSolveTimeLimit(-1, 3)).toBe(0);
  });
});

describe("priceConstraints on random tiny scenarios", () => {
  it("equals the exhaustive optimum without the group; restrictions ≥ 0, options ≤ 0", async () => {
    await fc.assert(
      fc.asyncProperty(tinyScenario, async (input) => {
        const optimum = naiveOptimum(input);
        if (optimum === Infinity) return;
        const main = await solveScenario(input, { ...options, timeLimitSeconds: 30 });
        expect(main.status).toBe("optimal");
        if (main.status !== "optimal") return;
        const relaxations = constraintGroupRelaxations(input);
        const prices = await priceConstraints(input, main, { ...options, timeLimitSeconds: 60 });
        expect(prices.map((price) => price.group)).toEqual(relaxations.map((entry) => entry.group));
        prices.forEach((price, index) => {
          const relaxation = relaxations[index]!;
          const without = naiveOptimum(relaxation.relaxed);
          if (without === Infinity) {
            // Only a merger option can hold a scenario feasible (merged providers count once).
            expect(relaxation.group).toBe("mergerOptions");
            expect(price).toMatchObject({ status: "error", pricePerYear: null, proven: false });
            return;
          }
          expect(price.proven).toBe(true);
          const tolerance = 1e-6 * Math.max(1, main.objective);
          // Removing a restriction never makes the optimum worse; a merger option never helps
          // by being taken away.
          if (relaxation.relaxes) expect(price.pricePerYear!).toBeGreaterThanOrEqual(-tolerance);
          else expect(price.pricePerYear!).toBeLessThanOrEqual(tolerance);
          // The price is exactly the difference of the exhaustive optima …
          expect(price.pricePerYear!).toBeCloseTo(optimum - without, 5);
          // … so a group that binds nothing costs 0.
          if (Math.abs(optimum - without) < 1e-9)
            expect(Math.abs(price.pricePerYear!)).toBeLessThan(1e-5);
          expect(price.priceLower!).toBeLessThanOrEqual(price.pricePerYear! + tolerance);
          expect(price.priceUpper!).toBeGreaterThanOrEqual(price.pricePerYear! - tolerance);
        });
      }),
      { numRuns: 20 },
    );
  });
});
