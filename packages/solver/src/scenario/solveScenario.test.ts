import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HighsSolver } from "../highs/HighsSolver.ts";
import { naiveCost, naiveOptimum } from "../test/naiveScenario.ts";
import { tinyScenario } from "../test/tinyScenario.ts";
import { checkPlan } from "./checkPlan.ts";
import { findBlocks } from "./decomposeScenario.ts";
import { indexScenario, OWN_OPERATION } from "./indexScenario.ts";
import { ScenarioInput } from "./Scenario.ts";
import { solveScenario } from "./solveScenario.ts";

const solver = new HighsSolver();
const options = { solver, relativeGap: 1e-9, timeLimitSeconds: 30, concurrency: 1 };

type Raw = Partial<Omit<ScenarioInput, "constraints">> & {
  constraints?: Partial<ScenarioInput["constraints"]>;
};

/**
 * Two Kommunen of 100 Einwohner in Einwohnerwesen, both in eigener Betrieb today (100 fixed +
 * 1 per Einwohner = 200 each a year). Provider P: platform 60 + 0.5 per Einwohner. Horizon 1
 * year without interest, so a migration costs its one-off amount (10) in that year.
 */
function scenario(raw: Raw = {}): ScenarioInput {
  return ScenarioInput.parse({
    horizonYears: 1,
    discountRate: 0,
    kommunen: [
      { id: "k1", name: "Altstadt" },
      { id: "k2", name: "Neudorf" },
    ],
    providers: [{ id: "p", name: "Kommunale IT" }],
    domains: [
      {
        id: "einwohnerwesen",
        name: "Einwohnerwesen",
        unit: "Einwohner",
        ownOperation: { fixedCost: 100, costPerUnit: 1 },
        migration: { fixedCost: 10, costPerUnit: 0 },
      },
    ],
    offers: [
      {
        providerId: "p",
        domainId: "einwohnerwesen",
        fixedCost: 60,
        segments: [{ upTo: null, costPerUnit: 0.5 }],
      },
    ],
    demands: [
      { kommuneId: "k1", domainId: "einwohnerwesen", volume: 100, currentProviderId: null },
      { kommuneId: "k2", domainId: "einwohnerwesen", volume: 100, currentProviderId: null },
    ],
    ...raw,
    constraints: {
      couplings: [],
      providerCounts: [],
      mergers: [],
      maxMigrationsPerYear: null,
      maxMigrationsTotal: null,
      providerProjectCapacity: [],
      ...raw.constraints,
    },
  });
}

