import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { effectiveNumber, herfindahlIndex, hhiPoints, volumeShares } from "./concentration.ts";

const positiveVolumes = fc.array(fc.double({ min: 0.001, max: 1e7, noNaN: true }), {
  minLength: 1,
  maxLength: 40,
});

describe("herfindahlIndex", () => {
  it.each([
    // [volumes, HHI by hand]
    [[100], 1],
    [[50, 50], 0.5],
    [[1, 1, 1, 1], 0.25],
    // shares 0.6, 0.3, 0.1 → 0.36 + 0.09 + 0.01
    [[600, 300, 100], 0.46],
    // shares 0.5, 0.25, 0.25 → 0.25 + 0.0625 + 0.0625
    [[2, 1, 1], 0.375],
  ])("gives %j the index %d", (volumes, expected) => {
    expect(herfindahlIndex(volumes)).toBeCloseTo(expected, 12);
  });

  it("ignores operators without volume and is null without any volume", () => {
    expect(herfindahlIndex([3, 0, 1])).toBeCloseTo(0.625, 12);
    expect(herfindahlIndex([])).toBeNull();
    expect(herfindahlIndex([0, 0])).toBeNull();
  });

  it("converts to points and to the effective number", () => {
    expect(hhiPoints(0.46)).toBeCloseTo(4600, 9);
    expect(effectiveNumber(0.25)).toBe(4);
    expect(effectiveNumber(null)).toBeNull();
  });

  it("lies between 1/n and 1", () => {
    fc.assert(
      fc.property(positiveVolumes, (volumes) => {
        const hhi = herfindahlIndex(volumes) ?? Number.NaN;
        expect(hhi).toBeGreaterThanOrEqual(1 / volumes.length - 1e-12);
        expect(hhi).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("does not depend on the order of the operators", () => {
    fc.assert(
      fc.property(
        positiveVolumes.chain((volumes) =>
          fc.tuple(
            fc.constant(volumes),
            fc.shuffledSubarray(volumes, { minLength: volumes.length }),
          ),
        ),
        ([volumes, permuted]) => {
          expect(herfindahlIndex(permuted)).toBeCloseTo(herfindahlIndex(volumes) ?? 0, 12);
        },
      ),
    );
  });

  it("does not change when every volume is scaled by the same factor", () => {
    fc.assert(
      fc.property(
        positiveVolumes,
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (volumes, factor) => {
          const scaled = volumes.map((volume) => volume * factor);
          expect(herfindahlIndex(scaled)).toBeCloseTo(herfindahlIndex(volumes) ?? 0, 10);
        },
      ),
    );
  });
});

describe("volumeShares", () => {
  it("gives shares that add up to 1", () => {
    fc.assert(
      fc.property(positiveVolumes, (volumes) => {
        const sum = volumeShares(volumes).reduce((total, share) => total + share, 0);
        expect(sum).toBeCloseTo(1, 10);
      }),
    );
  });

  it("computes shares by hand", () => {
    expect(volumeShares([600, 300, 100])).toEqual([0.6, 0.3, 0.1]);
  });
});
