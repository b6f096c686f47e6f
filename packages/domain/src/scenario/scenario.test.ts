import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Principal } from "../auth/Principal.ts";
import { buildScenarioInput } from "./buildScenarioInput.ts";
import { compareScenarios, istFromPlan } from "./compareScenarios.ts";
import { annuityFactor, costPerKommune, costScenarioPlan, offerCost } from "./costScenarioPlan.ts";
import { redactComparison } from "./redactScenario.ts";
import { ScenarioDefinition, specialisationPreset } from "./ScenarioDefinition.ts";
import { buildLandscapeFacts, buildScenarioDefinition } from "./scenarioFactories.ts";
import type { ScenarioModel } from "./ScenarioModel.ts";
import { manualPlan, toResultPlan } from "./toResultPlan.ts";

const ALTSTADT = "05000001";
const NEUDORF = "05000002";
const BURG = "05000003";

describe("buildScenarioInput", () => {
  it("turns the landscape into demands, offers and own-operation costs", () => {
    const { input, notes } = buildScenarioInput(buildLandscapeFacts(), buildScenarioDefinition());
    expect(input.demands).toHaveLength(6);
    expect(
      input.demands.find(
        (demand) => demand.kommuneId === BURG && demand.domainId === "einwohnerwesen",
      ),
    ).toMatchObject({
      currentProviderId: null,
      volume: 2000,
      keepLocal: false,
    });
    // Burg runs Einwohnerwesen itself for 3,000 € at 2,000 Einwohner: 1.5 € each.
    const einwohnerwesen = input.domains.find((domain) => domain.id === "einwohnerwesen");
    expect(einwohnerwesen?.ownOperation).toEqual({ fixedCost: 0, costPerUnit: 1.5 });
    expect(einwohnerwesen?.migration).toEqual({ fixedCost: 100, costPerUnit: 0.1 });
    // P serves Personenstandswesen without an offer: 500 € for 100 Fälle → 5 € per Fall.
    expect(
      input.offers.find(
        (offer) => offer.providerId === "p" && offer.domainId === "personenstandswesen",
      ),
    ).toEqual({
      providerId: "p",
      domainId: "personenstandswesen",
      fixedCost: 0,
      segments: [{ upTo: null, costPerUnit: 5 }],
      capacity: null,
    });
    // The note names the Leistungsbereich, not its internal id (issue 16, defect 10; this
    // assertion expected the id before).
    expect(notes.join(" ")).toMatch(/Kommunale IT P \(Personenstandswesen\)/);
  });

  it("keeps a Kommune local where its adopted strategy says 'vor Ort notwendig'", () => {
    const on = buildScenarioInput(buildLandscapeFacts(), buildScenarioDefinition()).input;
    const burg = (model: ScenarioModel) =>
      model.demands.find(
        (demand) => demand.kommuneId === BURG && demand.domainId === "personenstandswesen",
      );
    expect(burg(on)?.keepLocal).toBe(true);
    const definition = buildScenarioDefinition();
    const off = buildScenarioInput(buildLandscapeFacts(), {
      ...definition,
      constraints: { ...definition.constraints, keepVorOrtLocal: false },
    }).input;
    expect(burg(off)?.keepLocal).toBe(false);
  });

  it.each([
    ["kdn", undefined, undefined],
    ["zweckverband", ["p", "q"], ["p"]],
    ["list", ["p"], ["p"]],
  ] as const)("allows providers by policy %s", (policy, altstadt, neudorf) => {
    const definition = buildScenarioDefinition();
    const { input } = buildScenarioInput(buildLandscapeFacts(), {
      ...definition,
      constraints: { ...definition.constraints, providerPolicy: policy },
    });
    const allowed = (kommuneId: string) =>
      input.demands.find(
        (demand) => demand.kommuneId === kommuneId && demand.domainId === "einwohnerwesen",
      )?.allowedProviderIds;
    expect(allowed(ALTSTADT)).toEqual(altstadt);
    expect(allowed(NEUDORF)).toEqual(neudorf);
  });

  it("applies explicit provider lists, capacities and the scale factor", () => {
    const definition = buildScenarioDefinition();
    const { input } = buildScenarioInput(buildLandscapeFacts(), {
      ...definition,
      costs: { ...definition.costs, scaleFactor: 0.5 },
      constraints: {
        ...definition.constraints,
        allowedProviders: [{ kommuneKey: BURG, providerIds: ["q"] }],
        capacities: [{ providerId: "q", domainId: "einwohnerwesen", capacity: 1234 }],
      },
    });
    const burg = input.demands.find((demand) => demand.kommuneId === BURG);
    expect(burg?.allowedProviderIds).toEqual(["q"]);
    const p = input.offers.find(
      (offer) => offer.providerId === "p" && offer.domainId === "einwohnerwesen",
    );
    // Beyond P's Ist volume of 4,000 Einwohner the marginal price halves.
    expect(p?.segments).toEqual([
      { upTo: 4000, costPerUnit: 1 },
      { upTo: null, costPerUnit: 0.5 },
    ]);
    expect(p && offerCost(p, 6000)).toBe(500 + 4000 + 1000);
    const q = input.offers.find(
      (offer) => offer.providerId === "q" && offer.domainId === "einwohnerwesen",
    );
    expect(q?.capacity).toBe(1234);
    expect(q?.segments).toEqual([{ upTo: null, costPerUnit: 0.8 }]);
  });

  it("carries the providers' project capacities and drops unknown providers with a note", () => {
    const definition = buildScenarioDefinition();
    const { input, notes } = buildScenarioInput(buildLandscapeFacts(), {
      ...definition,
      constraints: {
        ...definition.constraints,
        providerProjectCapacity: [
          { providerId: "q", migrationsPerYear: 3 },
          { providerId: "unbekannt", migrationsPerYear: 1 },
        ],
      },
    });
    expect(input.constraints.providerProjectCapacity).toEqual([
      { providerId: "q", migrationsPerYear: 3 },
    ]);
    expect(notes).toContain("Projektkapazitäten unbekannter Anbieter wurden weggelassen.");
  });

  it("restricts the scope and drops couplings that fall out of it", () => {
    const preset = specialisationPreset("2026-01-01");
    const { input, notes } = buildScenarioInput(buildLandscapeFacts(), {
      ...preset,
      scope: { domainIds: ["einwohnerwesen"], kommuneKeys: [ALTSTADT, BURG] },
    });
    expect(input.kommunen.map((kommune) => kommune.id)).toEqual([ALTSTADT, BURG]);
    expect(input.demands.every((demand) => demand.domainId === "einwohnerwesen")).toBe(true);
    expect(input.constraints.couplings).toEqual([]);
    expect(input.constraints.providerCounts).toEqual([
      { domainId: "einwohnerwesen", min: 0, max: 3 },
    ]);
    expect(notes.join(" ")).toMatch(/Kopplungen/);
  });

  it("takes a Kreis key as the Kreis with its Gemeinden", () => {
    const definition = buildScenarioDefinition();
    const { input } = buildScenarioInput(buildLandscapeFacts(), {
      ...definition,
      scope: { domainIds: "all", kommuneKeys: ["05000"] },
    });
    expect(input.kommunen.map((kommune) => kommune.id)).toEqual([ALTSTADT, NEUDORF]);
  });

  it("leaves other operating models and rows without volume out, and says so", () => {
    const facts = buildLandscapeFacts();
    facts.sourcing.push({
      kommuneKey: BURG,
      domainId: "einwohnerwesen",
      operatingModel: "land",
      providerId: null,
      volume: 5,
      annualCost: 5,
    });
    facts.sourcing[0] = { ...facts.sourcing[0]!, volume: null };
    const { input, notes } = buildScenarioInput(facts, buildScenarioDefinition());
    expect(input.demands).toHaveLength(5);
    expect(notes).toContain("1 Bezüge ohne Menge sind nicht im Modell.");
    expect(notes.some((note) => note.startsWith("1 Bezüge (andere Kommune"))).toBe(true);
  });
});

