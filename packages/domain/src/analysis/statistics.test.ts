import { describe, expect, it } from "vitest";
import { summariseValues } from "./statistics.ts";

describe("summariseValues", () => {
  it("gives quartiles, mean and coefficient of variation computed by hand", () => {
    // sorted 1,2,3,4,10; type-7 quartiles at positions 1, 2, 3 → 2, 3, 4
    // mean 4; squared deviations 9,4,1,0,36 → variance 10 → sd √10
    const summary = summariseValues([10, 3, 1, 4, 2]);
    expect(summary).toMatchObject({
      count: 5,
      min: 1,
      p25: 2,
      median: 3,
      p75: 4,
      max: 10,
      mean: 4,
    });
    expect(summary?.coefficientOfVariation).toBeCloseTo(Math.sqrt(10) / 4, 12);
  });

  it("interpolates between ranks", () => {
    // positions 0.75, 1.5, 2.25 of 10,20,30,40
    expect(summariseValues([40, 10, 30, 20])).toMatchObject({ p25: 17.5, median: 25, p75: 32.5 });
  });

  it("gives 0 variation for equal values and null for no values", () => {
    expect(summariseValues([5, 5, 5])?.coefficientOfVariation).toBe(0);
    expect(summariseValues([])).toBeNull();
    expect(summariseValues([Number.NaN])).toBeNull();
  });
});
