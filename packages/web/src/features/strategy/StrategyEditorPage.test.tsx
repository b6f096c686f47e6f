import { fakeApi as api } from "../sourcing/fakeApi.testing.ts";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { answerSession, buildRole, buildUser } from "../auth/buildUser.testing.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { StrategyEditorPage } from "./StrategyEditorPage.tsx";

const AGS = "05766016";

beforeEach(() => {
  answerSession(buildUser({ roles: [buildRole("kommune_bearbeiter", { organisationKey: AGS })] }));
  api.respond({
    path: "/api/domains",
    body: {
      items: [
        { id: "einwohnerwesen", name: "Einwohnerwesen", isGroup: false },
        { id: "finanzwesen", name: "Finanzwesen", isGroup: false },
      ],
    },
  });
  api.respond({ path: "/api/providers", body: { total: 0, items: [] } });
  api.respond({
    path: `/api/organisations/${AGS}`,
    status: 404,
    body: { status: 404, code: "x", title: "x", detail: "x" },
  });
  api.respond({ path: `/api/organisations/${AGS}/strategies`, body: { items: [], findings: [] } });
  api.respond({
    path: `/api/organisations/${AGS}/strategy/suggestions`,
    body: {
      campaignTitle: "Lippe 2026",
      domainIds: ["einwohnerwesen", "finanzwesen"],
      items: [
        {
          domainId: "einwohnerwesen",
          targetModel: "vor_ort",
          providerId: null,
          vorOrtRequired: true,
          reasons: ["Gewünschtes Betriebsmodell laut Bedarfserhebung."],
          demo: false,
          quality: "ohne Demodaten",
        },
        {
          domainId: "finanzwesen",
          targetModel: "vor_ort",
          providerId: null,
          vorOrtRequired: false,
          reasons: ["Heutiger Betrieb laut Landkarte (Demodaten (synthetisch))."],
          demo: true,
          quality: "Demodaten (synthetisch)",
        },
      ],
    },
  });
});

describe("strategy editor", () => {
  it("marks a suggestion that rests on demo values with the label, and only that one", async () => {
    renderWithProviders(
      <Routes>
        <Route path="/kommunen/:ags/strategie" element={<StrategyEditorPage />} />
      </Routes>,
      { route: `/kommunen/${AGS}/strategie` },
    );
    const demoRow = await screen.findByRole("region", { name: "Finanzwesen" });
    expect(within(demoRow).getByText("Demodaten (synthetisch)")).toBeInTheDocument();
    const ownRow = screen.getByRole("region", { name: "Einwohnerwesen" });
    expect(within(ownRow).queryByText("Demodaten (synthetisch)")).toBeNull();
  });

  it("fills a row from the suggestion with one click and saves it, showing the checks beside the row", async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <Routes>
        <Route path="/kommunen/:ags/strategie" element={<StrategyEditorPage />} />
      </Routes>,
      { route: `/kommunen/${AGS}/strategie` },
    );
    const row = await screen.findByRole("region", { name: "Einwohnerwesen" });
    expect(
      within(row)
        .getByText(/Vorschlag:/)
        .closest("p"),
    ).toHaveTextContent(
      "Vorschlag: Vor Ort (eigener Betrieb), vor Ort notwendig. Gewünschtes Betriebsmodell laut Bedarfserhebung.",
    );
    expect(within(row).getByLabelText("Zielbetriebsmodell (Einwohnerwesen)")).toHaveValue("");
    await user.click(
      within(row).getByRole("button", { name: /^Vorschlag übernehmen ?\(Einwohnerwesen\)$/ }),
    );
    expect(within(row).getByLabelText("Zielbetriebsmodell (Einwohnerwesen)")).toHaveValue(
      "vor_ort",
    );
    expect(within(row).getByLabelText("Vor Ort notwendig (Einwohnerwesen)")).toBeChecked();
    expect(within(row).getByLabelText("Begründung (Einwohnerwesen)")).toHaveValue(
      "Gewünschtes Betriebsmodell laut Bedarfserhebung.",
    );
    await user.type(within(row).getByLabelText("Zieljahr (Einwohnerwesen)"), "2028");

    api.respond({
      method: "PUT",
      path: `/api/organisations/${AGS}/strategy/draft`,
      body: {
        strategy: {
          id: 1,
          organisationKey: AGS,
          organisationName: "Blomberg",
          version: 1,
          status: "draft",
          councilDecisionDate: null,
          updatedAt: "2026-05-01T10:00:00Z",
          updatedBy: "test",
          decisions: [],
        },
        findings: [
          {
            domainId: "einwohnerwesen",
            severity: "warning",
            code: "w1",
            message: "Kein Zieljahr in Reichweite.",
          },
        ],
      },
    });
    await user.click(screen.getByRole("button", { name: "Entwurf speichern" }));
    expect(await within(row).findByText("Kein Zieljahr in Reichweite.")).toBeInTheDocument();
    const put = api.requests.find((request) => request.method === "PUT");
    expect(put?.body).toEqual({
      decisions: [
        {
          domainId: "einwohnerwesen",
          targetModel: "vor_ort",
          providerId: null,
          vorOrtRequired: true,
          rationale: "Gewünschtes Betriebsmodell laut Bedarfserhebung.",
          priority: 2,
          targetYear: 2028,
        },
      ],
    });
  });
});
