import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HighsSolver } from "../highs/HighsSolver.ts";
import { bruteForceFlp, flpCost } from "../test/bruteForce.ts";
import { FacilityLocationInput } from "./FacilityLocationProblem.ts";
import { solveFacilityLocation } from "./solveFacilityLocation.ts";

const solver = new HighsSolver();

/** 3 facilities × 4 customers; by hand: A alone 32, B alone 31, C alone 32, A+B 29 (optimal),
 * A+C 34, B+C 35, all three 37. */
const uncapacitated = FacilityLocationInput.parse({
  name: "3x4",
  facilities: [
    { id: "A", fixedCost: 10 },
    { id: "B", fixedCost: 9 },
    { id: "C", fixedCost: 8 },
  ],
  customers: [
    { id: 1, demand: 1, costs: [2, 9, 7] },
    { id: 2, demand: 1, costs: [3, 8, 6] },
    { id: 3, demand: 1, costs: [9, 2, 5] },
    { id: 4, demand: 1, costs: [8, 3, 6] },
  ],
});

/** A alone would cost 5 + 1 + 1 = 7 but holds only 10 of the 12 units: A + B = 13 + 1 + 2 = 16. */
const capacitated = FacilityLocationInput.parse({
  facilities: [
    { id: "A", fixedCost: 5, capacity: 10 },
    { id: "B", fixedCost: 8, capacity: 10 },
    { id: "C", fixedCost: 50, capacity: 100 },
  ],
  customers: [
    { id: 1, demand: 6, costs: [1, 2, 1] },
    { id: 2, demand: 6, costs: [1, 2, 1] },
  ],
});

describe("solveFacilityLocation", () => {
  it("finds the hand-computed optimum of a 3 × 4 uncapacitated instance", async () => {
    const result = await solveFacilityLocation(uncapacitated, { capacitated: false, solver });
    expect(result).toMatchObject({ status: "optimal", objective: 29, open: ["A", "B"] });
    if (result.status !== "optimal") return;
    expect(result.assignment).toEqual(["A", "A", "B", "B"]);
    expect(result.bound).toBeCloseTo(29, 6);
  });

  it("opens a second facility when the capacity of the cheapest one is too small", async () => {
    const result = await solveFacilityLocation(capacitated, { capacitated: true, solver });
    expect(result).toMatchObject({ status: "optimal", objective: 16, open: ["A", "B"] });
  });

  it("ignores capacities without the capacitated flag", async () => {
    const result = await solveFacilityLocation(capacitated, { capacitated: false, solver });
    expect(result).toMatchObject({ status: "optimal", objective: 7, open: ["A"] });
  });

  it("reports an infeasible instance with the capacities in conflict, in German", async () => {
    const tooSmall = FacilityLocationInput.parse({
      facilities: [{ id: 1, fixedCost: 1, capacity: 5 }],
      customers: [
        { id: 1, demand: 4, costs: [1] },
        { id: 2, demand: 4, costs: [1] },
      ],
    });
    const result = await solveFacilityLocation(tooSmall, { capacitated: true, solver });
    expect(result.status).toBe("infeasible");
    if (result.status !== "infeasible") return;
    expect(result.conflicts).toEqual([
      "Die Gesamtkapazität aller Standorte (5) ist kleiner als die Gesamtnachfrage (8).",
    ]);
  });

  it("names the conflict when single sourcing, not total capacity, makes it infeasible", async () => {
    const packing = FacilityLocationInput.parse({
      facilities: [
        { id: 1, fixedCost: 1, capacity: 5 },
        { id: 2, fixedCost: 1, capacity: 5 },
      ],
      customers: [
        { id: 1, demand: 3, costs: [1, 1] },
        { id: 2, demand: 3, costs: [1, 1] },
        { id: 3, demand: 3, costs: [1, 1] },
      ],
    });
    const result = await solveFacilityLocation(packing, { capacitated: true, solver });
    expect(result.status).toBe("infeasible");
    if (result.status !== "infeasible") return;
    expect(result.conflicts[0]).toMatch(/Einzelbelieferung/);
  });
});

const instance = (capacities: boolean) =>
  fc
    .record({
      facilities: fc.integer({ min: 1, max: 4 }),
      customers: fc.integer({ min: 1, max: 5 }),
    })
    .chain(({ facilities, customers }) =>
      fc.record({
        facilities: fc.array(
          fc.record({
            id: fc.constant(0),
            fixedCost: fc.integer({ min: 0, max: 40 }),
            capacity: capacities ? fc.integer({ min: 4, max: 30 }) : fc.constant(null),
          }),
          { minLength: facilities, maxLength: facilities },
        ),
        customers: fc.array(
          fc.record({
            id: fc.constant(0),
            demand: fc.integer({ min: 1, max: 10 }),
            costs: fc.array(fc.integer({ min: 0, max: 30 }), {
              minLength: facilities,
              maxLength: facilities,
            }),
          }),
          { minLength: customers, maxLength: customers },
        ),
      }),
    )
    .map((raw) =>
      FacilityLocationInput.parse({
        facilities: raw.facilities.map((facility, index) => ({ ...facility, id: index + 1 })),
        customers: raw.customers.map((customer, index) => ({ ...customer, id: index + 1 })),
      }),
    );

describe.each([
  ["uncapacitated", false],
  ["capacitated", true],
])("solveFacilityLocation on random tiny %s instances", (_, capacities) => {
  it("never reports a bound above the objective, and the objective is the plan's cost", async () => {
    await fc.assert(
      fc.asyncProperty(instance(capacities), async (input) => {
        const result = await solveFacilityLocation(input, { capacitated: capacities, solver });
        if (result.status !== "optimal" && result.status !== "feasible") return;
        expect(result.bound).toBeLessThanOrEqual(result.objective + 1e-9);
        // Recomputed from the JSON input alone, not from the solver's data structures.
        const assignment = result.assignment.map((id) =>
          input.facilities.findIndex((facility) => facility.id === id),
        );
        expect(flpCost(input, assignment, capacities)).toBeCloseTo(result.objective, 6);
      }),
      { numRuns: 60 },
    );
  });

  it("is never beaten by any assignment (exhaustive search)", async () => {
    await fc.assert(
      fc.asyncProperty(instance(capacities), async (input) => {
        const result = await solveFacilityLocation(input, { capacitated: capacities, solver });
        const optimum = bruteForceFlp(input, capacities);
        if (optimum === Infinity) {
          expect(result.status).toBe("infeasible");
          return;
        }
        expect(result.status).toBe("optimal");
        if (result.status !== "optimal") return;
        expect(result.objective).toBeCloseTo(optimum, 6);
      }),
      { numRuns: 60 },
    );
  });
});
