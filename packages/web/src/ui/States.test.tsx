import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client.ts";
import { renderWithProviders } from "../features/sourcing/renderWithProviders.testing.tsx";
import { ErrorState } from "./States.tsx";

function problem(status: number, code: string, detail: string) {
  return new ApiError({ status, code, title: "Titel", detail });
}

describe("ErrorState", () => {
  it("offers to sign in and come back when the server asks for a sign-in", () => {
    renderWithProviders(
      <ErrorState
        error={problem(
          401,
          "unauthenticated",
          "Bitte melden Sie sich an, um dies zu sehen oder zu ändern.",
        )}
        onRetry={() => undefined}
      />,
      { route: "/landkarte?bereich=wahlen" },
    );

    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Anmeldung erforderlich");
    expect(alert).toHaveTextContent("Bitte melden Sie sich an, um dies zu sehen oder zu ändern.");
    expect(screen.getByRole("link", { name: "Jetzt anmelden" })).toHaveAttribute(
      "href",
      "/anmelden?zurueck=%2Flandkarte%3Fbereich%3Dwahlen",
    );
    // Retrying without signing in would only fail again.
    expect(screen.queryByRole("button", { name: "Erneut versuchen" })).toBeNull();
  });

  it("shows the server's German reason when rights are missing", () => {
    renderWithProviders(
      <ErrorState error={problem(403, "forbidden", "Dafür fehlt Ihnen die Berechtigung.")} />,
    );

    expect(screen.getByRole("alert")).toHaveTextContent("Keine Berechtigung");
    expect(screen.getByRole("alert")).toHaveTextContent("Dafür fehlt Ihnen die Berechtigung.");
    expect(screen.queryByRole("link", { name: "Jetzt anmelden" })).toBeNull();
  });

  it("keeps the retry for other failures", () => {
    renderWithProviders(
      <ErrorState error={new TypeError("Failed to fetch")} onRetry={() => undefined} />,
    );

    expect(screen.getByRole("alert")).toHaveTextContent("Der Server ist nicht erreichbar.");
    expect(screen.getByRole("button", { name: "Erneut versuchen" })).toBeInTheDocument();
  });
});
