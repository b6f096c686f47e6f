import { fakeApi } from "../sourcing/fakeApi.testing.ts";
import { screen } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { answerSession, buildUser } from "./buildUser.testing.ts";
import { RequireSignIn, SignedInOnly } from "./RequireSignIn.tsx";

function Protected() {
  return <h1>Netz</h1>;
}

function renderGuarded(route = "/leistungsbereiche/netz") {
  return renderWithProviders(
    <Routes>
      <Route
        path="/leistungsbereiche/:id"
        element={
          <RequireSignIn what="Der Leistungsbereich">
            <Protected />
          </RequireSignIn>
        }
      />
    </Routes>,
    { route },
  );
}

describe("RequireSignIn", () => {
  it("tells a visitor that the page needs a sign-in and offers it, instead of „nicht gefunden“ (issue 16, defect 10)", async () => {
    answerSession(null);
    renderGuarded();
    expect(
      await screen.findByRole("heading", { level: 1, name: "Anmeldung erforderlich" }),
    ).toBeVisible();
    expect(screen.queryByText(/nicht gefunden/)).toBeNull();
    expect(screen.getByRole("link", { name: "Jetzt anmelden" })).toHaveAttribute(
      "href",
      "/anmelden?zurueck=%2Fleistungsbereiche%2Fnetz",
    );
    expect(screen.queryByRole("heading", { name: "Netz" })).toBeNull();
    // Only the session was asked for: the page's own requests are not made for a visitor.
    expect(fakeApi.requests.map((request) => request.url.pathname)).toEqual(["/api/auth/session"]);
  });

  it("shows the page to a signed-in person", async () => {
    answerSession(buildUser());
    renderGuarded();
    expect(await screen.findByRole("heading", { level: 1, name: "Netz" })).toBeVisible();
  });
});

describe("SignedInOnly", () => {
  it("puts a sign-in hint in place of a section for visitors", async () => {
    answerSession(null);
    renderWithProviders(
      <SignedInOnly what="Die Angebote">
        <p>Angebotstabelle</p>
      </SignedInOnly>,
    );
    expect(await screen.findByText(/Die Angebote sehen nur angemeldete Personen/)).toBeVisible();
    expect(screen.getByRole("link", { name: "Jetzt anmelden" })).toBeVisible();
    expect(screen.queryByText("Angebotstabelle")).toBeNull();
  });
});