describe("costs of a plan", () => {
  const model = buildScenarioInput(buildLandscapeFacts(), buildScenarioDefinition()).input;

  it("costs Ist and a hand-made move by hand-computed numbers", () => {
    // Ist: P in Einwohnerwesen 500 + 4,000; Burg 1.5 × 2,000; Personenstandswesen P 5 × 100,
    // Q 100 + 2 × 300, Burg 4 × 200 → 4,500 + 3,000 + 500 + 700 + 800 = 9,500.
    expect(costScenarioPlan(model).running).toBe(9500);
    // Burg moves Einwohnerwesen to P: P 500 + 6,000; migration 100 + 0.1 × 2,000 = 300.
    const plan = manualPlan(model, new Map([[`${BURG}|einwohnerwesen`, "p"]]));
    expect(plan.costPerYear).toEqual({ running: 8500, migration: 300, total: 8800 });
    expect(plan.migrations).toEqual([
      {
        kommuneKey: BURG,
        domainId: "einwohnerwesen",
        fromProviderId: null,
        toProviderId: "p",
        oneOffCost: 300,
      },
    ]);
    const result = toResultPlan(model, plan, []);
    expect(result.savingPerYear).toBe(700);
    const burg = result.kommunen.find((kommune) => kommune.key === BURG);
    // Ist 3,000 + 800; plan: 2,000/6,000 of 6,500 + 300 + 800.
    expect(burg?.istCostPerYear).toBe(3800);
    expect(burg?.planCostPerYear).toBeCloseTo(6500 / 3 + 300 + 800, 9);
  });

  it("spreads one-off costs as an annuity", () => {
    expect(annuityFactor(1, 0)).toBe(1);
    expect(annuityFactor(4, 0)).toBe(0.25);
    // 5 years at 3 %: 0.03 / (1 − 1.03^−5) ≈ 0.218355.
    expect(annuityFactor(5, 0.03)).toBeCloseTo(0.218355, 6);
  });

  it("allocates exactly the plan's cost to the Kommunen (property)", () => {
    const options = ["p", "q", null] as const;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...options), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 1, max: 10 }),
        (choices, horizonYears) => {
          const scaled = { ...model, horizonYears, discountRate: 0.03 };
          const chosen = new Map(
            scaled.demands.map((demand, index) => [
              `${demand.kommuneId}|${demand.domainId}`,
              choices[index] ?? null,
            ]),
          );
          const plan = manualPlan(scaled, chosen);
          if (!Number.isFinite(plan.costPerYear.total)) return; // P has no offer somewhere
          const annuity = annuityFactor(horizonYears, 0.03);
          const perKommune = costPerKommune(
            scaled,
            plan.assignments,
            plan.providerLoads,
            plan.migrations,
            annuity,
          );
          const sum = [...perKommune.values()].reduce((total, cost) => total + cost, 0);
          expect(sum).toBeCloseTo(plan.costPerYear.total, 6);
        },
      ),
    );
  });
});

