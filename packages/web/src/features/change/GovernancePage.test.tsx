import { fakeApi as api } from "../sourcing/fakeApi.testing.ts";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { answerSession, buildRole, buildUser } from "../auth/buildUser.testing.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { buildMeasure } from "./buildMeasure.testing.ts";
import { GovernancePage } from "./GovernancePage.tsx";

beforeEach(() => {
  api.respond({
    path: "/api/governance/bodies",
    body: {
      items: [
        {
          id: 2,
          name: "Lenkungskreis IT-Konsolidierung",
          kind: "lenkungskreis",
          description: null,
          decisionCount: 0,
        },
      ],
    },
  });
  api.respond({ path: "/api/governance/decisions", body: { items: [] } });
  api.respond({ path: "/api/measures", body: { total: 1, items: [buildMeasure({ id: 5 })] } });
});

describe("Gremien & Beschlüsse", () => {
  it("records a Lenkungskreis decision linked to a measure and a scenario", async () => {
    answerSession(buildUser({ roles: [buildRole("kdn_analyst")] }));
    const user = userEvent.setup();
    renderWithProviders(<GovernancePage />, { route: "/gremien" });
    await user.click(await screen.findByRole("button", { name: "Beschluss speichern" }));
    expect(screen.getByText("Bitte ein Gremium wählen.")).toBeInTheDocument();
    expect(api.requests.some((request) => request.method === "POST")).toBe(false);

    await user.selectOptions(screen.getByLabelText("Gremium"), "2");
    await user.type(screen.getByLabelText("Datum des Beschlusses"), "2027-03-01");
    await user.type(screen.getByLabelText("Titel des Beschlusses"), "Welle 1 freigegeben");
    await user.type(screen.getByLabelText(/^Dokument/), "LK 03/2027, TOP 4");
    await user.click(screen.getByLabelText("Wechsel Einwohnerwesen zu regio iT – Welle 1"));
    await user.type(screen.getByLabelText(/^Betroffene Szenarien/), "s-1");
    api.respond({
      method: "POST",
      path: "/api/governance/decisions",
      status: 201,
      body: {
        id: 9,
        bodyId: 2,
        bodyName: "Lenkungskreis IT-Konsolidierung",
        decidedOn: "2027-03-01",
        title: "Welle 1 freigegeben",
        text: null,
        documentReference: "LK 03/2027, TOP 4",
        measures: [{ id: 5, title: "Wechsel Einwohnerwesen zu regio iT – Welle 1" }],
        scenarioIds: ["s-1"],
        createdBy: "analyse@kdn.example.org",
      },
    });
    await user.click(screen.getByRole("button", { name: "Beschluss speichern" }));
    expect(await screen.findByText("Beschluss „Welle 1 freigegeben“ erfasst.")).toBeInTheDocument();
    const post = api.requests.find((request) => request.method === "POST");
    expect(post?.body).toEqual({
      bodyId: 2,
      decidedOn: "2027-03-01",
      title: "Welle 1 freigegeben",
      text: null,
      documentReference: "LK 03/2027, TOP 4",
      measureIds: [5],
      scenarioIds: ["s-1"],
    });
  });

  it("names a decision's scenario, not its id (issue 16, defect 10)", async () => {
    answerSession(buildUser());
    api.respond({
      path: "/api/governance/decisions",
      body: {
        items: [
          {
            id: 9,
            bodyId: 2,
            bodyName: "Lenkungskreis IT-Konsolidierung",
            decidedOn: "2027-03-01",
            title: "Welle 1 freigegeben",
            text: null,
            documentReference: null,
            measures: [],
            scenarioIds: ["7"],
            createdBy: "analyse@kdn.example.org",
          },
        ],
      },
    });
    api.respond({
      path: "/api/scenarios",
      body: { items: [{ id: 7, name: "Spezialisierung Einwohnerwesen" }] },
    });
    renderWithProviders(<GovernancePage />, { route: "/gremien" });
    expect(
      await screen.findByRole("link", { name: "Szenario „Spezialisierung Einwohnerwesen“" }),
    ).toHaveAttribute("href", "/szenarien/7");
  });

  it("shows readers the decisions but no form", async () => {
    answerSession(buildUser());
    renderWithProviders(<GovernancePage />, { route: "/gremien" });
    expect(await screen.findByText("Noch kein Beschluss erfasst.")).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Beschluss erfassen" })).toBeNull();
  });
});
