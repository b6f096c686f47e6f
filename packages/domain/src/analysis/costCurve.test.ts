import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Mulberry32Random } from "../demo/random.ts";
import {
  evaluateCostCurve,
  fitCostCurve,
  quantileBreakpoints,
  type CostCurveFit,
  type CostPoint,
} from "./costCurve.ts";

/** The curve of the recovery tests: 1,000 € fixed, 5 €/unit up to 100, 3 € up to 200, then 1 €. */
const truth = {
  fixedCost: 1000,
  segments: [
    { upTo: 100, costPerUnit: 5 },
    { upTo: 200, costPerUnit: 3 },
    { upTo: null, costPerUnit: 1 },
  ],
};

function sumOfSquares(
  points: readonly CostPoint[],
  curve: Pick<CostCurveFit, "fixedCost" | "segments">,
) {
  return points.reduce(
    (sum, point) => sum + (point.cost - evaluateCostCurve(curve, point.volume)) ** 2,
    0,
  );
}

const pointArbitrary = fc.array(
  fc.record({
    volume: fc.double({ min: 0, max: 1e6, noNaN: true }),
    cost: fc.double({ min: 0, max: 1e7, noNaN: true }),
  }),
  { minLength: 3, maxLength: 60 },
);

describe("evaluateCostCurve", () => {
  it.each([
    [0, 1000],
    [50, 1250],
    [100, 1500],
    [150, 1650],
    [300, 1000 + 500 + 300 + 100],
  ])("costs %d units at %d €", (volume, cost) => {
    expect(evaluateCostCurve(truth, volume)).toBe(cost);
  });
});

describe("quantileBreakpoints", () => {
  it("puts breakpoints at the tertiles of the volumes", () => {
    const volumes = Array.from({ length: 301 }, (_, index) => index);
    expect(quantileBreakpoints(volumes, 3)).toEqual([100, 200]);
  });

  it("drops duplicate breakpoints and those at the largest volume", () => {
    expect(quantileBreakpoints([5, 5, 5, 5, 9], 3)).toEqual([5]);
    expect(quantileBreakpoints([7, 7, 7], 3)).toEqual([]);
  });
});

