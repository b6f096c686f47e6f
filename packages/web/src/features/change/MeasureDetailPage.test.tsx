import { fakeApi as api } from "../sourcing/fakeApi.testing.ts";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { answerSession, buildRole, buildUser } from "../auth/buildUser.testing.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { buildMeasure } from "./buildMeasure.testing.ts";
import { MeasureDetailPage } from "./MeasureDetailPage.tsx";

const measure = buildMeasure({
  id: 4,
  blocked: true,
  dependsOn: [{ id: 3, title: "Rechenzentrum vorbereiten", status: "in_arbeit" }],
  milestones: [{ id: 8, measureId: 4, title: "Testmigration", dueDate: "2027-03-31", done: false }],
});

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/massnahmen/:id" element={<MeasureDetailPage />} />
    </Routes>,
    { route: "/massnahmen/4" },
  );
}

beforeEach(() => {
  api.respond({ path: "/api/measures/4", body: measure });
  api.respond({
    path: "/api/measures",
    body: {
      total: 2,
      items: [measure, buildMeasure({ id: 3, title: "Rechenzentrum vorbereiten" })],
    },
  });
  api.respond({ path: "/api/governance/decisions", body: { items: [] } });
  api.respond({ path: "/api/comments", body: { items: [] } });
  api.respond({ path: "/api/domains", body: { items: [] } });
  api.respond({ path: "/api/providers", body: { total: 0, items: [] } });
  api.respond({
    path: "/api/measures/assignable-users",
    body: { items: [{ id: 11, name: "Ben Kaya" }] },
  });
});

describe("measure detail", () => {
  it("shows why a measure is blocked and lets an analyst mark a milestone reached", async () => {
    answerSession(buildUser({ roles: [buildRole("kdn_analyst")] }));
    const user = userEvent.setup();
    renderPage();
    await screen.findByRole("heading", { level: 1, name: measure.title });
    expect(screen.getAllByText("blockiert").length).toBeGreaterThan(0);
    const dependencies = screen.getByRole("region", { name: "Abhängigkeiten" });
    expect(
      within(dependencies).getByRole("link", { name: "Rechenzentrum vorbereiten" }),
    ).toBeInTheDocument();
    expect(dependencies).toHaveTextContent("in Arbeit");
    // The hint speaks of dependency cycles, not of Kreise (districts).
    expect(await screen.findByLabelText("Hängt ab von")).toHaveAccessibleDescription(/Zirkelbezug/);
    expect(dependencies).not.toHaveTextContent("Kreise");

    api.respond({
      method: "PUT",
      path: "/api/measures/4/milestones/8",
      body: { id: 8, measureId: 4, title: "Testmigration", dueDate: "2027-03-31", done: true },
    });
    await user.click(await screen.findByLabelText("Testmigration erreicht"));
    const put = api.requests.find((request) => request.method === "PUT");
    expect(put?.body).toEqual({ title: "Testmigration", dueDate: "2027-03-31", done: true });
  });

  it("edits the owner and sends the whole measure back", async () => {
    answerSession(buildUser({ roles: [buildRole("kdn_analyst")] }));
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole("button", { name: "Bearbeiten" }));
    await screen.findByRole("option", { name: "Ben Kaya" });
    await user.selectOptions(screen.getByLabelText(/^Verantwortlich/), "11");
    api.respond({
      method: "PUT",
      path: "/api/measures/4",
      body: { ...measure, owner: { id: 11, name: "Ben Kaya" } },
    });
    await user.click(screen.getByRole("button", { name: "Änderungen speichern" }));
    expect(await screen.findByText("Änderungen gespeichert.")).toBeInTheDocument();
    const put = api.requests.find((request) => request.method === "PUT");
    expect(put?.body).toMatchObject({
      title: measure.title,
      ownerUserId: 11,
      kommuneKeys: ["05766020"],
      domainIds: ["einwohnerwesen"],
      oneOffCost: 40000,
    });
  });

  it("lets a reader comment with an @mention but not edit", async () => {
    answerSession(buildUser());
    const user = userEvent.setup();
    renderPage();
    await screen.findByRole("heading", { level: 1, name: measure.title });
    await user.type(
      await screen.findByLabelText("Neuer Kommentar"),
      "@ben@kdn.example.org bitte prüfen",
    );
    // The session has loaded (the comment form shows): a reader still gets no editing.
    expect(screen.queryByRole("button", { name: "Bearbeiten" })).toBeNull();
    expect(screen.queryByLabelText("Neuer Meilenstein")).toBeNull();
    api.respond({
      method: "POST",
      path: "/api/comments",
      status: 201,
      body: {
        comment: {
          id: 1,
          targetType: "measure",
          targetId: "4",
          authorName: "Erika Muster",
          body: "@ben@kdn.example.org bitte prüfen",
          createdAt: "2026-11-27T08:00:00Z",
        },
        mentioned: [{ id: 11, name: "Ben Kaya" }],
      },
    });
    await user.click(screen.getByRole("button", { name: "Kommentar speichern" }));
    expect(
      await screen.findByText("Kommentar gespeichert. Benachrichtigt: Ben Kaya."),
    ).toBeInTheDocument();
    expect(api.requests.find((request) => request.method === "POST")?.body).toEqual({
      targetType: "measure",
      targetId: "4",
      body: "@ben@kdn.example.org bitte prüfen",
    });
  });
});
