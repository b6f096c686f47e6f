import { describe, expect, it } from "vitest";
import { supplierFragmentation } from "./supplierFragmentation.ts";

describe("supplierFragmentation", () => {
  it("is 0 when every domain has one supplier", () => {
    expect(
      supplierFragmentation([
        { domainId: "a", supplier: "p1", volume: 10 },
        { domainId: "a", supplier: "p1", volume: 5 },
        { domainId: "b", supplier: "p2", volume: null },
      ]),
    ).toBe(0);
  });

  it("is 1 − the mean Herfindahl index over domains, by volume share", () => {
    // a: 80/20 → HHI 0.68; b: one supplier → 1. Mean 0.84, index 0.16.
    expect(
      supplierFragmentation([
        { domainId: "a", supplier: "p1", volume: 80 },
        { domainId: "a", supplier: "p2", volume: 20 },
        { domainId: "b", supplier: "p1", volume: 7 },
      ]),
    ).toBeCloseTo(0.16, 10);
  });

  it("leaves out rows without volume, like the fragmentation analysis", () => {
    expect(
      supplierFragmentation([
        { domainId: "a", supplier: "p1", volume: 900 },
        { domainId: "a", supplier: "p2", volume: null },
      ]),
    ).toBe(0);
  });

  it("is null without sourcing", () => {
    expect(supplierFragmentation([])).toBeNull();
  });
});
