import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forEachTuple } from "../test/bruteForce.ts";
import { CoverKnapsack } from "./coverKnapsack.ts";

/** Cheapest cover by trying every subset. */
function bruteForceCover(w: number[], capacity: number[], demand: number): number {
  let best = Infinity;
  forEachTuple(
    w.map(() => 2),
    (open) => {
      let room = 0;
      let cost = 0;
      open.forEach((isOpen, item) => {
        if (!isOpen) return;
        room += capacity[item] ?? 0;
        cost += w[item] ?? 0;
      });
      if (room >= demand) best = Math.min(best, cost);
    },
  );
  return best;
}

describe("CoverKnapsack", () => {
  it("finds the cheapest cover where the LP would take fractions (hand-computed)", () => {
    // Demand 10: the LP takes item 0 (cost 6, room 6) and 4/5 of item 1 (cost 5, room 5) = 10;
    // integral covers: {0, 1} = 11, {2} = 9 (room 10) – the optimum.
    const knapsack = new CoverKnapsack(3);
    const result = knapsack.solve(Float64Array.from([6, 5, 9]), Float64Array.from([6, 5, 10]), 10);
    expect(result.value).toBe(9);
    expect(result.exact).toBe(true);
    expect(Array.from(result.open)).toEqual([0, 0, 1]);
  });

  it("opens every item with non-positive cost and reports no cover as Infinity", () => {
    const knapsack = new CoverKnapsack(2);
    expect(knapsack.solve(Float64Array.from([-2, 0]), Float64Array.from([1, 1]), 1).value).toBe(-2);
    expect(knapsack.solve(Float64Array.from([1, 1]), Float64Array.from([1, 1]), 3).value).toBe(
      Infinity,
    );
  });

  it("equals exhaustive search, and its lower bound never exceeds the optimum", () => {
    const item = fc.record({
      cost: fc.integer({ min: -5, max: 40 }),
      capacity: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 9 }),
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 1, max: 50 }),
        (items, demand, nodeLimit) => {
          const w = items.map((entry) => entry.cost);
          const capacity = items.map((entry) => entry.capacity);
          const optimum = bruteForceCover(w, capacity, demand);
          const result = new CoverKnapsack(items.length).solve(
            Float64Array.from(w),
            Float64Array.from(capacity),
            demand,
            nodeLimit,
          );
          expect(result.lowerBound).toBeLessThanOrEqual(optimum + 1e-9);
          expect(result.value).toBeGreaterThanOrEqual(optimum - 1e-9);
          if (result.exact) expect(result.value).toBeCloseTo(optimum, 9);
          if (optimum < Infinity) {
            let room = 0;
            let cost = 0;
            result.open.forEach((open, index) => {
              if (!open) return;
              room += capacity[index] ?? 0;
              cost += w[index] ?? 0;
            });
            expect(room).toBeGreaterThanOrEqual(demand);
            expect(cost).toBeCloseTo(result.value, 9);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
