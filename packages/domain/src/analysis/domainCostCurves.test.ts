import { describe, expect, it } from "vitest";
import { buildSourcing } from "./buildSourcing.testing.ts";
import { costPointsOf, fitDomainCostCurves } from "./domainCostCurves.ts";

describe("fitDomainCostCurves", () => {
  // Own operation: 2,000 € fixed + 4 €/unit; IT-Dienstleister: 500 € + 6 €/unit.
  const rows = [100, 200, 300, 400].flatMap((volume, index) => [
    buildSourcing({ ags: `E${index}`, providerId: null, volume, runningCost: 2000 + 4 * volume }),
    buildSourcing({ ags: `P${index}`, volume, runningCost: 500 + 6 * volume }),
  ]);

  it("fits one curve per domain from the rows of the chosen operating models", () => {
    const [curve] = fitDomainCostCurves(rows, ["eigenbetrieb"], { replicates: 10 });
    expect(curve).toMatchObject({ domainId: "einwohnerwesen", operatingModels: ["eigenbetrieb"] });
    expect(curve?.fit?.fixedCost).toBeCloseTo(2000, 6);
    expect(curve?.fit?.segments.every((segment) => Math.abs(segment.costPerUnit - 4) < 1e-8)).toBe(
      true,
    );
    const [provider] = fitDomainCostCurves(rows, ["it_dienstleister"], { replicates: 10 });
    expect(provider?.fit?.fixedCost).toBeCloseTo(500, 6);
  });

  it("uses rows with volume and running cost only and gives no fit below three points", () => {
    expect(
      costPointsOf([buildSourcing({ volume: null }), buildSourcing({ runningCost: null })]),
    ).toEqual([]);
    const [curve] = fitDomainCostCurves(rows.slice(0, 2));
    expect(curve?.fit).toBeNull();
  });
});
