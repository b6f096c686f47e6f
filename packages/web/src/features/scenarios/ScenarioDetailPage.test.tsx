import { fakeApi as api } from "../sourcing/fakeApi.testing.ts";
import { specialisationPreset } from "@it-atlas/domain";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import type { Schemas } from "../../api/client.ts";
import { answerSession, buildRole, buildUser } from "../auth/buildUser.testing.ts";
import { BOUNDARIES } from "../analysis/analysisFixtures.testing.ts";
import { buildMeasure } from "../change/buildMeasure.testing.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { ScenarioDetailPage } from "./ScenarioDetailPage.tsx";

type Migration = Schemas["ScenarioResultPlan"]["migrations"][number];

const definition = specialisationPreset("2026-01-01");
const scenario = {
  id: 5,
  name: "Spezialisierung Einwohnerwesen",
  description: "Weniger Anbieter im Einwohnerwesen",
  baseDate: "2026-01-01",
  definition,
  isTarget: false,
  assignments: [],
  createdBy: "analyst@example.org",
  createdAt: "2026-05-01T10:00:00Z",
  updatedAt: "2026-05-01T10:00:00Z",
  latestResult: { id: 1, status: "optimal", createdAt: "2026-05-01T10:05:00Z" },
};

const MIGRATIONS: Migration[] = [
  {
    kommuneKey: "05766020",
    domainId: "einwohnerwesen",
    fromProviderId: "krz",
    toProviderId: "regio-it",
    oneOffCost: 12_000,
  },
  {
    kommuneKey: "05766008",
    domainId: "einwohnerwesen",
    fromProviderId: null,
    toProviderId: "regio-it",
    oneOffCost: null,
  },
];

function buildResult(migrations: Migration[]): Schemas["ScenarioResult"] {
  return {
    id: 1,
    scenarioId: 5,
    jobId: 9,
    status: "optimal",
    objective: 8_765_432.4,
    bound: 8_765_432.4,
    gap: 0,
    seconds: 3.5,
    conflicts: [],
    message: null,
    definition,
    createdAt: "2026-05-01T10:05:00Z",
    plan: {
      horizonYears: 10,
      annuity: 0.11,
      costPerYear: { running: 8_000_000, migration: 765_432.4, total: 8_765_432.4 },
      istCostPerYear: 10_000_000,
      savingPerYear: 1_234_567.6,
      oneOffCost: 2_500_000,
      assignments: [],
      migrations,
      kommunen: [],
      providers: [],
      domains: [],
      mergers: [],
      notes: [],
      demo: true,
      constraintPrices: null,
      confidentialHidden: false,
    },
  };
}

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/szenarien/:id" element={<ScenarioDetailPage />} />
    </Routes>,
    { route: "/szenarien/5" },
  );
}

/** The value shown beside a label in the result's figures. */
function figure(label: string): string | null | undefined {
  const figures = screen.getByLabelText("Kennzahlen der letzten Berechnung");
  return within(figures).getByText(label, { selector: "dt" }).nextElementSibling?.textContent;
}

function problem(status: number, code: string, detail: string) {
  return { type: "about:blank", status, code, title: "Fehler", detail };
}

beforeEach(() => {
  answerSession(buildUser({ roles: [buildRole("kdn_analyst")] }));
  api.respond({ path: "/api/scenarios/5", body: scenario });
  api.respond({ path: "/api/scenarios/5/results/latest", body: buildResult(MIGRATIONS) });
  api.respond({
    path: "/api/scenarios/5/pareto",
    status: 404,
    body: problem(404, "not_found", "Keine Pareto-Auswertung."),
  });
  api.respond({ path: "/api/comments", body: { items: [] } });
});