describe("compareScenarios", () => {
  const model = buildScenarioInput(buildLandscapeFacts(), buildScenarioDefinition()).input;
  const plan = toResultPlan(
    model,
    manualPlan(model, new Map([[`${BURG}|einwohnerwesen`, "p"]])),
    [],
  );
  const comparison = compareScenarios(istFromPlan(plan), [
    {
      scenarioId: 7,
      name: "Burg zu P",
      result: { status: "feasible", objective: 8800, bound: null, gap: null, plan },
    },
    {
      scenarioId: 8,
      name: "Zu eng",
      result: { status: "infeasible", objective: null, bound: null, gap: null, plan: null },
    },
  ]);

  it("puts Ist and the scenarios side by side", () => {
    const [ist, moved, infeasible] = comparison.columns;
    expect(ist).toMatchObject({
      name: "Ist",
      costPerYear: { total: 9500 },
      migrations: 0,
      totalOverHorizon: 9500,
    });
    expect(ist?.providersPerDomain).toEqual([
      { domainId: "einwohnerwesen", count: 1 },
      { domainId: "personenstandswesen", count: 2 },
    ]);
    expect(moved).toMatchObject({
      scenarioId: 7,
      savingPerYear: 700,
      // Horizon 1 year: running 8,500 + one-off 300.
      totalOverHorizon: 8800,
      savingOverHorizon: 700,
      oneOffCost: 300,
      migrations: 1,
      affectedKommunen: 1,
    });
    expect(infeasible).toMatchObject({ status: "infeasible", savingPerYear: null, migrations: 0 });
  });

  it("marks who changes provider for the map diff", () => {
    const burg = comparison.kommunen.find((kommune) => kommune.key === BURG);
    expect(burg?.scenarios[0]).toMatchObject({
      changesProvider: true,
      changedDomains: ["einwohnerwesen"],
    });
    expect(burg?.scenarios[0]?.deltaPerYear).toBeCloseTo(6500 / 3 + 300 + 800 - 3800, 9);
    const altstadt = comparison.kommunen.find((kommune) => kommune.key === ALTSTADT);
    expect(altstadt?.scenarios[0]?.changesProvider).toBe(false);
    expect(burg?.scenarios[1]).toMatchObject({ planCostPerYear: null, changesProvider: false });
  });

  it("hides costs from a reader but shows a Kommune its own row", () => {
    const kommune: Principal = {
      kind: "user",
      userId: 1,
      email: "burg@example.org",
      displayName: "Burg",
      roles: [{ role: "kommune_bearbeiter", organisationKey: BURG, providerId: null }],
      via: "session",
    };
    const redacted = redactComparison(kommune, comparison);
    expect(redacted.confidentialHidden).toBe(true);
    expect(redacted.columns.every((column) => column.costPerYear.total === null)).toBe(true);
    expect(redacted.columns[1]?.migrations).toBe(1);
    expect(redacted.kommunen.find((row) => row.key === BURG)?.istCostPerYear).toBe(3800);
    expect(redacted.kommunen.find((row) => row.key === ALTSTADT)?.istCostPerYear).toBeNull();
  });
});

