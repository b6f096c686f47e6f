import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeKpis, type KpiKommuneFacts, type KpiSourcingFact } from "./computeKpis.ts";
import type { KpiValue } from "./Kpi.ts";
import type { MeasureFact } from "./measuresOnTime.ts";

function source(
  domainId: string,
  supplier: string,
  volume: number | null,
  runningCost: number | null = null,
  investmentCost: number | null = null,
  demo = false,
): KpiSourcingFact {
  return {
    domainId,
    supplier,
    providerId: supplier.startsWith("own:") ? null : supplier,
    volume,
    runningCost,
    investmentCost,
    demo,
  };
}

function kommune(overrides: Partial<KpiKommuneFacts> & { key: string }): KpiKommuneFacts {
  return {
    name: overrides.key,
    kind: "gemeinde",
    kreisKey: "05999",
    kreisName: "Kreis K",
    regierungsbezirkKey: "057",
    regierungsbezirkName: "Detmold",
    population: 0,
    sourcing: [],
    ozg: { responsible: 0, online: 0 },
    survey: { responses: 0, completed: 0 },
    ...overrides,
  };
}

const A = kommune({
  key: "05999001",
  population: 1000,
  sourcing: [source("melde", "p1", 100, 1000, 200, true)],
  ozg: { responsible: 10, online: 5 },
  survey: { responses: 1, completed: 1 },
});
const B = kommune({
  key: "05999002",
  population: 3000,
  sourcing: [source("melde", "p1", 300, 3000, 0)],
  ozg: { responsible: 20, online: 5 },
  survey: { responses: 1, completed: 0 },
});
const K = kommune({
  key: "05999",
  kind: "kreis",
  kreisKey: null,
  kreisName: null,
  name: "Kreis K",
  population: 4000,
  sourcing: [source("melde", "own:05999", 100, 500), source("kfz", "p2", 50)],
  ozg: { responsible: 30, online: 0 },
});
const C = kommune({
  key: "05111000",
  name: "Stadt C",
  kreisKey: null,
  kreisName: null,
  regierungsbezirkKey: "051",
  regierungsbezirkName: "Düsseldorf",
  population: 5000,
});
const MEASURES: MeasureFact[] = [
  { id: 1, due: "2026-06-30", status: "erledigt", doneAt: "2026-06-01", organisationKeys: [A.key] },
  { id: 2, due: "2026-01-31", status: "laufend", doneAt: null, organisationKeys: [B.key, C.key] },
  { id: 3, due: "2026-12-31", status: "geplant", doneAt: null },
  { id: 4, due: null, status: "geplant", doneAt: null, organisationKeys: [A.key] },
  { id: 5, due: "2020-01-01", status: "abgebrochen", doneAt: null, organisationKeys: [A.key] },
];

function find(values: KpiValue[], level: KpiValue["level"], key: string): KpiValue {
  const value = values.find((entry) => entry.level === level && entry.key === key);
  if (!value) throw new Error(`${level} ${key} fehlt`);
  return value;
}

describe("computeKpis", () => {
  const values = computeKpis([A, B, K, C], { asOf: "2026-03-01", measures: MEASURES });

  it("computes a Kreis's figures by hand", () => {
    const kreis = find(values, "kreis", "05999");
    // melde: p1 400, own 100 → 0.8² + 0.2² = 0.68; kfz: one supplier → 1; 1 − (0.68 + 1) / 2.
    expect(kreis.figures.fragmentationIndex).toBeCloseTo(0.16, 10);
    expect(kreis.figures).toMatchObject({
      kommunen: 3,
      population: 4000,
      providers: 2,
      runningCost: 4500,
      investmentCost: 200,
      costDemo: true,
      ozgResponsible: 60,
      ozgOnline: 10,
      surveyResponses: 2,
      surveyCompleted: 1,
      surveyCompletion: 0.5,
      measuresTotal: 2,
      measuresOnTime: 1,
      measuresOnTimeShare: 0.5,
    });
    expect(kreis.figures.ozgCoverage).toBeCloseTo(1 / 6, 10);
    expect(kreis.name).toBe("Kreis K");
  });

  it("counts every measure for NRW and a kreisfreie Stadt as its own Kreis", () => {
    expect(find(values, "nrw", "05").figures).toMatchObject({
      kommunen: 4,
      population: 9000,
      measuresTotal: 3,
      measuresOnTime: 2,
    });
    expect(find(values, "kreis", C.key).figures).toMatchObject({
      kommunen: 1,
      measuresTotal: 1,
      measuresOnTime: 0,
      fragmentationIndex: null,
      ozgCoverage: null,
    });
    expect(find(values, "regierungsbezirk", "051").name).toBe("Düsseldorf");
  });

  it("leaves measures empty when none are known", () => {
    const without = computeKpis([A], { asOf: "2026-03-01" });
    expect(find(without, "kommune", A.key).figures).toMatchObject({
      measuresTotal: null,
      measuresOnTime: null,
      measuresOnTimeShare: null,
      fragmentationIndex: 0,
    });
  });

  it("orders NRW, Regierungsbezirke, Kreise, Kommunen", () => {
    expect(values.map((value) => value.level)).toEqual([
      "nrw",
      "regierungsbezirk",
      "regierungsbezirk",
      "kreis",
      "kreis",
      "kommune",
      "kommune",
      "kommune",
      "kommune",
    ]);
  });
});