describe("fitCostCurve", () => {
  it("recovers a noiseless concave curve exactly (breakpoints at the tertiles)", () => {
    const points = Array.from({ length: 301 }, (_, volume) => ({
      volume,
      cost: evaluateCostCurve(truth, volume),
    }));
    const fit = fitCostCurve(points, { replicates: 20 });
    expect(fit?.fixedCost).toBeCloseTo(1000, 6);
    expect(fit?.breakpoints).toEqual([100, 200]);
    expect(fit?.segments.map((segment) => segment.upTo)).toEqual([100, 200, null]);
    fit?.segments.forEach((segment, index) =>
      expect(segment.costPerUnit).toBeCloseTo(truth.segments[index]?.costPerUnit ?? Number.NaN, 8),
    );
    expect(fit?.rSquared).toBeCloseTo(1, 12);
    expect(fit?.residualStandardError).toBeLessThan(1e-6);
    // Without noise every bootstrap sample lies on the same curve: the band collapses.
    for (const point of fit?.uncertainty.band ?? []) {
      expect(point.upper - point.lower).toBeLessThan(1e-6);
    }
  });

  it("recovers a curve with explicit breakpoints from irregular volumes", () => {
    const random = new Mulberry32Random(3);
    const points = Array.from({ length: 80 }, () => {
      const volume = random.uniform(0, 400);
      return { volume, cost: evaluateCostCurve(truth, volume) };
    });
    const fit = fitCostCurve(points, { breakpoints: [100, 200], replicates: 0 });
    expect(fit?.fixedCost).toBeCloseTo(1000, 6);
    expect(fit?.segments.map((segment) => segment.costPerUnit)).toEqual([
      expect.closeTo(5, 8),
      expect.closeTo(3, 8),
      expect.closeTo(1, 8),
    ]);
  });

  it("estimates the noise level and gives a band that covers the true curve", () => {
    const random = new Mulberry32Random(11);
    const points = Array.from({ length: 300 }, () => {
      const volume = random.uniform(0, 300);
      return { volume, cost: evaluateCostCurve(truth, volume) + random.normal(0, 40) };
    });
    const fit = fitCostCurve(points, { breakpoints: [100, 200] });
    expect(fit?.residualStandardError).toBeGreaterThan(30);
    expect(fit?.residualStandardError).toBeLessThan(50);
    expect(fit?.rSquared).toBeGreaterThan(0.9);
    const inside = (fit?.uncertainty.band ?? []).filter((point) => {
      const cost = evaluateCostCurve(truth, point.volume);
      return point.lower <= cost && cost <= point.upper;
    });
    // A 90 % pointwise band: most of the 25 grid points contain the truth.
    expect(inside.length).toBeGreaterThanOrEqual(18);
    expect(fit?.uncertainty.fixedCost.lower).toBeLessThan(1000);
    expect(fit?.uncertainty.fixedCost.upper).toBeGreaterThan(1000);
  });

  it("is concave, non-decreasing and has a non-negative fixed cost for any data", () => {
    fc.assert(
      fc.property(pointArbitrary, fc.integer({ min: 1, max: 5 }), (points, segments) => {
        const fit = fitCostCurve(points, { segments, replicates: 5 });
        if (!fit) return;
        expect(fit.fixedCost).toBeGreaterThanOrEqual(0);
        fit.segments.forEach((segment, index) => {
          expect(segment.costPerUnit).toBeGreaterThanOrEqual(0);
          const previous = fit.segments[index - 1];
          if (previous) {
            expect(segment.costPerUnit).toBeLessThanOrEqual(previous.costPerUnit);
            expect(
              segment.upTo === null || (previous.upTo !== null && segment.upTo > previous.upTo),
            ).toBe(true);
          }
        });
        expect(fit.segments[fit.segments.length - 1]?.upTo).toBeNull();
      }),
    );
  });

  it("fits at least as well as the best flat line (a feasible curve)", () => {
    fc.assert(
      fc.property(pointArbitrary, (points) => {
        const fit = fitCostCurve(points, { replicates: 0 });
        if (!fit) return;
        const mean = points.reduce((sum, point) => sum + point.cost, 0) / points.length;
        const flat = { fixedCost: mean, segments: [{ upTo: null, costPerUnit: 0 }] };
        const own = sumOfSquares(points, fit);
        expect(own).toBeLessThanOrEqual(sumOfSquares(points, flat) * (1 + 1e-9) + 1e-6);
      }),
    );
  });

  it("cannot be improved by moving to any nearby concave curve (local = global optimum)", () => {
    const trending = fc.array(
      fc.record({
        volume: fc.double({ min: 0, max: 1000, noNaN: true }),
        noise: fc.double({ min: -200, max: 200, noNaN: true }),
      }),
      { minLength: 6, maxLength: 60 },
    );
    fc.assert(
      fc.property(
        trending,
        fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: 4, maxLength: 4 }),
        (raw, [fixedChange = 0, ...changes]) => {
          const points = raw.map(({ volume, noise }) => ({
            volume,
            cost: Math.max(0, 500 + 3 * volume - 0.001 * volume ** 2 + noise),
          }));
          const fit = fitCostCurve(points, { replicates: 0 });
          if (!fit) return;
          // Perturb the fixed cost and the slope decrements d_k = s_k − s_{k+1} (all kept ≥ 0),
          // so the competitor is again concave, non-decreasing, with a non-negative fixed cost.
          const slopes = fit.segments.map((segment) => segment.costPerUnit);
          const decrements = slopes.map((slope, index) => slope - (slopes[index + 1] ?? 0));
          const moved = decrements.map((decrement, index) =>
            Math.max(0, decrement * (1 + (changes[index] ?? 0)) + (changes[index] ?? 0) * 0.01),
          );
          const competitor = {
            fixedCost: Math.max(0, fit.fixedCost * (1 + fixedChange) + fixedChange * 10),
            segments: fit.segments.map((segment, index) => ({
              upTo: segment.upTo,
              costPerUnit: moved.slice(index).reduce((sum, value) => sum + value, 0),
            })),
          };
          const own = sumOfSquares(points, fit);
          expect(own).toBeLessThanOrEqual(sumOfSquares(points, competitor) * (1 + 1e-9) + 1e-6);
        },
      ),
    );
  });

  it("is deterministic for the same data and seed, and the seed changes the band", () => {
    const random = new Mulberry32Random(5);
    const points = Array.from({ length: 60 }, () => {
      const volume = random.uniform(1, 1000);
      return { volume, cost: 500 + 20 * volume ** 0.8 * random.uniform(0.7, 1.3) };
    });
    const first = fitCostCurve(points, { seed: 1 });
    expect(fitCostCurve(points, { seed: 1 })).toEqual(first);
    const other = fitCostCurve(points, { seed: 2 });
    expect(other?.fixedCost).toBe(first?.fixedCost);
    expect(other?.uncertainty.band).not.toEqual(first?.uncertainty.band);
  });

  it("gives no curve when the volumes are too close together to divide by (found by fast-check)", () => {
    // A spread of 3e-323 (subnormal) made the slope 1.6e-13 / 3e-323 = Infinity, and the
    // "fitted" curve was worse than a flat line.
    const points = [
      { volume: 0, cost: 0 },
      { volume: 3e-323, cost: 1.6164847238542292e-13 },
      { volume: 0, cost: 0 },
    ];
    expect(fitCostCurve(points, { replicates: 0 })).toBeNull();
  });

  it("needs three usable points", () => {
    expect(
      fitCostCurve([
        { volume: 1, cost: 1 },
        { volume: 2, cost: 2 },
      ]),
    ).toBeNull();
    expect(
      fitCostCurve([
        { volume: 0, cost: 1 },
        { volume: 0, cost: 2 },
        { volume: 0, cost: 3 },
      ]),
    ).toBeNull();
  });
});
