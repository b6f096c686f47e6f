import { fakeApi as api } from "../sourcing/fakeApi.testing.ts";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { answerSession, buildRole, buildUser } from "../auth/buildUser.testing.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { KommuneAnswerPage, TokenAnswerPage } from "./AnswerPages.tsx";
import { buildQuestionnaire } from "./buildQuestionnaire.testing.ts";

const RESPONSE = "/api/campaigns/3/responses/05766016";

beforeEach(() => {
  answerSession(
    buildUser({ roles: [buildRole("kommune_bearbeiter", { organisationKey: "05766016" })] }),
  );
  api.respond({
    path: "/api/domains",
    body: { items: [{ id: "einwohnerwesen", name: "Einwohnerwesen", isGroup: false }] },
  });
});

describe("delegating a section of the questionnaire", () => {
  it("lets the Kommune's team delegate a section and shows to whom", async () => {
    api.respond({ path: RESPONSE, body: buildQuestionnaire() });
    api.respond({
      method: "PUT",
      path: `${RESPONSE}/delegations`,
      body: { section: "einwohnerwesen", delegate: "Frau Kluge (Bürgerbüro)" },
    });
    renderWithProviders(
      <Routes>
        <Route path="/bedarfserhebung/:campaignId/kommunen/:ags" element={<KommuneAnswerPage />} />
      </Routes>,
      { route: "/bedarfserhebung/3/kommunen/05766016" },
    );
    const user = userEvent.setup();
    const section = await screen.findByRole("region", { name: "Einwohnerwesen" });
    await user.click(within(section).getByRole("button", { name: /Abschnitt delegieren/ }));
    api.respond({
      path: RESPONSE,
      body: buildQuestionnaire({
        delegations: [{ section: "einwohnerwesen", delegate: "Frau Kluge (Bürgerbüro)" }],
      }),
    });
    await user.type(
      within(section).getByLabelText(/Kollegin oder Kollege/),
      "Frau Kluge (Bürgerbüro)",
    );
    await user.click(within(section).getByRole("button", { name: "Delegieren" }));
    await waitFor(() =>
      expect(api.requests.find((request) => request.method === "PUT")?.body).toEqual({
        section: "einwohnerwesen",
        delegate: "Frau Kluge (Bürgerbüro)",
      }),
    );
    expect(await within(section).findByText("Frau Kluge (Bürgerbüro)")).toBeVisible();
    expect(within(section).getByRole("button", { name: /Delegation ändern/ })).toBeVisible();
  });

  it("shows delegations to people answering through a link, without offering to delegate", async () => {
    api.respond({
      path: "/api/survey/token",
      body: buildQuestionnaire({
        delegations: [{ section: "einwohnerwesen", delegate: "Frau Kluge" }],
      }),
    });
    renderWithProviders(
      <Routes>
        <Route path="/erhebung" element={<TokenAnswerPage />} />
      </Routes>,
      { route: `/erhebung?token=${"a".repeat(43)}` },
    );
    const section = await screen.findByRole("region", { name: "Einwohnerwesen" });
    expect(within(section).getByText("Frau Kluge")).toBeVisible();
    expect(screen.queryByRole("button", { name: /delegieren/i })).toBeNull();
  });
});
