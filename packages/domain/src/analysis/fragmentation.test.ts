import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildSourcing } from "./buildSourcing.testing.ts";
import { analyseDomain } from "./domainAnalysis.ts";
import { analyseDomainConcentration } from "./domainConcentration.ts";
import { analyseFragmentation, fragmentationIndex } from "./fragmentation.ts";
import { listKommuneDependencies } from "./kommuneDependencies.ts";
import { withoutConfidentialDomain, withoutConfidentialOverview } from "./redactAnalysis.ts";

/**
 * A tiny landscape, figures by hand:
 * einwohnerwesen: A (krz, 600), B (krz, 200), C (eigen, 200)
 *   operators krz 800, eigen:C 200 → shares 0.8, 0.2 → HHI 0.68, 1/HHI ≈ 1.4706
 * finanzwesen: A (sit, 100), B (eigen, 100), C (Kreis 05766 as partner, 100), D (eigen, 100)
 *   four operators of equal size → HHI 0.25, 1/HHI 4
 */
const landscape = [
  buildSourcing({ ags: "A", volume: 600, runningCost: 3000 }),
  buildSourcing({
    ags: "B",
    volume: 200,
    runningCost: 1200,
    product: { id: "p2", name: "P2", vendor: "Demo" },
  }),
  buildSourcing({ ags: "C", volume: 200, runningCost: 2000, providerId: null }),
  buildSourcing({ ags: "A", domainId: "finanzwesen", providerId: "sit" }),
  buildSourcing({ ags: "B", domainId: "finanzwesen", providerId: null }),
  buildSourcing({
    ags: "C",
    domainId: "finanzwesen",
    providerId: null,
    operatingModel: "andere_kommune",
    partner: { ags: "05766", name: "Kreis Lippe" },
  }),
  buildSourcing({ ags: "D", domainId: "finanzwesen", providerId: null }),
];

describe("analyseDomainConcentration", () => {
  it("counts providers, products, in-house operations and computes the HHI by hand", () => {
    const figures = analyseDomainConcentration(landscape.slice(0, 3));
    expect(figures).toMatchObject({
      domainId: "einwohnerwesen",
      kommunen: 3,
      providers: 1,
      products: 2,
      inHouse: 1,
      operators: 2,
      volumeCoverage: 1,
    });
    expect(figures.hhi).toBeCloseTo(0.68, 12);
    expect(figures.effectiveOperators).toBeCloseTo(1 / 0.68, 12);
    // cost per unit: 5, 6, 10 → quartiles 5.5, 6, 8; mean 7
    expect(figures.costPerUnit).toMatchObject({ min: 5, p25: 5.5, median: 6, p75: 8, max: 10 });
    expect(figures.costPerUnit?.mean).toBeCloseTo(7, 12);
  });

  it("treats every eigener Betrieb and partner Kommune as an operator of its own", () => {
    const figures = analyseDomainConcentration(landscape.slice(3));
    expect(figures).toMatchObject({ providers: 1, inHouse: 2, operators: 4, hhi: 0.25 });
    expect(figures.effectiveOperators).toBe(4);
  });

  it("rests the HHI on rows with a volume and says how many those are", () => {
    const figures = analyseDomainConcentration([
      buildSourcing({ ags: "A", volume: 100 }),
      buildSourcing({ ags: "B", volume: null, providerId: null }),
    ]);
    expect(figures.hhi).toBe(1);
    expect(figures.volumeCoverage).toBe(0.5);
  });
});

describe("analyseFragmentation", () => {
  it("averages 1 − HHI over the domains", () => {
    const overview = analyseFragmentation(landscape);
    // ((1 − 0.68) + (1 − 0.25)) / 2 = 0.535
    expect(overview.index.value).toBeCloseTo(0.535, 12);
    expect(overview.index.meanEffectiveOperators).toBeCloseTo((1 / 0.68 + 4) / 2, 12);
    expect(overview).toMatchObject({ kommunen: 4, providers: 2, demo: true });
    // 3 of 7 rows are eigener Betrieb
    expect(overview.inHouseShare).toBeCloseTo(3 / 7, 12);
    expect(overview.domains.map((domain) => domain.domainId)).toEqual([
      "einwohnerwesen",
      "finanzwesen",
    ]);
  });

  it("is 0 for one operator per domain and approaches 1 for many equal ones", () => {
    expect(fragmentationIndex([1, 1]).value).toBe(0);
    expect(fragmentationIndex([0.01]).value).toBeCloseTo(0.99, 12);
    expect(fragmentationIndex([null]).value).toBeNull();
  });

  it("stays within [0, 1) for any HHIs", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-6, max: 1, noNaN: true }), { minLength: 1 }),
        (hhis) => {
          const value = fragmentationIndex(hhis).value ?? Number.NaN;
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThan(1);
        },
      ),
    );
  });
});

describe("listKommuneDependencies", () => {
  it("counts distinct external operators per Kommune", () => {
    const byAgs = new Map(listKommuneDependencies(landscape).map((row) => [row.ags, row]));
    expect(byAgs.get("A")).toMatchObject({
      providers: 2,
      providerNames: ["KRZ", "SIT"],
      inHouseDomains: 0,
      domains: 2,
    });
    expect(byAgs.get("B")).toMatchObject({ providers: 1, inHouseDomains: 1 });
    expect(byAgs.get("C")).toMatchObject({
      providers: 1,
      providerNames: ["Kreis Lippe"],
      inHouseDomains: 1,
    });
    expect(byAgs.get("D")).toMatchObject({ providers: 0, inHouseDomains: 1, domains: 1 });
  });
});

describe("analyseDomain", () => {
  it("gives each provider's scale and the in-house part", () => {
    const analysis = analyseDomain(landscape.slice(0, 3));
    expect(analysis.providers).toEqual([
      expect.objectContaining({
        providerId: "krz",
        kommunen: 2,
        volume: 800,
        share: 0.8,
        runningCost: 4200,
      }),
    ]);
    expect(analysis.inHouse).toEqual({ kommunen: 1, volume: 200, share: 0.2, runningCost: 2000 });
  });

  it("keeps counts and HHI but no costs or volumes for restricted viewers", () => {
    const analysis = withoutConfidentialDomain(analyseDomain(landscape.slice(0, 3)));
    expect(analysis.concentration.costPerUnit).toBeNull();
    expect(analysis.concentration.hhi).toBeCloseTo(0.68, 12);
    expect(analysis.providers[0]).toMatchObject({ volume: null, runningCost: null, share: 0.8 });
    expect(analysis.inHouse).toMatchObject({ volume: null, runningCost: null, kommunen: 1 });
    const overview = withoutConfidentialOverview(analyseFragmentation(landscape));
    expect(overview.domains.every((domain) => domain.costPerUnit === null)).toBe(true);
  });
});