describe("solveScenario", () => {
  it("consolidates when the shared platform is cheaper than two own operations", async () => {
    // Both to P: 60 + 0.5 × 200 + 2 × 10 = 180; one: 60 + 50 + 10 + 200 = 320; none: 400.
    const result = await solveScenario(scenario(), options);
    expect(result).toMatchObject({ status: "optimal", objective: 180 });
    if (result.status !== "optimal") return;
    expect(result.plan.costPerYear).toEqual({ running: 160, migration: 20, total: 180 });
    expect(result.plan.statusQuoCostPerYear).toBe(400);
    expect(result.plan.savingPerYear).toBe(220);
    expect(result.plan.migrations.map((migration) => migration.toProviderId)).toEqual(["p", "p"]);
  });

  it("keeps today's operation when migration costs eat the saving ('no saving')", async () => {
    const expensive = scenario({
      domains: [
        {
          id: "einwohnerwesen",
          name: "Einwohnerwesen",
          unit: "Einwohner",
          ownOperation: { fixedCost: 100, costPerUnit: 1 },
          migration: { fixedCost: 500, costPerUnit: 0 },
        },
      ],
    });
    const result = await solveScenario(expensive, options);
    expect(result).toMatchObject({ status: "optimal", objective: 400 });
    if (result.status !== "optimal") return;
    expect(result.plan.migrations).toEqual([]);
    expect(result.plan.savingPerYear).toBe(0);
  });

  it("keeps a Kommune local when its strategy requires it", async () => {
    const input = scenario();
    input.demands[0] = { ...input.demands[0]!, keepLocal: true };
    // k1 stays (200); k2 alone to P: 60 + 50 + 10 = 120.
    const result = await solveScenario(input, options);
    expect(result).toMatchObject({ status: "optimal", objective: 320 });
    if (result.status !== "optimal") return;
    expect(result.plan.assignments.map((assignment) => assignment.providerId)).toEqual([null, "p"]);
  });

  it("migrates no more than the budget allows", async () => {
    const input = scenario({ constraints: { maxMigrationsTotal: 1 } });
    const result = await solveScenario(input, options);
    expect(result).toMatchObject({ status: "optimal", objective: 320 });
  });

  describe("project capacity per provider", () => {
    // P as before; Q: platform 70 + 0.5 per Einwohner, 10 dearer than P for the same Kommunen.
    const twoProviders = (raw: Raw = {}) =>
      scenario({
        providers: [
          { id: "p", name: "Kommunale IT" },
          { id: "q", name: "Regio IT" },
        ],
        offers: ["p", "q"].map((providerId) => ({
          providerId,
          domainId: "einwohnerwesen",
          fixedCost: providerId === "p" ? 60 : 70,
          capacity: null,
          segments: [{ upTo: null, costPerUnit: 0.5 }],
        })),
        ...raw,
      });

    it("sends both Kommunen to the dearer provider when the cheaper one can take in only one", async () => {
      // Without a limit both go to P: 60 + 100 + 20 = 180.
      const free = await solveScenario(twoProviders(), options);
      expect(free).toMatchObject({ status: "optimal", objective: 180 });
      // P takes in 1 a year over 1 year. One to P, one to Q: 120 + 130 = 250; one to P, one
      // stays: 120 + 200 = 320; both to Q: 70 + 100 + 20 = 190 — the optimum.
      const limited = twoProviders({
        constraints: { providerProjectCapacity: [{ providerId: "p", migrationsPerYear: 1 }] },
      });
      const result = await solveScenario(limited, options);
      expect(result).toMatchObject({ status: "optimal", objective: 190 });
      if (result.status !== "optimal") return;
      expect(result.plan.migrations.map((migration) => migration.toProviderId)).toEqual(["q", "q"]);
    });

    it("counts only incoming migrations, not Kommunen that stay with the provider", async () => {
      const input = twoProviders({
        constraints: { providerProjectCapacity: [{ providerId: "p", migrationsPerYear: 0 }] },
      });
      input.demands[0] = {
        ...input.demands[0]!,
        currentProviderId: "p",
        allowedProviderIds: ["p"],
      };
      // Altstadt (only P or own operation) stays at P: 60 + 50 = 110, no change. Neudorf may
      // not move to P, so Q: 70 + 50 + 10 = 130 (own operation 200). Without the limit
      // Neudorf would join P: 60 + 100 + 10 = 170.
      const result = await solveScenario(input, options);
      expect(result).toMatchObject({ status: "optimal", objective: 240 });
      if (result.status !== "optimal") return;
      expect(result.plan.assignments.map((assignment) => assignment.providerId)).toEqual([
        "p",
        "q",
      ]);
    });

    it("spreads the limit over the horizon: per year × years", async () => {
      // 1 a year over 2 years = 2 migrations: both to P again. Annuity over 2 years without
      // interest: a migration costs 5 a year. 60 + 100 + 2 × 5 = 170.
      const input = twoProviders({
        horizonYears: 2,
        constraints: { providerProjectCapacity: [{ providerId: "p", migrationsPerYear: 1 }] },
      });
      const result = await solveScenario(input, options);
      expect(result).toMatchObject({ status: "optimal", objective: 170 });
    });

    it("reports a plan over a provider's project capacity in German", () => {
      const input = twoProviders({
        constraints: { providerProjectCapacity: [{ providerId: "p", migrationsPerYear: 1 }] },
      });
      const index = indexScenario(input);
      const provider = index.providerIndex.get("p") ?? -9;
      expect(checkPlan(index, [Int32Array.from([provider, provider])])).toEqual([
        "Kommunale IT nimmt 2 Wechsel auf, die Projektkapazität erlaubt 1 in 1 Jahr.",
      ]);
    });

    it("names the provider whose project capacity conflicts with the admission rules", async () => {
      const input = scenario({
        constraints: { providerProjectCapacity: [{ providerId: "p", migrationsPerYear: 1 }] },
      });
      input.demands = input.demands.map((demand) => ({
        ...demand,
        allowedProviderIds: ["p"],
        ownOperationAllowed: false,
      }));
      const result = await solveScenario(input, options);
      expect(result.status).toBe("infeasible");
      if (result.status !== "infeasible") return;
      expect(result.conflicts).toContain(
        "Projektkapazität: Kommunale IT kann höchstens 1 Wechsel je Jahr aufnehmen (1 über 1 Jahr), die übrigen Vorgaben schicken aber 2 Wechsel dorthin.",
      );
      expect(result.conflicts).toContain(
        "Für Altstadt sind im Bereich Einwohnerwesen nur zugelassen: Kommunale IT.",
      );
    });

    it("ties a limited provider's domains into one block only when the limit can bind", () => {
      const domains = ["einwohnerwesen", "personenstandswesen"];
      const twoDomains = (migrationsPerYear: number) =>
        scenario({
          domains: domains.map((id) => ({
            id,
            name: id,
            unit: "Einwohner",
            ownOperation: { fixedCost: 100, costPerUnit: 1 },
            migration: { fixedCost: 10, costPerUnit: 0 },
          })),
          offers: domains.map((domainId) => ({
            providerId: "p",
            domainId,
            fixedCost: 60,
            capacity: null,
            segments: [{ upTo: null, costPerUnit: 0.5 }],
          })),
          demands: domains.flatMap((domainId) =>
            ["k1", "k2"].map((kommuneId) => ({
              kommuneId,
              domainId,
              volume: 100,
              currentProviderId: null,
              ownOperationAllowed: true,
              keepLocal: false,
            })),
          ),
          constraints: { providerProjectCapacity: [{ providerId: "p", migrationsPerYear }] },
        });
      // Four Kommune × domain pairs could move to P: a limit of 4 cannot bind, 3 can.
      expect(findBlocks(indexScenario(twoDomains(4)))).toEqual([[0], [1]]);
      expect(findBlocks(indexScenario(twoDomains(3)))).toEqual([[0, 1]]);
    });

    it("rejects a limit for an unknown provider", () => {
      expect(() =>
        scenario({
          constraints: { providerProjectCapacity: [{ providerId: "x", migrationsPerYear: 1 }] },
        }),
      ).toThrow("Unbekannter Anbieter „x“.");
    });
  });

  it("prices economies of scale along the concave curve", async () => {
    // 150 Einwohner at P: 100 × 1.0 + 50 × 0.2 = 110 running + 0 platform.
    const input = scenario({
      offers: [
        {
          providerId: "p",
          domainId: "einwohnerwesen",
          fixedCost: 0,
          capacity: null,
          segments: [
            { upTo: 100, costPerUnit: 1 },
            { upTo: null, costPerUnit: 0.2 },
          ],
        },
      ],
      demands: [
        {
          kommuneId: "k1",
          domainId: "einwohnerwesen",
          volume: 100,
          currentProviderId: "p",
          ownOperationAllowed: false,
          keepLocal: false,
        },
        {
          kommuneId: "k2",
          domainId: "einwohnerwesen",
          volume: 50,
          currentProviderId: "p",
          ownOperationAllowed: false,
          keepLocal: false,
        },
      ],
    });
    const result = await solveScenario(input, options);
    expect(result).toMatchObject({ status: "optimal", objective: 110 });
  });

  it("takes a merger option when the shared platform saves more than it costs", async () => {
    // Two providers with a platform of 100 each serve one Kommune each (no migration). Merged,
    // the platform is paid once (100) for a one-off 50: 100 + 50 + 100 < 200 + 100.
    const input = scenario({
      providers: [
        { id: "p", name: "Kommunale IT" },
        { id: "q", name: "Regio IT" },
      ],
      offers: [
        {
          providerId: "p",
          domainId: "einwohnerwesen",
          fixedCost: 100,
          capacity: null,
          segments: [{ upTo: null, costPerUnit: 0.5 }],
        },
        {
          providerId: "q",
          domainId: "einwohnerwesen",
          fixedCost: 100,
          capacity: null,
          segments: [{ upTo: null, costPerUnit: 0.5 }],
        },
      ],
      demands: [
        {
          kommuneId: "k1",
          domainId: "einwohnerwesen",
          volume: 100,
          currentProviderId: "p",
          ownOperationAllowed: true,
          keepLocal: false,
          allowedProviderIds: ["p"],
        },
        {
          kommuneId: "k2",
          domainId: "einwohnerwesen",
          volume: 100,
          currentProviderId: "q",
          ownOperationAllowed: true,
          keepLocal: false,
          allowedProviderIds: ["q"],
        },
      ],
      constraints: {
        mergers: [{ id: "pq", name: "P + Q", providerIds: ["p", "q"], oneOffCost: 50 }],
      },
    });
    const result = await solveScenario(input, options);
    expect(result).toMatchObject({ status: "optimal", objective: 250 });
    if (result.status !== "optimal") return;
    expect(result.plan.mergers).toEqual(["pq"]);
  });

  it("names the capacity and the admission rules that conflict, in German", async () => {
    const input = ScenarioInput.parse({
      kommunen: [
        { id: "k1", name: "Bielefeld" },
        { id: "k2", name: "Gütersloh" },
      ],
      providers: [{ id: "owl", name: "OWL-IT" }],
      domains: [
        {
          id: "einwohnerwesen",
          name: "Einwohnerwesen",
          unit: "Einwohner",
          ownOperation: { fixedCost: 1000, costPerUnit: 2 },
          migration: { fixedCost: 100, costPerUnit: 0 },
        },
      ],
      offers: [
        {
          providerId: "owl",
          domainId: "einwohnerwesen",
          fixedCost: 500,
          capacity: 12_000,
          segments: [{ upTo: null, costPerUnit: 1 }],
        },
      ],
      demands: [
        {
          kommuneId: "k1",
          domainId: "einwohnerwesen",
          volume: 9_000,
          currentProviderId: "owl",
          allowedProviderIds: ["owl"],
          ownOperationAllowed: false,
        },
        {
          kommuneId: "k2",
          domainId: "einwohnerwesen",
          volume: 6_300,
          currentProviderId: null,
          allowedProviderIds: ["owl"],
          ownOperationAllowed: false,
        },
      ],
    });
    const result = await solveScenario(input, options);
    expect(result.status).toBe("infeasible");
    if (result.status !== "infeasible") return;
    expect(result.conflicts).toContain(
      "Kapazität von OWL-IT (12.000 Einwohner) für Einwohnerwesen reicht nicht für die zugelassenen Kommunen (15.300 Einwohner).",
    );
    expect(result.conflicts).toContain(
      "Für Bielefeld sind im Bereich Einwohnerwesen nur zugelassen: OWL-IT.",
    );
    expect(result.conflicts).toContain(
      "Für Gütersloh sind im Bereich Einwohnerwesen nur zugelassen: OWL-IT.",
    );
    expect(result.conflicts).toHaveLength(3);
  });

  it("names a keep-local decision that contradicts the admission rules", async () => {
    const input = scenario();
    input.demands[0] = { ...input.demands[0]!, keepLocal: true, ownOperationAllowed: false };
    const result = await solveScenario(input, options);
    expect(result).toEqual({
      status: "infeasible",
      seconds: expect.any(Number),
      conflicts: [
        "Altstadt muss Einwohnerwesen vor Ort betreiben (Strategie „vor Ort notwendig“).",
        "Für Altstadt sind im Bereich Einwohnerwesen nur zugelassen: Kommunale IT.",
      ],
    });
  });

  it("names a provider count and a coupling that cannot both hold", async () => {
    // Einwohnerwesen only at P, Personenstandswesen only at Q, coupled, own operation barred.
    const input = ScenarioInput.parse({
      kommunen: [{ id: "k1", name: "Altstadt" }],
      providers: [
        { id: "p", name: "P-IT" },
        { id: "q", name: "Q-IT" },
      ],
      domains: ["einwohnerwesen", "personenstandswesen"].map((id) => ({
        id,
        name: id === "einwohnerwesen" ? "Einwohnerwesen" : "Personenstandswesen",
        unit: "Einwohner",
        ownOperation: { fixedCost: 1, costPerUnit: 1 },
        migration: { fixedCost: 1, costPerUnit: 0 },
      })),
      offers: [
        {
          providerId: "p",
          domainId: "einwohnerwesen",
          fixedCost: 1,
          segments: [{ upTo: null, costPerUnit: 1 }],
        },
        {
          providerId: "q",
          domainId: "personenstandswesen",
          fixedCost: 1,
          segments: [{ upTo: null, costPerUnit: 1 }],
        },
      ],
      demands: [
        {
          kommuneId: "k1",
          domainId: "einwohnerwesen",
          volume: 10,
          currentProviderId: "p",
          ownOperationAllowed: false,
        },
        {
          kommuneId: "k1",
          domainId: "personenstandswesen",
          volume: 10,
          currentProviderId: "q",
          ownOperationAllowed: false,
        },
      ],
      constraints: { couplings: [{ domainIds: ["einwohnerwesen", "personenstandswesen"] }] },
    });
    const result = await solveScenario(input, options);
    expect(result.status).toBe("infeasible");
    if (result.status !== "infeasible") return;
    expect(result.conflicts).toContain(
      "Einwohnerwesen und Personenstandswesen müssen je Kommune vom selben Anbieter kommen (Kopplung).",
    );
  });
});

