import { fakeApi } from "../sourcing/fakeApi.testing.ts";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { csrfTokenStore } from "../../api/csrfTokenStore.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { InvitationPage } from "./InvitationPage.tsx";
import { PasswordResetPage } from "./PasswordResetPage.tsx";

const TOKEN = "einladung-1234567890";

beforeEach(() => {
  csrfTokenStore.set(null);
});

async function choose(password: string, repeat: string, button: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/^Neues Passwort/), password);
  await user.type(screen.getByLabelText("Passwort wiederholen"), repeat);
  await user.click(screen.getByRole("button", { name: button }));
}

describe("token link pages", () => {
  it("asks again when the two passwords differ, without asking the server", async () => {
    renderWithProviders(<InvitationPage />, { route: `/einladung?token=${TOKEN}` });
    await choose(
      "ein-langer-Satz-als-Passwort",
      "ein-langer-Satz-als-Passwor",
      "Einladung annehmen",
    );

    expect(screen.getByLabelText("Passwort wiederholen")).toHaveAccessibleDescription(
      /Die beiden Passwörter stimmen nicht überein/,
    );
    expect(fakeApi.requests).toHaveLength(0);
  });

  it("shows the server's password rule at the password field", async () => {
    fakeApi.respond({
      method: "POST",
      path: "/api/auth/invitation/accept",
      status: 400,
      body: {
        status: 400,
        code: "weak_password",
        title: "Ungültige Eingabe",
        detail: "Das Passwort muss mindestens 12 Zeichen lang sein.",
        errors: [{ field: "password", message: "mindestens 12 Zeichen" }],
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<InvitationPage />, { route: `/einladung?token=${TOKEN}` });
    await user.type(screen.getByLabelText(/^Ihr Name/), "Erika Muster");
    await choose("zu-kurz", "zu-kurz", "Einladung annehmen");

    expect(await screen.findByLabelText(/^Neues Passwort/)).toHaveAccessibleDescription(
      /mindestens 12 Zeichen/,
    );
    expect(
      screen.getByText("Das Passwort muss mindestens 12 Zeichen lang sein."),
    ).toBeInTheDocument();
    expect(fakeApi.requests[0]?.body).toEqual({
      token: TOKEN,
      password: "zu-kurz",
      displayName: "Erika Muster",
    });
  });

  it("reports a used or expired link as an alert instead of the form", async () => {
    fakeApi.respond({
      method: "POST",
      path: "/api/auth/password-reset/confirm",
      status: 400,
      body: {
        status: 400,
        code: "invalid_link",
        title: "Ungültige Eingabe",
        detail: "Der Link ist ungültig, abgelaufen oder wurde schon benutzt.",
      },
    });
    renderWithProviders(<PasswordResetPage />, {
      route: `/passwort-zuruecksetzen?token=${TOKEN}`,
    });
    await choose(
      "ein-langer-Satz-als-Passwort",
      "ein-langer-Satz-als-Passwort",
      "Passwort speichern",
    );

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Der Link ist ungültig, abgelaufen oder wurde schon benutzt.");
    expect(screen.queryByLabelText(/^Neues Passwort/)).toBeNull();
  });

  it("links to the sign-in after the password is set", async () => {
    fakeApi.respond({
      method: "POST",
      path: "/api/auth/password-reset/confirm",
      status: 204,
      body: null,
    });
    fakeApi.respond({ path: "/api/auth/session", body: { user: null, csrfToken: null } });
    renderWithProviders(<PasswordResetPage />, {
      route: `/passwort-zuruecksetzen?token=${TOKEN}`,
    });
    await choose(
      "ein-langer-Satz-als-Passwort",
      "ein-langer-Satz-als-Passwort",
      "Passwort speichern",
    );

    expect(await screen.findByRole("heading", { name: "Passwort geändert" })).toHaveFocus();
    expect(screen.getByRole("link", { name: "Zur Anmeldung" })).toHaveAttribute(
      "href",
      "/anmelden",
    );
  });

  it("says so when the link has no token", () => {
    renderWithProviders(<InvitationPage />, { route: "/einladung" });

    expect(screen.getByRole("alert")).toHaveTextContent("Der Link ist unvollständig.");
  });
});
