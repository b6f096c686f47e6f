import { fakeApi as api } from "../sourcing/fakeApi.testing.ts";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { answerSession, buildRole, buildUser } from "../auth/buildUser.testing.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { buildQuestionnaire } from "./buildQuestionnaire.testing.ts";
import { ReviewPage } from "./ReviewPage.tsx";

const BASE = "/api/campaigns/3/responses/05766016";
const submitted = buildQuestionnaire({
  answers: { ansprechperson: "Frau Kluge", "ew-betrieb": "eigenbetrieb", "ew-personal": 2 },
});
submitted.response = { ...submitted.response, status: "submitted", editable: false };

beforeEach(() => {
  answerSession(buildUser({ roles: [buildRole("kdn_analyst")] }));
  api.respond({
    path: "/api/domains",
    body: { items: [{ id: "einwohnerwesen", name: "Einwohnerwesen", isGroup: false }] },
  });
  api.respond({ path: BASE, body: submitted });
});

describe("review of submitted answers", () => {
  it("accepts, then applies to the landscape and reports what was applied and skipped", async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <Routes>
        <Route path="/bedarfserhebung/:campaignId/pruefung/:ags" element={<ReviewPage />} />
      </Routes>,
      { route: "/bedarfserhebung/3/pruefung/05766016" },
    );
    expect(await screen.findByText("Eigener Betrieb")).toBeInTheDocument();
    expect(screen.getByText("2 VZÄ")).toBeInTheDocument();

    api.respond({ method: "POST", path: `${BASE}/review`, body: { status: "accepted" } });
    api.respond({
      path: BASE,
      body: { ...submitted, response: { ...submitted.response, status: "accepted" } },
    });
    await user.click(screen.getByRole("button", { name: "Annehmen" }));
    const review = api.requests.find((request) => request.url.pathname === `${BASE}/review`);
    expect(review?.body).toEqual({ decision: "accept", comment: null });
    expect(review?.headers.get("x-csrf-token")).toBe("csrf-test-token");

    api.respond({
      method: "POST",
      path: `${BASE}/apply`,
      body: {
        applied: ["einwohnerwesen"],
        skipped: [{ domainId: "kfz-zulassung", reason: "Keine Angabe zum Betrieb." }],
      },
    });
    await user.click(await screen.findByRole("button", { name: "In die Landkarte übernehmen" }));
    expect(
      await screen.findByText("1 Leistungsbereich(e) übernommen, 1 übersprungen"),
    ).toBeInTheDocument();
    expect(screen.getByText("Übernommen: Einwohnerwesen")).toBeInTheDocument();
    expect(screen.getByText("kfz-zulassung: Keine Angabe zum Betrieb.")).toBeInTheDocument();
  });

  it("shows the server's message when returning without a comment", async () => {
    const user = userEvent.setup();
    api.respond({
      method: "POST",
      path: `${BASE}/review`,
      status: 400,
      body: {
        status: 400,
        code: "comment_required",
        title: "Ungültige Eingabe",
        detail: "Bitte begründen Sie die Rückgabe in einem Kommentar.",
      },
    });
    renderWithProviders(
      <Routes>
        <Route path="/bedarfserhebung/:campaignId/pruefung/:ags" element={<ReviewPage />} />
      </Routes>,
      { route: "/bedarfserhebung/3/pruefung/05766016" },
    );
    await user.click(await screen.findByRole("button", { name: "Mit Kommentar zurückgeben" }));
    expect(await screen.findByLabelText(/Kommentar an die Kommune/)).toHaveAccessibleDescription(
      /Bitte begründen Sie die Rückgabe/,
    );
  });
});