describe("solveScenario on random tiny scenarios", () => {
  it("matches exhaustive search, keeps bound ≤ objective, and reports the plan's own cost", async () => {
    await fc.assert(
      fc.asyncProperty(tinyScenario, async (input) => {
        const optimum = naiveOptimum(input);
        const result = await solveScenario(input, options);
        if (optimum === Infinity) {
          expect(result.status).toBe("infeasible");
          return;
        }
        expect(result.status).toBe("optimal");
        if (result.status !== "optimal") return;
        expect(result.bound).toBeLessThanOrEqual(result.objective + 1e-6);
        expect(result.objective).toBeCloseTo(optimum, 6);
        // Recomputed from the JSON input alone.
        const plan = result.plan.assignments.map((assignment) => assignment.providerId);
        const mergers = input.constraints.mergers.map((merger) =>
          result.plan.mergers.includes(merger.id),
        );
        expect(naiveCost(input, plan, mergers)).toBeCloseTo(result.objective, 6);
        // And the plan keeps every rule by the solver's own independent check.
        const index = indexScenario(input);
        const choices = index.domains.map((domain) =>
          Int32Array.from(domain.customers, (customer) => {
            const providerId = plan[customer.demandIndex] ?? null;
            return providerId === null
              ? OWN_OPERATION
              : (index.providerIndex.get(providerId) ?? -9);
          }),
        );
        const active = new Set(
          input.constraints.mergers.flatMap((merger, position) =>
            result.plan.mergers.includes(merger.id) ? [position] : [],
          ),
        );
        expect(checkPlan(index, choices, active)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
