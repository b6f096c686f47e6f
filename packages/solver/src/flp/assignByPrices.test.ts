import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sparseCore } from "../test/arbitraries.ts";
import { bruteForcePairs } from "../test/bruteForce.ts";
import { assignByPrices } from "./assignByPrices.ts";
import { capacitatedLocalSearch, evaluatePlan } from "./capacitatedLocalSearch.ts";
import { evaluateAssignment } from "./evaluateAssignment.ts";
import type { SparseFacilityLocation } from "./SparseFacilityLocation.ts";

/** Two customers of demand 10 who both prefer facility 0 (capacity 10 each). */
const crowded: SparseFacilityLocation = {
  facilityCount: 2,
  fixedCost: Float64Array.from([0, 0]),
  capacity: Float64Array.from([10, 10]),
  customerCount: 2,
  demand: Float64Array.from([10, 10]),
  pairStart: Int32Array.from([0, 2, 4]),
  pairFacility: Int32Array.from([0, 1, 0, 1]),
  // A: 1 at facility 0, 10 at facility 1; B: 2 at facility 0, 3 at facility 1.
  pairCost: Float64Array.from([1, 10, 2, 3]),
};

describe("assignByPrices", () => {
  it("sends the customer who loses least to the second facility (hand-computed optimum 4)", () => {
    const result = assignByPrices(crowded, Uint8Array.from([1, 1]));
    expect(result.feasible).toBe(true);
    expect(result.cost).toBe(4);
    expect(Array.from(result.assignment)).toEqual([0, 3]);
    // Facility 0's price lies between B's loss per unit (0.1) and A's (0.9).
    expect(result.price[0]).toBeGreaterThanOrEqual(0.1);
    expect(result.price[0]).toBeLessThan(0.9);
  });

  it("reports an open set without any option for a customer as infeasible", () => {
    const result = assignByPrices(crowded, Uint8Array.from([0, 0]));
    expect(result.feasible).toBe(false);
  });

  it("returns assignments that use open facilities only, keep capacities and cost what they say", () => {
    fc.assert(
      fc.property(sparseCore, fc.integer({ min: 0, max: 7 }), (problem, mask) => {
        const open = Uint8Array.from({ length: problem.facilityCount }, (_, facility) =>
          (mask >> facility) & 1 ? 1 : 0,
        );
        const result = assignByPrices(problem, open);
        if (!result.feasible) return;
        const value = evaluateAssignment(problem, result.assignment);
        expect(value.feasible).toBe(true);
        let pairCost = 0;
        result.assignment.forEach((pair) => {
          pairCost += problem.pairCost[pair] ?? 0;
          const facility = problem.pairFacility[pair] ?? -1;
          if (facility >= 0) expect(open[facility]).toBe(1);
        });
        expect(result.cost).toBeCloseTo(pairCost, 9);
      }),
      { numRuns: 400 },
    );
  });
});

describe("capacitatedLocalSearch", () => {
  it("never worsens the start, and its plan costs what evaluateAssignment says", () => {
    fc.assert(
      fc.property(sparseCore, (problem) => {
        const all = new Uint8Array(problem.facilityCount).fill(1);
        const start = evaluatePlan(problem, all);
        if (!start) return;
        const result = capacitatedLocalSearch(problem, start, {
          deadline: performance.now() + 1000,
        });
        expect(result.cost).toBeLessThanOrEqual(start.cost + 1e-9);
        const value = evaluateAssignment(problem, result.priced.assignment);
        expect(value.feasible).toBe(true);
        expect(value.cost).toBeCloseTo(result.cost, 9);
        expect(result.cost).toBeGreaterThanOrEqual(bruteForcePairs(problem).optimum - 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it("closes a facility whose customers fit elsewhere more cheaply (hand-computed)", () => {
    // Facility 1 costs 50 to open and saves each customer 1: closing it saves 48.
    const problem: SparseFacilityLocation = {
      facilityCount: 2,
      fixedCost: Float64Array.from([5, 50]),
      capacity: Float64Array.from([10, 10]),
      customerCount: 2,
      demand: Float64Array.from([4, 4]),
      pairStart: Int32Array.from([0, 2, 4]),
      pairFacility: Int32Array.from([0, 1, 0, 1]),
      pairCost: Float64Array.from([2, 1, 2, 1]),
    };
    const start = evaluatePlan(problem, Uint8Array.from([1, 1]));
    expect(start?.cost).toBe(52);
    const result = start
      ? capacitatedLocalSearch(problem, start, { deadline: performance.now() + 1000 })
      : undefined;
    expect(result?.cost).toBe(9);
    expect(Array.from(result?.open ?? [])).toEqual([1, 0]);
  });
});
