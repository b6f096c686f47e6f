import { fakeApi as api } from "./fakeApi.testing.ts";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { buildSourcing } from "./buildSourcing.testing.ts";
import { renderWithProviders } from "./renderWithProviders.testing.tsx";
import { SourcingEditForm } from "./SourcingEditForm.tsx";

const PUT_PATH = "/api/organisations/05766020/sourcing/einwohnerwesen";

beforeEach(() => {
  api.respond({
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
  api.respond({ path: "/api/products", body: { items: [] } });
});

function renderForm(onSaved = vi.fn()) {
  renderWithProviders(
    <SourcingEditForm
      ags="05766020"
      domain={{ id: "einwohnerwesen", name: "Einwohnerwesen", volumeUnit: "einwohner" }}
      current={buildSourcing()}
      onSaved={onSaved}
      onCancel={vi.fn()}
    />,
  );
  return onSaved;
}

describe("SourcingEditForm", () => {
  it("shows the server's German messages next to the right fields and in a summary", async () => {
    api.respond({
      method: "PUT",
      path: PUT_PATH,
      status: 400,
      body: {
        type: "urn:it-atlas:problem:invalid_request",
        title: "Ungültige Anfrage",
        status: 400,
        code: "invalid_request",
        detail: "Anfragetext ungültig: „runningCost“ darf nicht negativ sein",
        errors: [
          { field: "runningCost", message: "darf nicht negativ sein" },
          {
            field: "partnerAgs",
            message: "Eine Partnerkommune passt nur zum Betriebsmodell „Andere Kommune“.",
          },
          { field: "(gesamt)", message: "ist unvollständig" },
        ],
      },
    });
    const user = userEvent.setup();
    renderForm();
    const running = screen.getByLabelText(/Laufende Kosten/);
    await user.clear(running);
    await user.type(running, "-5");
    await user.click(screen.getByRole("button", { name: "Speichern" }));

    const summary = await screen.findByRole("heading", { name: "Bitte prüfen Sie Ihre Angaben" });
    const box = summary.closest(".atlas-error-summary") as HTMLElement;
    expect(box).toHaveFocus();
    expect(within(box).getByText(/Anfragetext ungültig/)).toBeInTheDocument();
    const link = within(box).getByRole("link", {
      name: "Laufende Kosten in € pro Jahr: darf nicht negativ sein",
    });
    expect(link).toHaveAttribute("href", `#${running.id}`);
    // A field the form does not show is listed without a link.
    expect(within(box).getByText("ist unvollständig")).toBeInTheDocument();

    expect(running).toHaveAttribute("aria-invalid", "true");
    expect(running).toHaveAccessibleDescription(/darf nicht negativ sein/);
    const investment = screen.getByLabelText(/Investitionskosten/);
    expect(investment).not.toHaveAttribute("aria-invalid");
    expect(investment).not.toHaveAccessibleDescription(/darf nicht negativ sein/);

    await user.click(link);
    expect(running).toHaveFocus();
    expect(api.requests.find((request) => request.method === "PUT")?.body).toMatchObject({
      runningCost: -5,
    });
  });

  it("refuses a number that is not German before asking the server", async () => {
    const user = userEvent.setup();
    renderForm();
    const volume = screen.getByLabelText(/^Menge/);
    await user.clear(volume);
    await user.type(volume, "1234.50");
    await user.click(screen.getByRole("button", { name: "Speichern" }));

    expect(await screen.findByRole("link", { name: /^Menge: ist keine Zahl/ })).toBeInTheDocument();
    expect(volume).toHaveAttribute("aria-invalid", "true");
    expect(api.requests.some((request) => request.method === "PUT")).toBe(false);
  });

  it("sends German numbers as numbers and reports the saved version", async () => {
    const saved = buildSourcing({ id: 99, runningCost: 12_500.5 });
    api.respond({ method: "PUT", path: PUT_PATH, body: saved });
    const user = userEvent.setup();
    const onSaved = renderForm();
    const running = screen.getByLabelText(/Laufende Kosten/);
    await user.clear(running);
    await user.type(running, "12.500,50");
    await user.click(screen.getByRole("radio", { name: "5" }));
    await user.click(screen.getByRole("button", { name: "Speichern" }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(api.requests.find((request) => request.method === "PUT")?.body).toMatchObject({
      operatingModel: "it_dienstleister",
      providerId: "owl-it",
      runningCost: 12_500.5,
      investmentCost: 1_851,
      satisfaction: 5,
    });
  });

  it("shows the conflict detail when the change would rewrite history", async () => {
    api.respond({
      method: "PUT",
      path: PUT_PATH,
      status: 409,
      body: {
        type: "urn:it-atlas:problem:sourcing_history_conflict",
        title: "Konflikt",
        status: 409,
        code: "sourcing_history_conflict",
        detail:
          "Der aktuelle Stand gilt seit 2024-01-01; Änderungen müssen an oder nach diesem Tag beginnen.",
      },
    });
    const user = userEvent.setup();
    renderForm();
    await user.click(screen.getByRole("button", { name: "Speichern" }));
    expect(
      await screen.findByText(/Änderungen müssen an oder nach diesem Tag beginnen/),
    ).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: /Konflikt mit dem Verlauf/ })).toBeInTheDocument();
  });
});
