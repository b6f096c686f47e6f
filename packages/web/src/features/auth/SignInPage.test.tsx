import { fakeApi } from "../sourcing/fakeApi.testing.ts";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { Route, Routes } from "react-router";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { answerSession, buildUser } from "./buildUser.testing.ts";
import { SignInPage } from "./SignInPage.tsx";

function renderSignIn(route = "/anmelden") {
  renderWithProviders(
    <Routes>
      <Route path="/anmelden" element={<SignInPage />} />
      <Route path="/landkarte" element={<p>Landkarte geöffnet</p>} />
      <Route path="/" element={<p>Startseite</p>} />
      <Route path="/konto/zwei-faktor" element={<p>Einrichtung Zwei-Faktor</p>} />
    </Routes>,
    { route },
  );
}

async function signIn(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText("E-Mail-Adresse"), email);
  await user.type(screen.getByLabelText("Passwort"), password);
  await user.click(screen.getByRole("button", { name: "Anmelden" }));
}

beforeEach(() => {
  answerSession(null);
});

describe("SignInPage", () => {
  it("shows the server's German message when e-mail or password is wrong", async () => {
    fakeApi.respond({
      method: "POST",
      path: "/api/auth/login",
      status: 400,
      body: {
        type: "urn:it-atlas:problem:invalid_credentials",
        status: 400,
        code: "invalid_credentials",
        title: "Ungültige Eingabe",
        detail: "E-Mail-Adresse oder Passwort ist falsch.",
      },
    });
    renderSignIn();
    await signIn("erika.muster@detmold.de", "falsches-passwort");

    const summary = await screen.findByRole("heading", { name: "Anmeldung nicht möglich" });
    expect(summary.closest(".atlas-error-summary")).toHaveFocus();
    expect(screen.getByText("E-Mail-Adresse oder Passwort ist falsch.")).toBeInTheDocument();
    expect(screen.getByLabelText("Passwort")).toHaveValue("");
    expect(fakeApi.requests.find((request) => request.method === "POST")?.body).toEqual({
      email: "erika.muster@detmold.de",
      password: "falsches-passwort",
    });
  });

  it("shows the server's wait message when sign-in attempts are delayed", async () => {
    fakeApi.respond({
      method: "POST",
      path: "/api/auth/login",
      status: 429,
      body: {
        status: 429,
        code: "too_many_attempts",
        title: "Zu viele Anfragen",
        detail:
          "Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in 8 Sekunden erneut.",
      },
    });
    renderSignIn();
    await signIn("erika.muster@detmold.de", "noch-ein-versuch");

    expect(
      await screen.findByText(
        "Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in 8 Sekunden erneut.",
      ),
    ).toBeInTheDocument();
  });

  it("asks for empty fields without asking the server", async () => {
    renderSignIn();
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Anmelden" }));

    expect(
      await screen.findByRole("link", {
        name: "E-Mail-Adresse: Bitte geben Sie Ihre E-Mail-Adresse ein.",
      }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText("Passwort")).toHaveAttribute("aria-invalid", "true");
    expect(fakeApi.requests.some((request) => request.method === "POST")).toBe(false);
  });

  it("returns to the page the person came from", async () => {
    fakeApi.respond({
      method: "POST",
      path: "/api/auth/login",
      body: { user: buildUser(), csrfToken: "neu" },
    });
    renderSignIn("/anmelden?zurueck=%2Flandkarte");
    await signIn("erika.muster@detmold.de", "ein-sicheres-Passwort");

    await waitFor(() => expect(screen.getByText("Landkarte geöffnet")).toBeInTheDocument());
  });

  it("does not follow a return address on another site", async () => {
    fakeApi.respond({
      method: "POST",
      path: "/api/auth/login",
      body: { user: buildUser(), csrfToken: "neu" },
    });
    renderSignIn("/anmelden?zurueck=%2F%2Fexample.org");
    await signIn("erika.muster@detmold.de", "ein-sicheres-Passwort");

    await waitFor(() => expect(screen.getByText("Startseite")).toBeInTheDocument());
  });

  it("asks for the code of the second factor after the right password and signs in with it", async () => {
    fakeApi.respond({
      method: "POST",
      path: "/api/auth/login",
      body: {
        user: null,
        csrfToken: null,
        secondFactorSetupRequired: false,
        secondFactorRequired: true,
      },
    });
    fakeApi.respond({
      method: "POST",
      path: "/api/auth/login/second-factor",
      status: 400,
      body: {
        type: "urn:it-atlas:problem:invalid_second_factor",
        status: 400,
        code: "invalid_second_factor",
        title: "Ungültige Eingabe",
        detail: "Der Code ist falsch, abgelaufen oder wurde schon verwendet.",
      },
    });
    renderSignIn("/anmelden?zurueck=%2Flandkarte");
    await signIn("chefin@kdn.example.org", "richtiges-passwort");

    const field = await screen.findByLabelText(
      "Code aus der Authenticator-App oder Wiederherstellungscode",
    );
    expect(screen.getByRole("heading", { name: "Zwei-Faktor-Anmeldung" })).toHaveFocus();
    expect(screen.queryByLabelText("Passwort")).not.toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(field, "123456");
    await user.click(screen.getByRole("button", { name: "Bestätigen" }));
    expect(
      await screen.findByText("Der Code ist falsch, abgelaufen oder wurde schon verwendet."),
    ).toBeInTheDocument();

    fakeApi.respond({
      method: "POST",
      path: "/api/auth/login/second-factor",
      body: { user: buildUser(), csrfToken: "neu", secondFactorSetupRequired: false },
    });
    await user.type(field, "654321");
    await user.click(screen.getByRole("button", { name: "Bestätigen" }));
    expect(await screen.findByText("Landkarte geöffnet")).toBeInTheDocument();
    expect(
      fakeApi.requests
        .filter((request) => request.url.pathname === "/api/auth/login/second-factor")
        .at(-1)?.body,
    ).toEqual({ code: "654321" });
  });

  it("leads an administrator without a second factor to its set-up", async () => {
    fakeApi.respond({
      method: "POST",
      path: "/api/auth/login",
      body: {
        user: buildUser({ roles: [] }),
        csrfToken: "neu",
        secondFactorSetupRequired: true,
        secondFactorRequired: false,
      },
    });
    renderSignIn("/anmelden?zurueck=%2Flandkarte");
    await signIn("neu@kdn.example.org", "richtiges-passwort");
    expect(await screen.findByText("Einrichtung Zwei-Faktor")).toBeInTheDocument();
  });
});
