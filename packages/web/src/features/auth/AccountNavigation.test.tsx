import { fakeApi } from "../sourcing/fakeApi.testing.ts";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Route, Routes } from "react-router";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { AccountNavigation } from "./AccountNavigation.tsx";
import { answerSession, buildRole, buildUser } from "./buildUser.testing.ts";

function renderHeader(route = "/kommunen/05766020") {
  renderWithProviders(
    <>
      <AccountNavigation />
      <Routes>
        <Route path="/anmelden" element={<p>Anmeldeseite</p>} />
        <Route path="*" element={<p>Seite</p>} />
      </Routes>
    </>,
    { route },
  );
}

describe("AccountNavigation", () => {
  it("offers visitors to sign in and come back", async () => {
    answerSession(null);
    renderHeader("/kommunen/05766020?stichtag=2025-06-30");

    const navigation = await screen.findByRole("navigation", { name: "Konto" });
    expect(await within(navigation).findByRole("link", { name: "Anmelden" })).toHaveAttribute(
      "href",
      "/anmelden?zurueck=%2Fkommunen%2F05766020%3Fstichtag%3D2025-06-30",
    );
  });

  it("shows a Leser's name with API-Tokens and sign-out, but no administration", async () => {
    answerSession(buildUser());
    const user = userEvent.setup();
    renderHeader();

    const toggle = await screen.findByRole("button", { name: "Konto von Erika Muster" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByRole("link", { name: "API-Tokens" })).toHaveAttribute(
      "href",
      "/konto/tokens",
    );
    expect(screen.queryByRole("link", { name: /Verwaltung/ })).toBeNull();
    expect(screen.getByRole("button", { name: "Abmelden" })).toBeInTheDocument();

    await user.keyboard("{Escape}");
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(toggle).toHaveFocus();
  });

  it("shows administrators the administration", async () => {
    answerSession(buildUser({ roles: [buildRole("administrator")] }));
    const user = userEvent.setup();
    renderHeader();

    await user.click(await screen.findByRole("button", { name: "Konto von Erika Muster" }));
    expect(screen.getByRole("link", { name: "Verwaltung: Benutzerkonten" })).toHaveAttribute(
      "href",
      "/verwaltung/benutzer",
    );
    expect(screen.getByRole("link", { name: "Verwaltung: Prüfprotokoll" })).toHaveAttribute(
      "href",
      "/verwaltung/protokoll",
    );
  });

  it("signs out and says so on the sign-in page", async () => {
    answerSession(buildUser());
    fakeApi.respond({ method: "POST", path: "/api/auth/logout", status: 204, body: null });
    const user = userEvent.setup();
    renderHeader();

    await user.click(await screen.findByRole("button", { name: "Konto von Erika Muster" }));
    await user.click(screen.getByRole("button", { name: "Abmelden" }));

    await waitFor(() => expect(screen.getByText("Anmeldeseite")).toBeInTheDocument());
    expect(screen.getByRole("link", { name: "Anmelden" })).toBeInTheDocument();
    const logout = fakeApi.requests.find((request) => request.method === "POST");
    expect(logout?.url.pathname).toBe("/api/auth/logout");
    expect(logout?.headers.get("x-csrf-token")).toBe("csrf-test-token");
  });
});
