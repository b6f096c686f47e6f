import { fakeApi as api } from "../sourcing/fakeApi.testing.ts";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { answerSession, buildRole, buildUser } from "../auth/buildUser.testing.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { KpiPage } from "./KpiPage.tsx";

function figures(ozgCoverage: number) {
  return {
    kommunen: 17,
    population: 348030,
    providers: 3,
    fragmentationIndex: 0.25,
    runningCost: 1_200_000,
    investmentCost: 90_000,
    costDemo: true,
    costHidden: false,
    ozgResponsible: 100,
    ozgOnline: Math.round(ozgCoverage * 100),
    ozgCoverage,
    surveyResponses: 0,
    surveyCompleted: 0,
    surveyCompletion: null,
    measuresTotal: null,
    measuresOnTime: null,
    measuresOnTimeShare: null,
  };
}

beforeEach(() => {
  answerSession(buildUser({ roles: [buildRole("kdn_analyst")] }));
  api.respond({
    path: "/api/kpi/current",
    body: { items: [{ level: "kreis", key: "05766", name: "Kreis Lippe", figures: figures(0.1) }] },
  });
  api.respond({
    path: "/api/kpi/snapshots",
    body: {
      level: "kreis",
      key: "05766",
      name: "Kreis Lippe",
      points: [
        {
          snapshotId: 1,
          takenAt: "2026-10-01T08:00:00Z",
          trigger: "periodic",
          figures: figures(0.08),
        },
        {
          snapshotId: 2,
          takenAt: "2026-11-01T08:00:00Z",
          trigger: "on_demand",
          figures: figures(0.1),
        },
      ],
    },
  });
  api.respond({ method: "POST", path: "/api/kpi/snapshots", body: { id: 3, scopes: 486 } });
});

function renderPage() {
  renderWithProviders(
    <Routes>
      <Route path="/kennzahlen" element={<KpiPage />} />
    </Routes>,
    { route: "/kennzahlen?ebene=kreis&gebiet=05766" },
  );
}

describe("Kennzahlen page", () => {
  it("shows the current figures in German format, labels demo costs and charts every snapshot", async () => {
    renderPage();
    const current = await screen.findByRole("table", { name: "Aktuelle Kennzahlen – Kreis Lippe" });
    expect(within(current).getByRole("row", { name: /Einwohner/ })).toHaveTextContent("348.030");
    expect(within(current).getByRole("row", { name: /Laufende Kosten/ })).toHaveTextContent(
      "Demodaten (synthetisch)",
    );
    const series = await screen.findByRole("table", { name: /Kennzahlen je Erfassung/ });
    const rows = within(series).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("8");
    expect(rows[1]).toHaveTextContent("10");
  });

  it("takes a snapshot on demand and says how many areas it recorded", async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole("button", { name: "Jetzt erfassen" }));
    await waitFor(() =>
      expect(screen.getByText(/Kennzahlen erfasst \(486 Gebiete/)).toBeInTheDocument(),
    );
    expect(api.requests.some((request) => request.method === "POST")).toBe(true);
  });

  it("offers no snapshot button to readers", async () => {
    answerSession(buildUser({ roles: [buildRole("leser")] }));
    renderPage();
    await screen.findByRole("table", { name: "Aktuelle Kennzahlen – Kreis Lippe" });
    expect(screen.queryByRole("button", { name: "Jetzt erfassen" })).toBeNull();
  });
});
