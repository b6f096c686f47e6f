import { describe, expect, it } from "vitest";
import { buildSourcing } from "../analysis/buildSourcing.testing.ts";
import { fitDomainCostCurves, type DomainCostCurve } from "../analysis/domainCostCurves.ts";
import { buildScenarioInput } from "./buildScenarioInput.ts";
import { ScenarioDefinition } from "./ScenarioDefinition.ts";
import { buildLandscapeFacts, buildScenarioDefinition } from "./scenarioFactories.ts";
import { scenarioCostCurvesFromFits } from "./scenarioCostCurves.ts";

describe("scenarioCostCurvesFromFits", () => {
  // IT-Dienstleister rows on 1,000 € + 5/3/1 € per unit with breakpoints 100 and 200.
  const curve = (volume: number) =>
    1000 +
    5 * Math.min(volume, 100) +
    3 * Math.max(0, Math.min(volume, 200) - 100) +
    Math.max(0, volume - 200);
  const rows = [20, 50, 80, 110, 140, 170, 230, 260, 290].map((volume, index) =>
    buildSourcing({ ags: `P${index}`, volume, runningCost: curve(volume) }),
  );

  it("takes each fitted curve over unchanged, with R², points and the demo flag", () => {
    const fits = fitDomainCostCurves(rows, ["it_dienstleister"], {
      replicates: 5,
      breakpoints: [100, 200],
    });
    const [scenarioCurve] = scenarioCostCurvesFromFits(fits, "2026-01-01");
    const fit = fits[0]?.fit;
    expect(scenarioCurve).toEqual({
      domainId: "einwohnerwesen",
      fixedCost: fit?.fixedCost,
      segments: fit?.segments,
      source: {
        kind: "fit",
        asOf: "2026-01-01",
        rSquared: fit?.rSquared,
        points: 9,
        demo: fits[0]?.demo,
      },
    });
    expect(scenarioCurve?.fixedCost).toBeCloseTo(1000, 6);
    expect(scenarioCurve?.segments.map((segment) => segment.upTo)).toEqual([100, 200, null]);
    // The definition accepts it: ascending breakpoints, falling marginal cost.
    const definition = buildScenarioDefinition();
    expect(
      ScenarioDefinition.safeParse({
        ...definition,
        costs: { ...definition.costs, costCurves: [scenarioCurve] },
      }).success,
    ).toBe(true);
  });

  it("leaves domains without a fit out and drops empty segments of tied breakpoints", () => {
    const base: DomainCostCurve = {
      domainId: "einwohnerwesen",
      domainName: "Einwohnerwesen",
      volumeUnit: "Einwohner",
      operatingModels: ["it_dienstleister"],
      fit: null,
      demo: true,
    };
    const fit = fitDomainCostCurves(rows, [], { replicates: 2 })[0]?.fit;
    if (!fit) throw new Error("no fit");
    const tied: DomainCostCurve = {
      ...base,
      domainId: "personenstandswesen",
      fit: {
        ...fit,
        fixedCost: 10,
        segments: [
          { upTo: 50, costPerUnit: 3 },
          { upTo: 50, costPerUnit: 2 },
          { upTo: null, costPerUnit: 1 },
        ],
      },
    };
    expect(scenarioCostCurvesFromFits([base, tied], "2026-01-01")).toEqual([
      expect.objectContaining({
        domainId: "personenstandswesen",
        segments: [
          { upTo: 50, costPerUnit: 3 },
          { upTo: null, costPerUnit: 1 },
        ],
      }),
    ]);
  });
});

describe("buildScenarioInput with cost curves", () => {
  it("prices every provider of a domain with a curve by it, and notes the Demodaten", () => {
    const definition = buildScenarioDefinition();
    const segments = [
      { upTo: 3000, costPerUnit: 0.9 },
      { upTo: null, costPerUnit: 0.4 },
    ];
    const { input, notes } = buildScenarioInput(buildLandscapeFacts(), {
      ...definition,
      costs: {
        ...definition.costs,
        costCurves: [
          {
            domainId: "einwohnerwesen",
            fixedCost: 700,
            segments,
            source: { kind: "fit", asOf: "2026-01-01", rSquared: 0.9, points: 12, demo: true },
          },
        ],
      },
    });
    const einwohnerwesen = input.offers.filter((offer) => offer.domainId === "einwohnerwesen");
    expect(einwohnerwesen.length).toBeGreaterThan(0);
    for (const offer of einwohnerwesen) {
      expect(offer).toMatchObject({ fixedCost: 700, segments });
    }
    // Other domains keep the landscape's prices.
    expect(
      input.offers.find(
        (offer) => offer.providerId === "p" && offer.domainId === "personenstandswesen",
      )?.segments,
    ).not.toEqual(segments);
    expect(notes).toContain(
      "Anbieterpreise aus der Kostenkurve des Szenarios (Demodaten (synthetisch)): Einwohnerwesen.",
    );
  });

  it("refuses a rising marginal cost and two curves for one domain, in German", () => {
    const definition = buildScenarioDefinition();
    const messages = (costCurves: unknown[]) => {
      const parsed = ScenarioDefinition.safeParse({
        ...definition,
        costs: { ...definition.costs, costCurves },
      });
      return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
    };
    const flat = {
      domainId: "einwohnerwesen",
      fixedCost: 0,
      segments: [{ upTo: null, costPerUnit: 1 }],
    };
    expect(
      messages([
        {
          ...flat,
          segments: [
            { upTo: 10, costPerUnit: 1 },
            { upTo: null, costPerUnit: 2 },
          ],
        },
      ]),
    ).toEqual(["Die Grenzkosten dürfen mit der Menge nicht steigen (konkave Kostenkurve)."]);
    expect(messages([flat, flat])).toEqual([
      "Für diesen Leistungsbereich ist schon eine Kostenkurve angegeben.",
    ]);
  });
});