describe("ScenarioDefinition", () => {
  it("accepts the preset and refuses a maximum below the minimum in German", () => {
    expect(ScenarioDefinition.safeParse(specialisationPreset("2026-01-01")).success).toBe(true);
    const wrong = specialisationPreset("2026-01-01");
    wrong.constraints.providerCounts = [{ domainId: "einwohnerwesen", min: 4, max: 3 }];
    const parsed = ScenarioDefinition.safeParse(wrong);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("Das Maximum liegt unter dem Minimum.");
  });

  it("reads a stored definition without project capacities as none", () => {
    const stored = buildScenarioDefinition();
    const { providerProjectCapacity: _omitted, ...oldConstraints } = stored.constraints;
    const parsed = ScenarioDefinition.parse({ ...stored, constraints: oldConstraints });
    expect(parsed.constraints.providerProjectCapacity).toEqual([]);
  });

  it("refuses a negative or fractional project capacity and a provider listed twice, in German", () => {
    const stored = buildScenarioDefinition();
    const parse = (providerProjectCapacity: unknown) =>
      ScenarioDefinition.safeParse({
        ...stored,
        constraints: { ...stored.constraints, providerProjectCapacity },
      });
    const messages = (result: ReturnType<typeof parse>) =>
      result.success ? [] : result.error.issues.map((issue) => issue.message);
    expect(messages(parse([{ providerId: "p", migrationsPerYear: -1 }]))).toEqual([
      "Die Projektkapazität darf nicht negativ sein.",
    ]);
    expect(messages(parse([{ providerId: "p", migrationsPerYear: 1.5 }]))).toEqual([
      "Die Projektkapazität ist eine ganze Zahl von Wechseln je Jahr.",
    ]);
    expect(
      messages(
        parse([
          { providerId: "p", migrationsPerYear: 1 },
          { providerId: "p", migrationsPerYear: 2 },
        ]),
      ),
    ).toEqual(["Für diesen Anbieter ist die Projektkapazität schon angegeben."]);
  });
});
