import {
  defaultScenarioDefinition,
  specialisationPreset,
  type ScenarioCostCurve,
} from "@it-atlas/domain";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { answerSession, buildRole, buildUser } from "../auth/buildUser.testing.ts";
import { fakeApi as api } from "../sourcing/fakeApi.testing.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { ScenarioDetailPage } from "./ScenarioDetailPage.tsx";
import { ScenarioFormPage } from "./ScenarioFormPage.tsx";
import { ScenarioListPage } from "./ScenarioListPage.tsx";

const definition = specialisationPreset("2026-01-01");
const stored = {
  id: 5,
  name: "Spezialisierung Einwohnerwesen",
  description: null,
  baseDate: "2026-01-01",
  definition,
  isTarget: true,
  assignments: [],
  createdBy: "analyst@example.org",
  createdAt: "2026-05-01T10:00:00Z",
  updatedAt: "2026-05-01T10:00:00Z",
  latestResult: { id: 1, status: "optimal", createdAt: "2026-05-01T10:05:00Z" },
};

beforeEach(() => {
  answerSession(buildUser({ roles: [buildRole("kdn_analyst")] }));
  api.respond({
    path: "/api/domains",
    body: {
      items: [
        { id: "einwohnerwesen", name: "Einwohnerwesen", isGroup: false },
        { id: "personenstandswesen", name: "Personenstandswesen", isGroup: false },
      ],
    },
  });
});

