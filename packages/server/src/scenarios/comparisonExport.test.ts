import {
  compareScenarios,
  istFromPlan,
  type ComparedScenario,
  type ScenarioResultPlan,
} from "@it-atlas/domain";
import { describe, expect, it } from "vitest";
import { comparisonPdfLines, comparisonTables } from "./comparisonExport.ts";

const BURG = "05000003";
const ALTSTADT = "05000001";
const domains = [
  { id: "einwohnerwesen", name: "Einwohnerwesen" },
  { id: "personenstandswesen", name: "Personenstandswesen" },
];

/** A stored plan in which Burg moves Einwohnerwesen from eigener Betrieb to provider P. */
function plan(scope: "wide" | "narrow"): ScenarioResultPlan {
  const kommunen =
    scope === "wide"
      ? [
          {
            key: ALTSTADT,
            name: "Altstadt",
            istCostPerYear: 1700,
            planCostPerYear: 1700,
            demo: false,
          },
          { key: BURG, name: "Burg", istCostPerYear: 3800, planCostPerYear: 3100, demo: true },
        ]
      : [{ key: BURG, name: "Burg", istCostPerYear: 3000, planCostPerYear: 2300, demo: true }];
  const ist = kommunen.reduce((sum, kommune) => sum + kommune.istCostPerYear, 0);
  const total = kommunen.reduce((sum, kommune) => sum + kommune.planCostPerYear, 0);
  return {
    horizonYears: 1,
    annuity: 1,
    costPerYear: { running: total - 300, migration: 300, total },
    istCostPerYear: ist,
    savingPerYear: ist - total,
    oneOffCost: 300,
    assignments: [],
    migrations: [
      {
        kommuneKey: BURG,
        domainId: "einwohnerwesen",
        fromProviderId: null,
        toProviderId: "p",
        oneOffCost: 300,
      },
    ],
    kommunen,
    providers: [{ id: "p", name: "Kommunale IT P" }],
    domains: scope === "wide" ? domains : domains.slice(0, 1),
    mergers: [],
    notes: [],
    // Burg's Bezüge are synthetic; Altstadt's are recorded facts.
    demo: true,
    confidentialHidden: false,
    constraintPrices: null,
  };
}

function scenario(id: number, name: string, scope: "wide" | "narrow"): ComparedScenario {
  return {
    scenarioId: id,
    name,
    result: { status: "feasible", objective: null, bound: null, gap: null, plan: plan(scope) },
  };
}

describe("comparison exports", () => {
  const wide = scenario(1, "Ganz NRW", "wide");
  const narrow = scenario(2, "Nur Burg", "narrow");
  const comparison = compareScenarios(istFromPlan(wide.result.plan!), [wide, narrow]);

  it("prints each saving against the Ist of its own scope and says the scopes differ (PDF)", () => {
    const text = comparisonPdfLines(comparison).map((line) => line.text);
    const narrowSaving = 3000 - (narrow.result.plan?.costPerYear.total ?? 0);
    const euro = new Intl.NumberFormat("de-DE", {
      style: "currency",
      currency: "EUR",
      maximumFractionDigits: 0,
    });
    expect(text).toContain(`Ist im eigenen Umfang je Jahr: ${euro.format(3000)}`);
    expect(text).toContain(
      `Einsparung je Jahr gegenüber Ist im eigenen Umfang: ${euro.format(narrowSaving)}`,
    );
    expect(text.some((line) => line.includes("unterschiedlichen Umfang"))).toBe(true);
    // From → to with names, not internal ids.
    expect(
      text.some((line) => line.includes("Burg (Einwohnerwesen: eigener Betrieb → Kommunale IT P)")),
    ).toBe(true);
  });

  it("lists Ist per scope, saving and from → to per Kommune in the workbook", () => {
    const [overview, , kommunen] = comparisonTables(comparison);
    const ist = overview?.rows.find((row) => row.Kennzahl === "Ist im eigenen Umfang je Jahr (€)");
    expect(ist?.["Nur Burg"]).toBe(3000);
    const burg = kommunen?.rows.find((row) => row.Schlüssel === BURG);
    expect(burg?.["Nur Burg: von → nach"]).toBe("Einwohnerwesen: eigener Betrieb → Kommunale IT P");
    const altstadt = kommunen?.rows.find((row) => row.Kommune === "Altstadt");
    expect(altstadt?.["Nur Burg: wechselt Anbieter"]).toBe("nicht im Umfang");
  });

  it("marks demo-derived rows in a „Qualität“ column on every sheet (ADR 0021)", () => {
    const tables = comparisonTables(comparison);
    for (const table of tables) expect(table.headers, table.name).toContain("Qualität");
    const kommunen = tables[2];
    expect(kommunen?.rows.find((row) => row.Schlüssel === BURG)?.Qualität).toBe(
      "Demodaten (synthetisch)",
    );
    expect(kommunen?.rows.find((row) => row.Schlüssel === ALTSTADT)?.Qualität).toBe(
      "ohne Demodaten",
    );
    expect(comparison.demo).toBe(true);
    expect(comparisonPdfLines(comparison).some((line) => line.text.includes("Demodaten"))).toBe(
      true,
    );
  });
});
