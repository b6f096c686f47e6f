import { describe, expect, it } from "vitest";
import {
  bindingConstraints,
  constraintPriceText,
  costAboveIstExplanation,
  redactConstraintPrice,
  type ConstraintPrice,
} from "./ConstraintPrice.ts";

const price = (overrides: Partial<ConstraintPrice>): ConstraintPrice => ({
  group: "couplings",
  instances: 1,
  status: "optimal",
  objectiveWithout: 900,
  boundWithout: 900,
  pricePerYear: 100,
  priceLower: 100,
  priceUpper: 100,
  proven: true,
  seconds: 1,
  message: null,
  ...overrides,
});

describe("constraint prices", () => {
  it("lists only restrictions that cost something, dearest first", () => {
    const prices = [
      price({ group: "couplings", pricePerYear: 100 }),
      price({ group: "capacities", pricePerYear: 0 }),
      price({ group: "providerCounts", pricePerYear: 300 }),
      price({ group: "mergerOptions", pricePerYear: -50 }),
      price({ group: "all", pricePerYear: 350 }),
      price({ group: "keepLocal", pricePerYear: null }),
    ];
    expect(bindingConstraints(prices).map((entry) => entry.group)).toEqual([
      "providerCounts",
      "couplings",
    ]);
  });

  it("explains a plan dearer than Ist, and nothing when it saves or the money is withheld", () => {
    const prices = [
      price({ group: "couplings", pricePerYear: 1_500 }),
      price({ group: "all", pricePerYear: 2_500 }),
    ];
    expect(costAboveIstExplanation(-1_000, prices)).toBe(
      "Der Plan kostet 1.000\u00a0€ je Jahr mehr als Ist. Diese Vorgaben verteuern ihn (Mehrkosten je Jahr, jeweils allein weggelassen): Kopplungen von Leistungsbereichen (1.500\u00a0€). Ohne alle Vorgaben zusammen wäre er 2.500\u00a0€ je Jahr günstiger und spart 1.500\u00a0€ je Jahr gegenüber Ist.",
    );
    expect(costAboveIstExplanation(-1_000, [price({ pricePerYear: 0 })])).toMatch(
      /Keine einzelne Vorgabe verteuert ihn/,
    );
    expect(costAboveIstExplanation(10, prices)).toBeNull();
    expect(costAboveIstExplanation(null, prices)).toBeNull();
    expect(costAboveIstExplanation(-1_000, null)).toBeNull();
  });

  it("writes a price in German, with its upper end when not proven, and withholds it", () => {
    expect(constraintPriceText(price({ pricePerYear: 1_234.4 }))).toBe("1.234\u00a0€ je Jahr");
    expect(
      constraintPriceText(price({ pricePerYear: 1_000, proven: false, priceUpper: 2_000 })),
    ).toBe("1.000\u00a0€ je Jahr (nicht bewiesen, höchstens 2.000\u00a0€)");
    const hidden = redactConstraintPrice(price({}));
    expect(hidden).toMatchObject({ pricePerYear: null, priceLower: null, objectiveWithout: null });
    expect(constraintPriceText(hidden)).toBe("vertraulich");
    expect(
      constraintPriceText(
        price({
          status: "error",
          pricePerYear: null,
          message: "Ohne diese Option ist das Szenario unlösbar.",
        }),
      ),
    ).toBe("Ohne diese Option ist das Szenario unlösbar.");
  });
});