describe("Szenarien", () => {
  it("lists scenarios with Zielbild and last calculation", async () => {
    api.respond({ path: "/api/scenarios", body: { items: [stored] } });
    renderWithProviders(<ScenarioListPage />, { route: "/szenarien" });
    const table = await screen.findByRole("table", { name: "Alle Szenarien" });
    expect(table).toHaveTextContent("Spezialisierung Einwohnerwesen");
    expect(table).toHaveTextContent("Zielbild");
    expect(table).toHaveTextContent("optimal (bewiesen), 01.05.2026, 12:05");
    expect(screen.getByRole("link", { name: "Neues Szenario" })).toBeInTheDocument();
  });

  it("says so when there are no scenarios yet", async () => {
    api.respond({ path: "/api/scenarios", body: { items: [] } });
    renderWithProviders(<ScenarioListPage />, { route: "/szenarien" });
    expect(await screen.findByText(/Noch keine Szenarien/)).toBeInTheDocument();
  });

  it("fills the form from the preset and saves the definition", async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <Routes>
        <Route path="/szenarien/neu" element={<ScenarioFormPage />} />
        <Route path="/szenarien/:id" element={<p>Gespeichert</p>} />
      </Routes>,
      { route: "/szenarien/neu" },
    );
    await user.click(
      screen.getByRole("button", {
        name: "Vorlage „Spezialisierung Einwohnerwesen“ übernehmen",
      }),
    );
    expect(screen.getByLabelText("Name")).toHaveValue("Spezialisierung Einwohnerwesen");
    expect(await screen.findByLabelText("Einwohnerwesen gekoppelt")).toBeChecked();
    expect(screen.getByLabelText("Personenstandswesen gekoppelt")).toBeChecked();
    expect(
      screen.getByLabelText("Höchstens Anbieter je Leistungsbereich (landesweit)"),
    ).toHaveValue("3");
    await user.clear(screen.getByLabelText("Zinssatz (%)"));
    await user.type(screen.getByLabelText("Zinssatz (%)"), "2,5");
    api.respond({ method: "POST", path: "/api/scenarios", status: 201, body: stored });
    await user.click(screen.getByRole("button", { name: "Speichern" }));
    expect(await screen.findByText("Gespeichert")).toBeInTheDocument();
    const post = api.requests.find((request) => request.method === "POST");
    const body = post?.body as {
      name: string;
      definition: typeof definition;
    };
    expect(body.name).toBe("Spezialisierung Einwohnerwesen");
    expect(body.definition.costs.discountRate).toBeCloseTo(0.025, 10);
    expect(body.definition.constraints.couplings).toEqual([
      { domainIds: ["einwohnerwesen", "personenstandswesen"] },
    ]);
    expect(body.definition.constraints.providerCounts).toEqual([
      { domainId: "einwohnerwesen", min: 0, max: 3 },
      { domainId: "personenstandswesen", min: 0, max: 3 },
    ]);
  });

  it("saves hand-made assignments of a scenario made by hand", async () => {
    api.respond({
      path: "/api/providers",
      body: { total: 1, items: [{ id: "owl-it", shortName: "OWL-IT" }] },
    });
    const user = userEvent.setup();
    renderWithProviders(<ScenarioFormPage />, { route: "/szenarien/neu" });
    await user.type(screen.getByLabelText("Name"), "Detmold von Hand");
    await user.selectOptions(screen.getByLabelText("Art des Szenarios"), "manual");
    await screen.findByLabelText("Einwohnerwesen gekoppelt");
    await user.click(screen.getByRole("button", { name: "Zuordnung hinzufügen" }));
    await user.type(screen.getByLabelText("Kommune (AGS) – Zuordnung 1"), "05766020");
    await screen.findByRole("option", { name: "OWL-IT" });
    await user.selectOptions(screen.getByLabelText("Anbieter – Zuordnung 1"), "owl-it");
    api.respond({ method: "POST", path: "/api/scenarios", status: 201, body: stored });
    await user.click(screen.getByRole("button", { name: "Speichern" }));
    await waitFor(() =>
      expect(api.requests.some((request) => request.method === "POST")).toBe(true),
    );
    const post = api.requests.find((request) => request.method === "POST");
    expect((post?.body as { assignments: unknown }).assignments).toEqual([
      { kommuneKey: "05766020", domainId: "einwohnerwesen", providerId: "owl-it" },
    ]);
  });

  it("edits each provider's project capacity in a table and saves the limits", async () => {
    api.respond({
      path: "/api/providers",
      body: {
        total: 3,
        items: [
          { id: "owl-it", shortName: "OWL-IT", status: "active" },
          { id: "regio-it", shortName: "regio iT", status: "active" },
          { id: "krz", shortName: "krz", status: "merged" },
        ],
      },
    });
    const user = userEvent.setup();
    renderWithProviders(
      <Routes>
        <Route path="/szenarien/neu" element={<ScenarioFormPage />} />
        <Route path="/szenarien/:id" element={<p>Gespeichert</p>} />
      </Routes>,
      { route: "/szenarien/neu" },
    );
    await user.type(screen.getByLabelText("Name"), "Mit Projektkapazität");
    const table = await screen.findByRole("table", { name: "Projektkapazität je Anbieter" });
    expect(table).toHaveTextContent("OWL-IT");
    // A merged provider takes in nothing and is not offered.
    expect(table).not.toHaveTextContent("krz");
    const owl = await screen.findByRole("spinbutton", {
      name: "Projektkapazität OWL-IT (Wechsel je Jahr)",
    });
    await user.type(owl, "12");
    api.respond({ method: "POST", path: "/api/scenarios", status: 201, body: stored });
    await user.click(screen.getByRole("button", { name: "Speichern" }));
    expect(await screen.findByText("Gespeichert")).toBeInTheDocument();
    const post = api.requests.find((request) => request.method === "POST");
    const body = post?.body as { definition: typeof definition };
    expect(body.definition.constraints.providerProjectCapacity).toEqual([
      { providerId: "owl-it", migrationsPerYear: 12 },
    ]);
  });

  it("prefills a new scenario with the landscape's cost curves and takes them over again on request", async () => {
    const fitted: ScenarioCostCurve = {
      domainId: "einwohnerwesen",
      fixedCost: 3232.4,
      segments: [
        { upTo: 17245, costPerUnit: 0.59 },
        { upTo: null, costPerUnit: 0.46 },
      ],
      source: { kind: "fit", asOf: "2026-01-01", rSquared: 0.9834, points: 124, demo: true },
    };
    const base = defaultScenarioDefinition("2026-01-01");
    api.respond({
      path: "/api/scenarios/defaults",
      body: {
        definition: { ...base, costs: { ...base.costs, costCurves: [fitted] } },
        confidentialHidden: false,
      },
    });
    const user = userEvent.setup();
    renderWithProviders(
      <Routes>
        <Route path="/szenarien/neu" element={<ScenarioFormPage />} />
        <Route path="/szenarien/:id" element={<p>Gespeichert</p>} />
      </Routes>,
      { route: "/szenarien/neu" },
    );
    const table = await screen.findByRole("table", {
      name: "Kostenkurven je Leistungsbereich (Demodaten (synthetisch))",
    });
    const row = within(table).getByRole("row", { name: /Einwohnerwesen/ });
    expect(row).toHaveTextContent("0,59 € bis 17.245; darüber 0,46 €");
    expect(row).toHaveTextContent("0,983");
    expect(row).toHaveTextContent("Landkarte vom 01.01.2026, Demodaten (synthetisch)");
    expect(screen.getByLabelText("Fixkosten je Jahr Einwohnerwesen (€)")).toHaveValue("3232");

    await user.click(screen.getByRole("button", { name: "Kurve für Einwohnerwesen entfernen" }));
    expect(screen.queryByRole("table", { name: /Kostenkurven/ })).not.toBeInTheDocument();
    await user.click(
      screen.getByRole("button", { name: "Kostenkurven aus der Landkarte übernehmen" }),
    );
    expect(await screen.findByRole("table", { name: /Kostenkurven/ })).toBeInTheDocument();
    const calls = api.requests.filter(
      (request) => request.url.pathname === "/api/scenarios/defaults",
    );
    expect(calls).toHaveLength(2);
    expect(calls[1]?.url.searchParams.get("baseDate")).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await user.type(screen.getByLabelText("Name"), "Mit Kostenkurven");
    api.respond({ method: "POST", path: "/api/scenarios", status: 201, body: stored });
    await user.click(screen.getByRole("button", { name: "Speichern" }));
    expect(await screen.findByText("Gespeichert")).toBeInTheDocument();
    const post = api.requests.find((request) => request.method === "POST");
    // Taken over unchanged: the fitted fixed cost stays exact, not the rounded display.
    expect((post?.body as { definition: typeof definition }).definition.costs.costCurves).toEqual([
      fitted,
    ]);
  });

  it("shows a scenario's project capacities and cost curves in its definition", async () => {
    const withLimits = {
      ...stored,
      definition: {
        ...definition,
        costs: {
          ...definition.costs,
          costCurves: [
            {
              domainId: "einwohnerwesen",
              fixedCost: 3000,
              segments: [{ upTo: null, costPerUnit: 0.5 }],
              source: {
                kind: "fit",
                asOf: "2026-01-01",
                rSquared: 0.98,
                points: 100,
                demo: true,
              },
            },
          ],
        },
        constraints: {
          ...definition.constraints,
          providerProjectCapacity: [{ providerId: "owl-it", migrationsPerYear: 12 }],
        },
      },
    };
    api.respond({ path: "/api/scenarios/5", body: withLimits });
    api.respond({ path: "/api/scenarios/5/results/latest", status: 404, body: {} });
    api.respond({ path: "/api/scenarios/5/pareto", status: 404, body: {} });
    api.respond({ path: "/api/comments", body: { items: [] } });
    api.respond({
      path: "/api/providers",
      body: { total: 1, items: [{ id: "owl-it", shortName: "OWL-IT", status: "active" }] },
    });
    renderWithProviders(
      <Routes>
        <Route path="/szenarien/:id" element={<ScenarioDetailPage />} />
      </Routes>,
      { route: "/szenarien/5" },
    );
    const capacity = await screen.findByText("Projektkapazität je Anbieter");
    await waitFor(() =>
      expect(capacity.nextElementSibling).toHaveTextContent("OWL-IT: 12 Wechsel je Jahr"),
    );
    expect(screen.getByText("Kostenkurven").nextElementSibling).toHaveTextContent(
      "1 Leistungsbereich (Demodaten (synthetisch))",
    );
  });

  it("shows German messages instead of saving an invalid form", async () => {
    const user = userEvent.setup();
    renderWithProviders(<ScenarioFormPage />, { route: "/szenarien/neu" });
    await user.clear(screen.getByLabelText("Planungszeitraum (Jahre)"));
    await user.type(screen.getByLabelText("Planungszeitraum (Jahre)"), "0");
    await user.click(screen.getByRole("button", { name: "Speichern" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Bitte einen Namen angeben.");
    expect(alert).toHaveTextContent("Der Planungszeitraum beträgt mindestens ein Jahr.");
    expect(api.requests.some((request) => request.method === "POST")).toBe(false);
  });
});
