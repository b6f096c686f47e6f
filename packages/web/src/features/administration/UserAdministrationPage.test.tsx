import { fakeApi } from "../sourcing/fakeApi.testing.ts";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { answerSession, buildRole, buildUser } from "../auth/buildUser.testing.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { UserAdministrationPage } from "./UserAdministrationPage.tsx";

const ADMIN = buildUser({
  id: 1,
  email: "admin@example.org",
  displayName: "Ada Admin",
  roles: [buildRole("administrator")],
});
const EDITOR = buildUser({
  id: 2,
  roles: [buildRole("kommune_bearbeiter", { organisationKey: "05766020" })],
});
const INVITED = buildUser({
  id: 3,
  email: "olaf.it@owl-it.de",
  displayName: "Olaf IT",
  status: "invited",
  lastLoginAt: null,
  roles: [buildRole("dienstleister_bearbeiter", { providerId: "owl-it" })],
});

beforeEach(() => {
  answerSession(ADMIN);
  fakeApi.respond({ path: "/api/admin/users", body: { items: [ADMIN, EDITOR, INVITED] } });
  fakeApi.respond({
    path: "/api/providers",
    body: {
      total: 1,
      items: [
        {
          id: "owl-it",
          shortName: "OWL-IT",
          name: "Ostwestfalen-Lippe-IT",
          kind: "kommunal",
          legalForm: null,
          seat: "Lemgo",
          status: "active",
          successor: null,
          memberCount: 3,
        },
      ],
    },
  });
  fakeApi.respond({
    path: "/api/organisations/05766020",
    body: { key: "05766020", name: "Detmold" },
  });
});

describe("UserAdministrationPage", () => {
  it("lists accounts with status in words and roles with the names of their scopes", async () => {
    renderWithProviders(<UserAdministrationPage />);

    const editor = await screen.findByRole("row", { name: /erika\.muster@detmold\.de/ });
    expect(within(editor).getByText("aktiv")).toBeInTheDocument();
    expect(
      await within(editor).findByText("Kommune-Bearbeiter: Detmold (05766020)"),
    ).toBeInTheDocument();
    const invited = screen.getByRole("row", { name: /olaf\.it@owl-it\.de/ });
    expect(within(invited).getByText("eingeladen")).toBeInTheDocument();
    expect(within(invited).getByText("noch nie")).toBeInTheDocument();
    expect(
      await within(invited).findByText("Dienstleister-Bearbeiter: OWL-IT"),
    ).toBeInTheDocument();
  });

  it("invites a person and shows the invitation link once", async () => {
    fakeApi.respond({
      method: "POST",
      path: "/api/admin/users",
      body: {
        user: buildUser({
          id: 9,
          email: "neu@lemgo.de",
          displayName: "Nina Neu",
          status: "invited",
        }),
        invitationUrl: "http://localhost/einladung?token=geheim-1234567890",
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<UserAdministrationPage />);

    const form = await screen.findByRole("form", { name: "Person einladen" });
    await user.type(within(form).getByLabelText(/^E-Mail-Adresse/), "neu@lemgo.de");
    await user.type(within(form).getByLabelText(/^Name/), "Nina Neu");
    await user.selectOptions(within(form).getByLabelText(/^Rolle/), "dienstleister_bearbeiter");
    await user.selectOptions(within(form).getByLabelText("IT-Dienstleister"), "owl-it");
    await user.click(within(form).getByRole("button", { name: "Person einladen" }));

    expect(await screen.findByRole("heading", { name: "Nina Neu eingeladen" })).toHaveFocus();
    expect(screen.getByLabelText("Einladungslink für neu@lemgo.de")).toHaveValue(
      "http://localhost/einladung?token=geheim-1234567890",
    );
    expect(fakeApi.requests.find((request) => request.method === "POST")?.body).toEqual({
      email: "neu@lemgo.de",
      displayName: "Nina Neu",
      roles: [{ role: "dienstleister_bearbeiter", organisationKey: null, providerId: "owl-it" }],
    });
  });

  it("shows the server's message at the role's Kommune field", async () => {
    fakeApi.respond({
      method: "POST",
      path: "/api/admin/users",
      status: 400,
      body: {
        status: 400,
        code: "invalid_request",
        title: "Ungültige Anfrage",
        detail: "Anfragetext ungültig",
        errors: [
          {
            field: "roles.0.organisationKey",
            message: "Ein Kommune-Bearbeiter braucht eine Kommune.",
          },
        ],
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<UserAdministrationPage />);

    const form = await screen.findByRole("form", { name: "Person einladen" });
    await user.selectOptions(within(form).getByLabelText(/^Rolle/), "kommune_bearbeiter");
    await user.click(within(form).getByRole("button", { name: "Person einladen" }));

    expect(
      await screen.findByRole("link", {
        name: "Rolle 1: Kommune: Ein Kommune-Bearbeiter braucht eine Kommune.",
      }),
    ).toBeInTheDocument();
    expect(within(form).getByLabelText(/^Kommune$/)).toHaveAccessibleDescription(
      /braucht eine Kommune/,
    );
  });

  it("deactivates an account only after confirmation and shows the last-administrator refusal", async () => {
    fakeApi.respond({
      method: "PUT",
      path: "/api/admin/users/1",
      status: 409,
      body: {
        status: 409,
        code: "last_administrator",
        title: "Konflikt",
        detail:
          "Das letzte aktive Administrator-Konto kann nicht entzogen oder deaktiviert werden.",
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<UserAdministrationPage />);

    await user.click(
      await screen.findByRole("button", { name: "Deaktivieren (admin@example.org)" }),
    );
    const dialog = screen.getByRole("dialog", { name: "Konto von Ada Admin deaktivieren?" });
    await user.click(within(dialog).getByRole("button", { name: "Ja, deaktivieren" }));

    await waitFor(() =>
      expect(within(dialog).getByRole("alert")).toHaveTextContent(
        "Das letzte aktive Administrator-Konto kann nicht entzogen oder deaktiviert werden.",
      ),
    );
    expect(fakeApi.requests.find((request) => request.method === "PUT")?.body).toEqual({
      status: "deactivated",
    });
  });

  it("tells a non-administrator what the server said", async () => {
    answerSession(buildUser());
    fakeApi.respond({
      path: "/api/admin/users",
      status: 403,
      body: {
        status: 403,
        code: "forbidden",
        title: "Keine Berechtigung",
        detail: "Dafür fehlt Ihnen die Berechtigung.",
      },
    });
    renderWithProviders(<UserAdministrationPage />);

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Dafür fehlt Ihnen die Berechtigung.",
    );
    expect(screen.queryByRole("form", { name: "Person einladen" })).toBeNull();
  });
});
