import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sparseCore as core } from "../test/arbitraries.ts";
import { bruteForcePairs } from "../test/bruteForce.ts";
import { lagrangianBound, pairLowerBounds } from "./lagrangianBound.ts";
import type { SparseFacilityLocation } from "./SparseFacilityLocation.ts";

describe("lagrangianBound", () => {
  it("gives the LP bound of an uncapacitated instance whose relaxation is integral", () => {
    // Two customers, each cheapest at its own facility: open both (2 + 2) and pay 1 + 1.
    const problem: SparseFacilityLocation = {
      facilityCount: 2,
      fixedCost: Float64Array.from([2, 2]),
      capacity: Float64Array.from([Infinity, Infinity]),
      customerCount: 2,
      demand: Float64Array.from([1, 1]),
      pairStart: Int32Array.from([0, 2, 4]),
      pairFacility: Int32Array.from([0, 1, 0, 1]),
      pairCost: Float64Array.from([1, 10, 10, 1]),
    };
    expect(lagrangianBound(problem, { upperBound: 6 }).bound).toBeCloseTo(6, 6);
  });

  it("stays valid when a fractional solution leaves a tiny subgradient (found by fast-check)", () => {
    // Optimum 14: customer 1 fills facility 1 (capacity 7), so customer 0 must pay 11 + 3 at
    // facility 0. A rounding-sized subgradient once sent λ to 1e17, and Σλ − K lost 16 in
    // cancellation, reporting a "bound" of 16.
    const problem: SparseFacilityLocation = {
      facilityCount: 2,
      fixedCost: Float64Array.from([11, 0]),
      capacity: Float64Array.from([Infinity, 7]),
      customerCount: 2,
      demand: Float64Array.from([5, 6]),
      pairStart: Int32Array.from([0, 2, 3]),
      pairFacility: Int32Array.from([1, 0, 1]),
      pairCost: Float64Array.from([0, 3, 0]),
    };
    expect(bruteForcePairs(problem).optimum).toBe(14);
    for (const maxIterations of [26, 27, 200]) {
      const result = lagrangianBound(problem, { upperBound: 14, maxIterations });
      expect(result.bound).toBeLessThanOrEqual(14 + 1e-9);
      for (const lambda of result.multipliers) expect(Math.abs(lambda)).toBeLessThan(1e3);
    }
  });

  it("never exceeds the optimum, and no pair's bound exceeds the best solution using it", () => {
    fc.assert(
      fc.property(core, fc.integer({ min: 5, max: 200 }), (problem, iterations) => {
        const { optimum, perPair } = bruteForcePairs(problem);
        const result = lagrangianBound(problem, { upperBound: optimum, maxIterations: iterations });
        if (optimum === Infinity) return;
        expect(result.bound).toBeLessThanOrEqual(optimum + 1e-6);
        const bounds = pairLowerBounds(problem, result);
        perPair.forEach((best, pair) => {
          if (best < Infinity) expect(bounds[pair] ?? 0).toBeLessThanOrEqual(best + 1e-6);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the pair bounds valid with a relaxed budget row over some pairs", () => {
    fc.assert(
      fc.property(core, fc.integer({ min: 0, max: 3 }), (problem, limit) => {
        const counted = Uint8Array.from(problem.pairCost, (_, pair) => pair % 2);
        const result = lagrangianBound(problem, {
          upperBound: Infinity,
          budget: { counted, limit },
          budgetMultiplierStart: 3,
          maxIterations: 100,
        });
        const budgeted = bruteForcePairs(problem, { counted, limit });
        if (budgeted.optimum === Infinity) return;
        expect(result.bound).toBeLessThanOrEqual(budgeted.optimum + 1e-6);
        const bounds = pairLowerBounds(problem, result, counted);
        budgeted.perPair.forEach((best, pair) => {
          if (best < Infinity) expect(bounds[pair] ?? 0).toBeLessThanOrEqual(best + 1e-6);
        });
      }),
      { numRuns: 300 },
    );
  });
});
