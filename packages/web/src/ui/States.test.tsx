import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiError, shouldRetryQuery } from "../api/client.ts";
import { renderWithProviders } from "../features/sourcing/renderWithProviders.testing.tsx";
import { ErrorState, failureHeading, LoadFailure } from "./States.tsx";

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

describe("LoadFailure", () => {
  const back = { to: "/leistungsbereiche", label: "Zum Katalog der Leistungsbereiche" };

  it("names a missing sign-in as such, never as „nicht gefunden“ (issue 16, defect 10)", () => {
    renderWithProviders(
      <LoadFailure
        error={problem(401, "unauthenticated", "Bitte melden Sie sich an.")}
        what="Leistungsbereich"
        back={back}
      />,
      { route: "/leistungsbereiche/netz" },
    );
    expect(screen.getByRole("heading", { level: 1, name: "Anmeldung erforderlich" })).toBeVisible();
    expect(screen.queryByText(/nicht gefunden/)).toBeNull();
    expect(screen.getByRole("link", { name: "Jetzt anmelden" })).toHaveAttribute(
      "href",
      "/anmelden?zurueck=%2Fleistungsbereiche%2Fnetz",
    );
    expect(screen.getByRole("link", { name: back.label })).toHaveAttribute("href", back.to);
  });

  it("says „nicht gefunden“ only for a 404, and words missing rights and other failures", () => {
    expect(failureHeading(problem(404, "domain_not_found", "x"), "Leistungsbereich")).toBe(
      "Leistungsbereich nicht gefunden",
    );
    expect(failureHeading(problem(403, "forbidden", "x"), "Leistungsbereich")).toBe(
      "Keine Berechtigung",
    );
    expect(failureHeading(problem(401, "invalid_token", "x"), "Leistungsbereich")).toBe(
      "Anmeldung erforderlich",
    );
    expect(failureHeading(new TypeError("Failed to fetch"), "Kommune")).toBe(
      "Kommune konnte nicht geladen werden",
    );
  });
});

describe("shouldRetryQuery", () => {
  it("tries a network failure or server error once more, never a sign-in, rights or not-found answer", () => {
    expect(shouldRetryQuery(0, new TypeError("Failed to fetch"))).toBe(true);
    expect(shouldRetryQuery(0, problem(503, "unavailable", "x"))).toBe(true);
    expect(shouldRetryQuery(1, problem(503, "unavailable", "x"))).toBe(false);
    for (const status of [400, 401, 403, 404, 409]) {
      expect(shouldRetryQuery(0, problem(status, "code", "x"))).toBe(false);
    }
  });
});
