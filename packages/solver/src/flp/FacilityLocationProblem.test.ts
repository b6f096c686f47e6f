import { describe, expect, it } from "vitest";
import { FacilityLocationInput } from "./FacilityLocationProblem.ts";

describe("FacilityLocationInput", () => {
  it("accepts the documented shape with null capacities", () => {
    const input = FacilityLocationInput.parse({
      name: "cap71",
      facilities: [
        { id: 1, fixedCost: 7500, capacity: 58268 },
        { id: 2, fixedCost: 7500, capacity: null },
      ],
      customers: [{ id: 1, demand: 146, costs: [6739.7, 10355.1] }],
    });
    expect(input.facilities).toHaveLength(2);
  });

  it.each([
    [
      "a cost list of the wrong length",
      { facilities: [{ id: 1, fixedCost: 1 }], customers: [{ id: 7, demand: 1, costs: [1, 2] }] },
      "Kunde 7 hat 2 Kostenwerte, erwartet werden 1 (einer je Standort).",
    ],
    [
      "a negative fixed cost",
      { facilities: [{ id: 1, fixedCost: -1 }], customers: [{ id: 1, demand: 1, costs: [1] }] },
      "Die Fixkosten dürfen nicht negativ sein.",
    ],
    [
      "no facilities",
      { facilities: [], customers: [{ id: 1, demand: 1, costs: [] }] },
      "Es wird mindestens ein Standort (facilities) benötigt.",
    ],
    [
      "a text where a number belongs",
      { facilities: [{ id: 1, fixedCost: "viel" }], customers: [{ id: 1, demand: 1, costs: [1] }] },
      "Die Fixkosten müssen eine Zahl sein.",
    ],
  ])("rejects %s with a German message", (_, raw, message) => {
    const result = FacilityLocationInput.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(message);
  });
});
