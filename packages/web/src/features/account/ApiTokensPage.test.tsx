import { fakeApi } from "../sourcing/fakeApi.testing.ts";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { csrfTokenStore } from "../../api/csrfTokenStore.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { ApiTokensPage } from "./ApiTokensPage.tsx";

const LISTED = {
  id: 4,
  name: "Import Fachverfahren",
  prefix: "atlas_Q1w2E3",
  createdAt: "2025-06-30T08:00:00Z",
  expiresAt: "2099-07-30T08:00:00Z",
  lastUsedAt: null,
  revokedAt: null,
};
const SECRET = "atlas_Q1w2E3r4T5z6U7i8O9p0AsDfGhJkL";

beforeEach(() => {
  csrfTokenStore.set("csrf-test-token");
  fakeApi.respond({ path: "/api/me/tokens", body: { items: [] } });
});

describe("ApiTokensPage", () => {
  it("shows a created token once, with a copy button, then only its prefix", async () => {
    fakeApi.respond({ method: "POST", path: "/api/me/tokens", body: { ...LISTED, token: SECRET } });
    const user = userEvent.setup();
    renderWithProviders(<ApiTokensPage />);

    expect(await screen.findByText("Sie haben noch kein API-Token angelegt.")).toBeInTheDocument();
    await user.type(screen.getByLabelText("Name des Tokens"), "Import Fachverfahren");
    const days = screen.getByLabelText("Gültigkeit in Tagen");
    await user.clear(days);
    await user.type(days, "30");
    // From now on the list holds the new token (the server never lists the secret).
    fakeApi.respond({ path: "/api/me/tokens", body: { items: [LISTED] } });
    await user.click(screen.getByRole("button", { name: "Token anlegen" }));

    const heading = await screen.findByRole("heading", {
      name: "Token „Import Fachverfahren“ angelegt",
    });
    expect(heading).toHaveFocus();
    expect(screen.getByLabelText("Ihr neues API-Token")).toHaveValue(SECRET);
    expect(screen.getByText(/nur dieses eine Mal angezeigt/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Kopieren" })).toBeInTheDocument();
    expect(fakeApi.requests.find((request) => request.method === "POST")?.body).toEqual({
      name: "Import Fachverfahren",
      expiresInDays: 30,
    });

    const row = await screen.findByRole("row", { name: /Import Fachverfahren/ });
    expect(within(row).getByText("atlas_Q1w2E3…")).toBeInTheDocument();
    expect(within(row).getByText("gültig")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Ich habe das Token gesichert" }));
    expect(screen.queryByDisplayValue(SECRET)).toBeNull();
    expect(document.body).not.toHaveTextContent(SECRET);
  });

  it("copies the token to the clipboard and says so", async () => {
    fakeApi.respond({ method: "POST", path: "/api/me/tokens", body: { ...LISTED, token: SECRET } });
    const user = userEvent.setup();
    renderWithProviders(<ApiTokensPage />);
    await user.type(await screen.findByLabelText("Name des Tokens"), "Import Fachverfahren");
    await user.click(screen.getByRole("button", { name: "Token anlegen" }));
    await user.click(await screen.findByRole("button", { name: "Kopieren" }));

    expect(await screen.findByText("In die Zwischenablage kopiert.")).toBeInTheDocument();
    await expect(navigator.clipboard.readText()).resolves.toBe(SECRET);
  });

  it("revokes a token only after confirmation", async () => {
    fakeApi.respond({ path: "/api/me/tokens", body: { items: [LISTED] } });
    fakeApi.respond({ method: "DELETE", path: "/api/me/tokens/4", status: 204, body: null });
    const user = userEvent.setup();
    renderWithProviders(<ApiTokensPage />);

    await user.click(
      await screen.findByRole("button", { name: "Widerrufen (Import Fachverfahren)" }),
    );
    const dialog = screen.getByRole("dialog", {
      name: "API-Token „Import Fachverfahren“ widerrufen?",
    });
    expect(fakeApi.requests.some((request) => request.method === "DELETE")).toBe(false);
    await user.click(within(dialog).getByRole("button", { name: "Ja, widerrufen" }));

    await waitFor(() =>
      expect(
        screen.getByText("Das Token „Import Fachverfahren“ wurde widerrufen."),
      ).toBeInTheDocument(),
    );
    expect(fakeApi.requests.find((request) => request.method === "DELETE")?.url.pathname).toBe(
      "/api/me/tokens/4",
    );
  });

  it("shows the server's message at the field when the name is missing", async () => {
    fakeApi.respond({
      method: "POST",
      path: "/api/me/tokens",
      status: 400,
      body: {
        status: 400,
        code: "invalid_request",
        title: "Ungültige Anfrage",
        detail: "Anfragetext ungültig: „name“ Bitte einen Namen angeben",
        errors: [{ field: "name", message: "Bitte einen Namen angeben" }],
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<ApiTokensPage />);
    await user.click(await screen.findByRole("button", { name: "Token anlegen" }));

    expect(await screen.findByLabelText("Name des Tokens")).toHaveAccessibleDescription(
      /Bitte einen Namen angeben/,
    );
  });
});
