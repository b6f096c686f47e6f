import { fakeApi as api } from "../sourcing/fakeApi.testing.ts";
import { screen, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import type { Schemas } from "../../api/client.ts";
import { BOUNDARIES } from "../analysis/analysisFixtures.testing.ts";
import { answerSession, buildRole, buildUser } from "../auth/buildUser.testing.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { ScenarioComparePage } from "./ScenarioComparePage.tsx";

type Column = Schemas["ComparisonColumn"];

function column(overrides: Partial<Column>): Column {
  return {
    scenarioId: null,
    name: "Ist",
    status: null,
    objective: null,
    bound: null,
    gap: null,
    costPerYear: { running: 8_000_000, migration: 0, total: 8_000_000 },
    istCostPerYear: 8_000_000,
    scope: { kommunen: 2, domains: 2 },
    totalOverHorizon: 40_000_000,
    savingPerYear: 0,
    savingOverHorizon: 0,
    oneOffCost: 0,
    migrations: 0,
    affectedKommunen: 0,
    providersPerDomain: [],
    demo: true,
    ...overrides,
  };
}

/** NRW-wide scenario 1 and a Lippe-only scenario 2 of a smaller scope. */
const COMPARISON: Schemas["ScenarioComparison"] = {
  horizonYears: 5,
  sameScope: false,
  demo: true,
  columns: [
    column({ name: "Ist (Umfang von „NRW“)" }),
    column({
      scenarioId: 1,
      name: "NRW",
      status: "optimal",
      costPerYear: { running: 7_000_000, migration: 100_000, total: 7_100_000 },
      savingPerYear: 900_000,
      migrations: 1,
      affectedKommunen: 1,
    }),
    column({
      scenarioId: 2,
      name: "Kreis Lippe",
      status: "optimal",
      costPerYear: { running: 500_000, migration: 7_933, total: 507_933 },
      istCostPerYear: 750_000,
      scope: { kommunen: 1, domains: 1 },
      savingPerYear: 242_067,
      migrations: 1,
      affectedKommunen: 1,
    }),
  ],
  domains: [
    { id: "einwohnerwesen", name: "Einwohnerwesen" },
    { id: "personenstandswesen", name: "Personenstandswesen" },
  ],
  providers: [
    { id: "krz", name: "krz Lemgo" },
    { id: "regio-it", name: "regio iT" },
  ],
  kommunen: [
    {
      key: "05766020",
      name: "Detmold",
      istCostPerYear: 1_000_000,
      demo: true,
      scenarios: [
        {
          scenarioId: 1,
          inScope: true,
          istCostPerYear: 1_000_000,
          planCostPerYear: 900_000,
          deltaPerYear: -100_000,
          changesProvider: true,
          changedDomains: ["einwohnerwesen"],
          changes: [
            { domainId: "einwohnerwesen", fromProviderId: "krz", toProviderId: "regio-it" },
          ],
        },
        {
          scenarioId: 2,
          inScope: true,
          istCostPerYear: 750_000,
          planCostPerYear: 507_933,
          deltaPerYear: -242_067,
          changesProvider: true,
          changedDomains: ["einwohnerwesen"],
          changes: [{ domainId: "einwohnerwesen", fromProviderId: null, toProviderId: "krz" }],
        },
      ],
    },
    {
      key: "05766044",
      name: "Lemgo",
      istCostPerYear: 500_000,
      demo: false,
      scenarios: [
        {
          scenarioId: 1,
          inScope: true,
          istCostPerYear: 500_000,
          planCostPerYear: 500_000,
          deltaPerYear: 0,
          changesProvider: false,
          changedDomains: [],
          changes: [],
        },
        {
          scenarioId: 2,
          inScope: false,
          istCostPerYear: null,
          planCostPerYear: null,
          deltaPerYear: null,
          changesProvider: false,
          changedDomains: [],
          changes: [],
        },
      ],
    },
  ],
  notes: [
    "Die Szenarien haben unterschiedlichen Umfang („NRW“: 2 Kommunen, 2 Leistungsbereiche; „Kreis Lippe“: 1 Kommunen, 1 Leistungsbereiche). Jede Einsparung ist gegen das Ist im eigenen Umfang gerechnet.",
  ],
  confidentialHidden: false,
  constraintPrices: [],
};

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/szenarien/vergleich" element={<ScenarioComparePage />} />
    </Routes>,
    { route: "/szenarien/vergleich?ids=1,2" },
  );
}

/** The cells of a row of the figures table, by its header. */
function figureRow(label: string): string[] {
  const table = screen.getByRole("table", { name: /Kennzahlen im Vergleich/ });
  const header = within(table).getByRole("rowheader", { name: label });
  const row = header.closest("tr")!;
  return within(row)
    .getAllByRole("cell")
    .map((cell) => cell.textContent ?? "");
}

beforeEach(() => {
  answerSession(buildUser({ roles: [buildRole("kdn_analyst")] }));
  api.respond({ path: "/api/scenarios", body: { items: [] } });
  api.respond({ path: "/api/scenarios/compare", body: COMPARISON });
  api.respond({ path: "/api/geo/gemeinde", body: BOUNDARIES });
});

describe("scenario comparison", () => {
  it("shows each scenario's Ist of its own scope next to its saving and says the scopes differ", async () => {
    renderPage();
    await screen.findByRole("table", { name: /Kennzahlen im Vergleich/ });
    expect(figureRow("Ist im eigenen Umfang je Jahr")).toEqual([
      "8.000.000\u00a0€",
      "8.000.000\u00a0€",
      "750.000\u00a0€",
    ]);
    expect(figureRow("Einsparung je Jahr gegenüber Ist im eigenen Umfang")[2]).toBe(
      "242.067\u00a0€",
    );
    expect(figureRow("Umfang")[2]).toBe("1 Kommune, 1 Leistungsbereich");
    expect(screen.getByRole("note")).toHaveTextContent(/unterschiedlichen Umfang/);
  });

  it("names from and to provider per Kommune and domain, with names instead of ids", async () => {
    renderPage();
    const table = await screen.findByRole("table", { name: /Kosten je Kommune und Jahr/ });
    const detmold = within(table).getByRole("row", { name: /Detmold/ });
    expect(detmold).toHaveTextContent("Einwohnerwesen: krz Lemgo → regio iT");
    expect(detmold).not.toHaveTextContent("einwohnerwesen");
  });

  it("colours the map by target provider and names it for every Kommune", async () => {
    renderPage();
    const legend = await screen.findByRole("list", { name: "Legende" });
    // With the number of Kommunen changing to it (the legend named no count before).
    expect(within(legend).getByText(/^wechselt zu regio iT \(\d+\)$/)).toBeInTheDocument();
    expect(
      screen.getByRole("button", { name: /Detmold: wechselt.*krz Lemgo → regio iT/ }),
    ).toBeInTheDocument();
  });
});