describe("scenario detail", () => {
  it("shows from → to provider per Kommune and domain in a table, on a map by target provider and in the exports (issue 16, defect 8)", async () => {
    const result = buildResult(MIGRATIONS);
    result.plan = {
      ...result.plan!,
      kommunen: [
        { key: "05766020", name: "Detmold", istCostPerYear: 100, planCostPerYear: 90, demo: false },
        { key: "05766008", name: "Blomberg", istCostPerYear: 50, planCostPerYear: 45, demo: false },
        { key: "05766044", name: "Lemgo", istCostPerYear: 70, planCostPerYear: 70, demo: false },
      ],
      providers: [
        { id: "krz", name: "krz Lemgo" },
        { id: "regio-it", name: "regio iT" },
      ],
      domains: [{ id: "einwohnerwesen", name: "Einwohnerwesen" }],
    };
    api.respond({ path: "/api/scenarios/5/results/latest", body: result });
    api.respond({ path: "/api/geo/gemeinde", body: BOUNDARIES });
    renderPage();
    const table = await screen.findByRole("table", { name: /Wechsel im Plan: von → nach/ });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      "BlombergEinwohnerweseneigener Betriebregio iTvertraulich",
      "DetmoldEinwohnerwesenkrz Lemgoregio iT12.000\u00a0€",
    ]);
    // The map: coloured by target provider, named in the legend and for every Kommune.
    const legend = await screen.findByRole("list", { name: "Legende" });
    expect(within(legend).getByText("wechselt zu regio iT (2)")).toBeInTheDocument();
    expect(
      screen.getByRole("button", {
        name: "Detmold: wechselt (Einwohnerwesen: krz Lemgo → regio iT)",
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Lemgo: bleibt beim Anbieter" })).toBeInTheDocument();
    // Exports: the table as CSV/Excel, the result against Ist as PDF/Excel.
    expect(screen.getByRole("button", { name: "Wechsel als CSV exportieren" })).toBeEnabled();
    expect(screen.getByRole("link", { name: "PDF" })).toHaveAttribute(
      "href",
      "/api/scenarios/compare/pdf?ids=5",
    );
    expect(table.textContent).not.toMatch(/regio-it|einwohnerwesen|krz\b(?! Lemgo)/);
  });

  it("names Leistungsbereiche in the definition, not their internal ids (issue 16, defect 10)", async () => {
    const domain = (id: string, name: string) => ({
      id,
      parentId: "fachverfahren",
      name,
      description: null,
      category: "fachverfahren",
      isGroup: false,
      volumeUnit: "einwohner",
      responsibleTypes: [],
      responsibilityBasis: null,
      ozgIds: [],
      position: 1,
    });
    api.respond({
      path: "/api/domains",
      body: {
        items: [
          domain("einwohnerwesen", "Einwohnerwesen"),
          domain("personenstandswesen", "Personenstandswesen"),
        ],
      },
    });
    renderPage();
    await screen.findByRole("heading", { level: 1, name: "Spezialisierung Einwohnerwesen" });
    const figures = (label: string) =>
      screen.getAllByText(label, { selector: "dt" })[0]?.nextElementSibling?.textContent;
    await waitFor(() =>
      expect(figures("Leistungsbereiche")).toBe("Einwohnerwesen, Personenstandswesen"),
    );
    expect(figures("Kopplungen")).toBe("Einwohnerwesen + Personenstandswesen");
    expect(figures("Anbieter je Bereich")).toBe(
      "Einwohnerwesen: höchstens 3; Personenstandswesen: höchstens 3",
    );
    const definitionFigures = screen
      .getAllByText("Leistungsbereiche", { selector: "dt" })[0]
      ?.closest("dl");
    expect(definitionFigures?.textContent).not.toMatch(/einwohnerwesen|personenstandswesen/);
  });

  it("lists every Pareto budget with its status and reason, not only the feasible ones (issue 16, defect 6)", async () => {
    const point = { objective: null, migrations: null, savingPerYear: null };
    api.respond({
      path: "/api/scenarios/5/pareto",
      body: {
        id: 3,
        scenarioId: 5,
        jobId: 11,
        createdAt: "2026-05-01T10:10:00Z",
        points: [
          {
            ...point,
            budget: 0,
            share: 0,
            status: "infeasible",
            reason: "Mit höchstens 0 Wechseln gibt es keine zulässige Lösung: Kopplung verletzt.",
          },
          {
            ...point,
            budget: 2,
            share: 0.25,
            status: "error",
            reason: "Mit höchstens 2 Wechseln wurde keine Lösung gefunden: Zeitlimit.",
          },
          {
            budget: null,
            share: 1,
            status: "optimal",
            migrations: 9,
            savingPerYear: 242_067,
            objective: 1_000_000,
            reason: null,
          },
        ],
      },
    });
    renderPage();
    const table = await screen.findByRole("table", { name: "Alle Wechselbudgets" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent("unlösbar");
    expect(rows[0]).toHaveTextContent("Kopplung verletzt.");
    expect(rows[1]).toHaveTextContent("Fehler");
    expect(rows[1]).toHaveTextContent("Zeitlimit.");
    expect(rows[2]).toHaveTextContent("unbegrenzt");
    expect(rows[2]).toHaveTextContent("242.067");
  });

  it("says it is loading until the scenario has arrived", async () => {
    renderPage();
    expect(screen.getByRole("status")).toHaveTextContent("Szenario wird geladen …");
    expect(
      await screen.findByRole("heading", { level: 1, name: "Spezialisierung Einwohnerwesen" }),
    ).toBeInTheDocument();
    expect(screen.queryByText("Szenario wird geladen …")).not.toBeInTheDocument();
  });

  it("shows the latest result with savings and migrations in German formats", async () => {
    const many = Array.from({ length: 1_250 }, (_, index) => ({
      ...MIGRATIONS[0]!,
      kommuneKey: `0576${String(index).padStart(4, "0")}`,
    }));
    api.respond({ path: "/api/scenarios/5/results/latest", body: buildResult(many) });
    renderPage();
    await screen.findByLabelText("Kennzahlen der letzten Berechnung");
    expect(screen.getByText(/Berechnet am 01\.05\.2026, 12:05 in 3,5 s\./)).toBeInTheDocument();
    expect(screen.getAllByText("Demodaten (synthetisch)").length).toBeGreaterThan(0);
    expect(figure("Status")).toBe("optimal (bewiesen)");
    expect(figure("Zielwert (Kosten je Jahr)")).toBe("8.765.432\u00a0€");
    expect(figure("Ist (Kosten je Jahr)")).toBe("10.000.000\u00a0€");
    expect(figure("Einsparung je Jahr")).toBe("1.234.568\u00a0€");
    expect(figure("Einmalige Wechselkosten")).toBe("2.500.000\u00a0€");
    expect(figure("Optimalitätslücke")).toBe("0\u00a0%");
    expect(figure("Wechsel")).toBe("1.250");
    expect(screen.getByText(/1\.250 Wechsel werden zu Maßnahmen/)).toBeInTheDocument();
  });

  it("says so when the scenario has not been calculated", async () => {
    api.respond({
      path: "/api/scenarios/5/results/latest",
      status: 404,
      body: problem(404, "not_found", "Noch kein Ergebnis."),
    });
    renderPage();
    expect(await screen.findByText("Das Szenario wurde noch nicht berechnet.")).toBeInTheDocument();
    expect(
      screen.queryByRole("heading", { name: "Maßnahmen aus diesem Szenario anlegen" }),
    ).not.toBeInTheDocument();
  });

  it("creates measures from the plan's migrations and confirms them", async () => {
    const user = userEvent.setup();
    renderPage();
    const section = await screen.findByRole("region", {
      name: "Maßnahmen aus diesem Szenario anlegen",
    });
    await user.clear(within(section).getByLabelText("Jahr der ersten Welle"));
    await user.type(within(section).getByLabelText("Jahr der ersten Welle"), "2028");
    await user.clear(within(section).getByLabelText("Höchstens Wechsel je Jahr"));
    await user.type(within(section).getByLabelText("Höchstens Wechsel je Jahr"), "1");
    api.respond({
      method: "POST",
      path: "/api/measures/from-migrations",
      status: 201,
      body: {
        items: [
          buildMeasure({ id: 21, title: "Wechsel Einwohnerwesen zu regio iT – Welle 1" }),
          buildMeasure({ id: 22, title: "Wechsel Einwohnerwesen zu regio iT – Welle 2" }),
        ],
        notes: [],
      },
    });
    await user.click(within(section).getByRole("button", { name: "Maßnahmen anlegen" }));

    const confirmation = await within(section).findByText(/2 Maßnahmen angelegt\./);
    expect(confirmation).toBeInTheDocument();
    expect(within(section).getByRole("link", { name: "Auf der Roadmap ansehen" })).toHaveAttribute(
      "href",
      "/roadmap?scenario=5",
    );
    expect(
      within(section).getByRole("link", { name: "Wechsel Einwohnerwesen zu regio iT – Welle 2" }),
    ).toHaveAttribute("href", "/massnahmen/22");
    const request = api.requests.find(
      (candidate) =>
        candidate.method === "POST" && candidate.url.pathname === "/api/measures/from-migrations",
    );
    expect(request?.body).toEqual({
      scenarioId: "5",
      startYear: 2028,
      maxMigrationsPerYear: 1,
      // The scenario sets no provider's project capacity.
      providerMigrationsPerYear: [],
      // The preset couples its domains; its horizon bounds the waves.
      couplings: definition.constraints.couplings,
      horizonYears: definition.costs.horizonYears,
      migrations: MIGRATIONS.map((migration) => ({
        kommuneId: migration.kommuneKey,
        domainId: migration.domainId,
        fromProviderId: migration.fromProviderId,
        toProviderId: migration.toProviderId,
        oneOffCost: migration.oneOffCost ?? 0,
      })),
    });
  });

  it("posts a comment on the scenario", async () => {
    const user = userEvent.setup();
    renderPage();
    expect(await screen.findByText("Noch keine Kommentare.")).toBeInTheDocument();
    await user.type(await screen.findByLabelText("Neuer Kommentar"), "Bitte Welle 2 prüfen");
    api.respond({
      method: "POST",
      path: "/api/comments",
      status: 201,
      body: {
        comment: {
          id: 1,
          targetType: "scenario",
          targetId: "5",
          authorName: "Erika Muster",
          body: "Bitte Welle 2 prüfen",
          createdAt: "2026-11-27T08:00:00Z",
        },
        mentioned: [],
      },
    });
    await user.click(screen.getByRole("button", { name: "Kommentar speichern" }));
    expect(await screen.findByText("Kommentar gespeichert.")).toBeInTheDocument();
    expect(screen.getByLabelText("Neuer Kommentar")).toHaveValue("");
    const request = api.requests.find(
      (candidate) => candidate.method === "POST" && candidate.url.pathname === "/api/comments",
    );
    expect(request?.body).toEqual({
      targetType: "scenario",
      targetId: "5",
      body: "Bitte Welle 2 prüfen",
    });
  });

  it("shows the server's German message when the scenario cannot be loaded", async () => {
    api.respond({
      path: "/api/scenarios/5",
      status: 404,
      body: problem(404, "not_found", "Szenario 5 wurde nicht gefunden."),
    });
    renderPage();
    // The shared load failure of detail pages: a heading with the reason, the server's detail.
    expect(
      await screen.findByRole("heading", { level: 1, name: "Szenario nicht gefunden" }),
    ).toBeVisible();
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Szenario konnte nicht geladen werden");
    expect(alert).toHaveTextContent("Szenario 5 wurde nicht gefunden.");
  });

  it("shows the server's German message when the measures cannot be created", async () => {
    const user = userEvent.setup();
    renderPage();
    const section = await screen.findByRole("region", {
      name: "Maßnahmen aus diesem Szenario anlegen",
    });
    api.respond({
      method: "POST",
      path: "/api/measures/from-migrations",
      status: 409,
      body: problem(409, "conflict", "Für dieses Szenario gibt es schon Maßnahmen."),
    });
    await user.click(within(section).getByRole("button", { name: "Maßnahmen anlegen" }));
    const alert = await within(section).findByRole("alert");
    expect(alert).toHaveTextContent("Maßnahmen nicht angelegt");
    expect(alert).toHaveTextContent("Für dieses Szenario gibt es schon Maßnahmen.");
    expect(within(section).queryByText(/Maßnahmen angelegt\./)).not.toBeInTheDocument();
  });
});
