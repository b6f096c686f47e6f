import { describe, expect, it } from "vitest";
import type { Sourcing } from "./Sourcing.ts";
import { landscapeDiff } from "./landscapeDiff.ts";
import { distribution, quantile, summariseDomain } from "./domainSummary.ts";

/** Factory for a sourcing row with sensible defaults. */
function buildSourcing(
  overrides: Partial<Sourcing> & { ags?: string; domainId?: string } = {},
): Sourcing {
  const { ags = "05766020", domainId = "einwohnerwesen", ...rest } = overrides;
  return {
    id: 1,
    organisation: {
      ags,
      name: ags === "05766020" ? "Detmold" : `Kommune ${ags}`,
      kind: "gemeinde",
      population: 74_486,
    },
    domain: { id: domainId, name: domainId },
    operatingModel: "it_dienstleister",
    provider: { id: "krz", shortName: "krz", name: "krz", status: "renamed" },
    partner: null,
    product: { id: "melde-a", name: "Melde-Suite A", vendor: "Demo" },
    annualCost: 1000,
    runningCost: 800,
    investmentCost: 200,
    volume: 100,
    volumeUnit: "einwohner",
    contractEnd: null,
    satisfaction: 4,
    validFrom: "2016-01-01",
    validTo: null,
    predecessorId: null,
    changeReason: null,
    demo: true,
    confidentialHidden: false,
    provenance: { sourceId: null, sourceUrls: [], asOf: null, evidence: null, quality: "demo" },
    ...rest,
  };
}

describe("landscapeDiff", () => {
  it("reports a provider change such as a merger (krz → OWL-IT) as a changed provider", () => {
    const before = [buildSourcing()];
    const after = [
      buildSourcing({
        id: 2,
        provider: { id: "owl-it", shortName: "OWL-IT", name: "OWL-IT", status: "active" },
        validFrom: "2024-01-01",
      }),
    ];
    const [change] = landscapeDiff(before, after);
    expect(change).toMatchObject({ kind: "changed", fields: ["provider"] });
  });

  it("ignores new versions that change nothing compared", () => {
    expect(
      landscapeDiff([buildSourcing()], [buildSourcing({ id: 9, validFrom: "2020-01-01" })]),
    ).toEqual([]);
  });

  it("reports added and removed rows", () => {
    const changes = landscapeDiff(
      [buildSourcing({ domainId: "kasse" })],
      [buildSourcing({ domainId: "netz" })],
    );
    expect(changes.map((change) => [change.kind, change.domain.id])).toEqual([
      ["removed", "kasse"],
      ["added", "netz"],
    ]);
  });
});

describe("domain summary", () => {
  it.each([
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4], 0.25, 1.75],
    [[7], 0.75, 7],
  ])("quantile(%j, %d) = %d", (values, probability, expected) => {
    expect(quantile(values, probability)).toBeCloseTo(expected);
  });

  it("summarises providers, models and cost per unit", () => {
    const summary = summariseDomain([
      buildSourcing({ ags: "05766004", annualCost: 500, volume: 100 }),
      buildSourcing({ ags: "05766008", annualCost: 900, volume: 100 }),
      buildSourcing({
        ags: "05766012",
        operatingModel: "eigenbetrieb",
        provider: null,
        annualCost: 2000,
        volume: 100,
      }),
    ]);
    expect(summary.kommunen).toBe(3);
    expect(summary.totalCost).toBe(3400);
    expect(summary.byOperatingModel).toEqual([
      { operatingModel: "it_dienstleister", count: 2 },
      { operatingModel: "eigenbetrieb", count: 1 },
    ]);
    expect(summary.byProvider).toEqual([
      { providerId: "krz", shortName: "krz", count: 2, cost: 1400 },
    ]);
    expect(summary.costPerUnit).toEqual(distribution([5, 9, 20]));
    expect(summary.demo).toBe(true);
  });
});

describe("domain summary for restricted viewers", () => {
  const items = [
    buildSourcing({ ags: "05766004", annualCost: 500, volume: 100 }),
    buildSourcing({ ags: "05766008", annualCost: 900, volume: 100 }),
    buildSourcing({ ags: "05766012", annualCost: 700, volume: 100 }),
    buildSourcing({
      ags: "05766016",
      operatingModel: "eigenbetrieb",
      provider: null,
      annualCost: 2000,
      volume: 100,
    }),
  ];

  it("withholds cost aggregates of groups smaller than 3 Kommunen and the extremes", () => {
    const summary = summariseDomain(items, { restricted: true });
    expect(summary.byProvider).toEqual([
      { providerId: "krz", shortName: "krz", count: 3, cost: 2100 },
    ]);
    expect(summary.costPerUnit).toMatchObject({ count: 4, min: null, max: null });
    expect(summary.totalCost).toBe(4100);
    expect(summary.restricted).toBe(true);
  });

  it("hides everything cost-related when fewer than 3 Kommunen are in scope", () => {
    const summary = summariseDomain(items.slice(0, 2), { restricted: true });
    expect(summary.totalCost).toBeNull();
    expect(summary.costPerUnit).toBeNull();
    expect(summary.byProvider[0]?.cost).toBeNull();
  });
});
