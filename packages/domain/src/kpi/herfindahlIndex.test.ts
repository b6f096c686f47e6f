import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fragmentationIndex, herfindahlIndex } from "./herfindahlIndex.ts";

describe("herfindahlIndex", () => {
  it.each([
    [[100], 1],
    [[50, 50], 0.5],
    [[1, 1, 1, 1], 0.25],
    [[80, 20], 0.68],
    [[0, 0], null],
    [[], null],
  ])("of %j is %s", (weights, expected) => {
    const index = herfindahlIndex(weights);
    if (expected === null) expect(index).toBeNull();
    else expect(index).toBeCloseTo(expected, 10);
  });

  it("lies between 1/n and 1 for n positive weights", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1 }), (weights) => {
        const index = herfindahlIndex(weights) ?? 0;
        expect(index).toBeGreaterThanOrEqual(1 / weights.length - 1e-12);
        expect(index).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("fragmentationIndex", () => {
  it("is 0 when every domain has one supplier", () => {
    expect(
      fragmentationIndex([
        { domainId: "a", supplier: "p1", volume: 10 },
        { domainId: "a", supplier: "p1", volume: 5 },
        { domainId: "b", supplier: "p2", volume: null },
      ]),
    ).toBe(0);
  });

  it("counts Kommunen instead of volume in a domain where a volume is unknown", () => {
    // Two suppliers with one Kommune each: 0.5² + 0.5² = 0.5, although the volumes differ.
    expect(
      fragmentationIndex([
        { domainId: "a", supplier: "p1", volume: 900 },
        { domainId: "a", supplier: "p2", volume: null },
      ]),
    ).toBeCloseTo(0.5, 10);
  });

  it("is null without sourcing", () => {
    expect(fragmentationIndex([])).toBeNull();
  });
});
