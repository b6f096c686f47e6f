import { fakeApi as api } from "../sourcing/fakeApi.testing.ts";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { answerSession, buildRole, buildUser } from "../auth/buildUser.testing.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { ExpertDirectory } from "./ExpertDirectory.tsx";

const AGS = "05766020";
const EXPERT = {
  id: 7,
  organisationKey: AGS,
  role: "it_leitung",
  domainId: null,
  domainName: null,
  name: "Max Beispiel",
  function: "Leitung IT",
  email: "it@example.org",
  phone: null,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
};

beforeEach(() => {
  answerSession(buildUser({ roles: [buildRole("kommune_bearbeiter", { organisationKey: AGS })] }));
  api.respond({ path: "/api/domains", body: { items: [] } });
  api.respond({
    path: `/api/organisations/${AGS}/experts`,
    body: { purpose: "Zweck: Ansprechpersonen", items: [EXPERT] },
  });
  api.respond({
    method: "POST",
    path: `/api/organisations/${AGS}/experts`,
    status: 201,
    body: EXPERT,
  });
  api.respond({
    method: "DELETE",
    path: `/api/organisations/${AGS}/experts/7`,
    status: 204,
    body: null,
  });
});

describe("Expertenverzeichnis", () => {
  it("states the purpose and lets the Kommune's editor delete an entry", async () => {
    const user = userEvent.setup();
    renderWithProviders(<ExpertDirectory ags={AGS} name="Detmold" />);
    expect(await screen.findByText(/Zweck:/)).toBeInTheDocument();
    const table = await screen.findByRole("table", { name: "Ansprechpersonen von Detmold" });
    await user.click(within(table).getByRole("button", { name: "Löschen (Max Beispiel)" }));
    await waitFor(() =>
      expect(
        api.requests.some(
          (request) => request.method === "DELETE" && request.url.pathname.endsWith("/experts/7"),
        ),
      ).toBe(true),
    );
    expect(await screen.findByText("Eintrag Max Beispiel gelöscht.")).toBeInTheDocument();
  });

  it("adds an entry with minimal data", async () => {
    const user = userEvent.setup();
    renderWithProviders(<ExpertDirectory ags={AGS} name="Detmold" />);
    const form = await screen.findByRole("form", { name: "Eintrag für Detmold hinzufügen" });
    await user.type(within(form).getByLabelText("Name"), "Erika Muster");
    await user.type(within(form).getByLabelText("Funktion"), "Digitalisierung");
    await user.type(within(form).getByLabelText("Dienstliche E-Mail"), "e@example.org");
    await user.click(within(form).getByRole("button", { name: "Hinzufügen" }));
    await waitFor(() =>
      expect(api.requests.find((request) => request.method === "POST")?.body).toEqual({
        role: "it_leitung",
        domainId: null,
        name: "Erika Muster",
        function: "Digitalisierung",
        email: "e@example.org",
        phone: null,
      }),
    );
  });

  it("changes an entry in the same form", async () => {
    const user = userEvent.setup();
    api.respond({ method: "PUT", path: `/api/organisations/${AGS}/experts/7`, body: EXPERT });
    renderWithProviders(<ExpertDirectory ags={AGS} name="Detmold" />);
    await user.click(await screen.findByRole("button", { name: "Ändern (Max Beispiel)" }));
    const form = screen.getByRole("form", { name: "Eintrag Max Beispiel ändern" });
    const field = within(form).getByLabelText("Funktion");
    expect(field).toHaveValue("Leitung IT");
    await user.clear(field);
    await user.type(field, "CIO");
    await user.click(within(form).getByRole("button", { name: "Änderung speichern" }));
    await waitFor(() =>
      expect(api.requests.find((request) => request.method === "PUT")?.body).toMatchObject({
        role: "it_leitung",
        function: "CIO",
        email: "it@example.org",
      }),
    );
    expect(
      await screen.findByRole("form", { name: "Eintrag für Detmold hinzufügen" }),
    ).toBeVisible();
  });

  it("is not shown to other Kommunen", () => {
    answerSession(
      buildUser({ roles: [buildRole("kommune_bearbeiter", { organisationKey: "05766044" })] }),
    );
    renderWithProviders(<ExpertDirectory ags={AGS} name="Detmold" />);
    expect(screen.queryByRole("heading", { name: "Expertenverzeichnis" })).toBeNull();
  });
});