const additive = [
  "kommunen",
  "population",
  "runningCost",
  "investmentCost",
  "ozgResponsible",
  "ozgOnline",
  "surveyResponses",
  "surveyCompleted",
] as const;

const sourcingArbitrary = fc.array(
  fc.record({
    domainId: fc.constantFrom("melde", "kfz", "finanzen"),
    supplier: fc.constantFrom("p1", "p2", "p3", "own:x"),
    volume: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: null }),
    runningCost: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
    investmentCost: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
    demo: fc.boolean(),
  }),
  { maxLength: 4 },
);

const kommunenArbitrary = fc
  .array(
    fc.record({
      rb: fc.constantFrom("051", "057"),
      kreis: fc.integer({ min: 0, max: 3 }),
      kind: fc.constantFrom("gemeinde", "kreis"),
      population: fc.integer({ min: 0, max: 600_000 }),
      sourcing: sourcingArbitrary,
      responsible: fc.integer({ min: 0, max: 50 }),
      online: fc.integer({ min: 0, max: 50 }),
      responses: fc.integer({ min: 0, max: 3 }),
      completed: fc.integer({ min: 0, max: 3 }),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((rows) =>
    rows.map((row, index): KpiKommuneFacts => {
      // Kreis keys are unique per Regierungsbezirk; kreis 0 stands for kreisfreie Städte.
      const kreisKey = row.kreis === 0 ? null : `05${row.rb.slice(2)}${row.kreis}${row.rb}`;
      const isKreis = row.kind === "kreis" && kreisKey !== null;
      return {
        key: isKreis ? `${kreisKey}-${index}` : `05${String(index).padStart(6, "0")}`,
        name: `K${index}`,
        kind: isKreis ? "kreis" : "gemeinde",
        kreisKey: isKreis ? null : kreisKey,
        kreisName: kreisKey,
        regierungsbezirkKey: row.rb,
        regierungsbezirkName: row.rb,
        population: row.population,
        sourcing: row.sourcing.map((entry) => ({
          ...entry,
          providerId: entry.supplier.startsWith("own:") ? null : entry.supplier,
        })),
        ozg: { responsible: row.responsible, online: Math.min(row.online, row.responsible) },
        survey: { responses: row.responses, completed: Math.min(row.completed, row.responses) },
      };
    }),
  );

describe("computeKpis properties", () => {
  it("adds up the Kommunen of every Kreis, Regierungsbezirk and NRW", () => {
    fc.assert(
      fc.property(kommunenArbitrary, (kommunen) => {
        const values = computeKpis(kommunen, { asOf: "2026-01-01" });
        const kommuneValues = values.filter((value) => value.level === "kommune");
        for (const parent of values.filter((value) => value.level !== "kommune")) {
          const members = kommunen.filter((facts) => {
            if (parent.level === "nrw") return true;
            if (parent.level === "regierungsbezirk")
              return facts.regierungsbezirkKey === parent.key;
            return facts.key === parent.key || facts.kreisKey === parent.key;
          });
          const parts = kommuneValues.filter((value) =>
            members.some((member) => member.key === value.key),
          );
          for (const figure of additive) {
            const sum = parts.reduce((total, part) => total + part.figures[figure], 0);
            expect(parent.figures[figure]).toBeCloseTo(sum, 2);
          }
        }
      }),
    );
  });

  it("keeps shares and the fragmentation index between 0 and 1", () => {
    fc.assert(
      fc.property(kommunenArbitrary, (kommunen) => {
        for (const { figures } of computeKpis(kommunen, { asOf: "2026-01-01" })) {
          for (const value of [
            figures.fragmentationIndex,
            figures.ozgCoverage,
            figures.surveyCompletion,
          ]) {
            if (value !== null) {
              expect(value).toBeGreaterThanOrEqual(0);
              expect(value).toBeLessThanOrEqual(1);
            }
          }
          expect(figures.providers).toBeLessThanOrEqual(3);
        }
      }),
    );
  });
});
