import { fakeApi } from "../sourcing/fakeApi.testing.ts";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { csrfTokenStore } from "../../api/csrfTokenStore.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { ChangePasswordForm } from "./ChangePasswordForm.tsx";

beforeEach(() => {
  csrfTokenStore.set("csrf-test-token");
});

async function fill(current: string, next: string, repeat: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Bisheriges Passwort"), current);
  await user.type(screen.getByLabelText("Neues Passwort"), next);
  await user.type(screen.getByLabelText("Neues Passwort wiederholen"), repeat);
  await user.click(screen.getByRole("button", { name: "Passwort ändern" }));
}

describe("ChangePasswordForm", () => {
  it("sends the current and the new password and confirms the change", async () => {
    fakeApi.respond({ method: "POST", path: "/api/me/password", status: 204, body: null });
    renderWithProviders(<ChangePasswordForm />);
    await fill("altes-Passwort-123", "Dachs-Gurke-Fahrrad-93", "Dachs-Gurke-Fahrrad-93");
    expect(await screen.findByText(/Ihr Passwort wurde geändert/)).toBeInTheDocument();
    expect(fakeApi.requests.find((request) => request.method === "POST")?.body).toEqual({
      currentPassword: "altes-Passwort-123",
      newPassword: "Dachs-Gurke-Fahrrad-93",
    });
    expect(screen.getByLabelText("Neues Passwort")).toHaveValue("");
  });

  it("checks the repetition before sending, and shows the server's German reason", async () => {
    renderWithProviders(<ChangePasswordForm />);
    await fill("altes-Passwort-123", "Dachs-Gurke-Fahrrad-93", "Dachs-Gurke-Fahrrad-94");
    expect(
      await screen.findAllByText(/stimmt nicht mit dem neuen Passwort überein/),
    ).not.toHaveLength(0);
    expect(fakeApi.requests.some((request) => request.method === "POST")).toBe(false);

    fakeApi.respond({
      method: "POST",
      path: "/api/me/password",
      status: 400,
      body: {
        type: "about:blank",
        status: 400,
        code: "weak_password",
        title: "Ungültige Eingabe",
        detail: "Das Passwort ist zu leicht zu erraten.",
        errors: [{ field: "newPassword", message: "zu leicht zu erraten" }],
      },
    });
    const repeat = screen.getByLabelText("Neues Passwort wiederholen");
    const user = userEvent.setup();
    await user.clear(repeat);
    await user.type(repeat, "Dachs-Gurke-Fahrrad-93");
    await user.click(screen.getByRole("button", { name: "Passwort ändern" }));
    expect(await screen.findAllByText(/zu leicht zu erraten/)).not.toHaveLength(0);
  });
});
