import { fakeApi as api } from "../sourcing/fakeApi.testing.ts";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Schemas } from "../../api/client.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { LeistungEditDialog } from "./EditDialogs.tsx";

const PUT_PATH = "/api/ozg/kommunen/05958004/leistungen/10124";

const leistung: Schemas["KommuneLeistung"] = {
  ozgId: 10124,
  name: "Wohnsitzmeldungen",
  themenfeld: "Ein- und Auswanderung",
  leikaTypes: ["2/3"],
  responsible: true,
  reason: "leistung",
  status: "offen",
  availableServices: [{ id: "melde-online", name: "Online-Meldedienste (Demo)" }],
  record: null,
};

function renderDialog(onSaved = vi.fn()) {
  renderWithProviders(
    <LeistungEditDialog ags="05958004" leistung={leistung} onSaved={onSaved} onClose={vi.fn()} />,
  );
  return onSaved;
}

describe("LeistungEditDialog", () => {
  it("shows the server's German messages at the field and in a summary", async () => {
    api.respond({
      method: "PUT",
      path: PUT_PATH,
      status: 400,
      body: {
        type: "urn:it-atlas:problem:invalid_adoption",
        title: "Ungültige Anfrage",
        status: 400,
        code: "invalid_adoption",
        detail:
          "Die Angabe ist ungültig: „Online-Meldedienste (Demo)“ deckt die OZG-Leistung 10124 nicht ab.",
        errors: [{ field: "onlineServiceId", message: "deckt die OZG-Leistung 10124 nicht ab." }],
      },
    });
    renderDialog();
    const user = userEvent.setup();
    const dialog = screen.getByRole("dialog", { name: "Umsetzungsstand: Wohnsitzmeldungen" });
    await user.click(within(dialog).getByRole("radio", { name: "online" }));
    await user.selectOptions(
      within(dialog).getByLabelText(/Onlinedienst \/ Lösung/),
      "melde-online",
    );
    await user.click(within(dialog).getByRole("button", { name: "Speichern" }));
    const field = await within(dialog).findByLabelText(/Onlinedienst \/ Lösung/);
    expect(field).toHaveAccessibleDescription(/deckt die OZG-Leistung 10124 nicht ab/);
    expect(
      within(dialog).getByRole("link", { name: /Onlinedienst \/ Lösung: deckt/ }),
    ).toBeVisible();
  });

  it("sends only what fits the status and reports success", async () => {
    api.respond({
      method: "PUT",
      path: PUT_PATH,
      body: { ozgId: 10124, organisationKey: "05958004", status: "geplant" },
    });
    const onSaved = renderDialog();
    const user = userEvent.setup();
    const dialog = screen.getByRole("dialog");
    await user.click(within(dialog).getByRole("radio", { name: "geplant" }));
    await user.type(within(dialog).getByLabelText(/Geplant zum/), "2026-12-01");
    await user.type(within(dialog).getByLabelText(/Quelle der Angabe/), "Selbstauskunft");
    await user.click(within(dialog).getByRole("button", { name: "Speichern" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith("Gespeichert: Wohnsitzmeldungen"));
    const request = api.requests.find((item) => item.method === "PUT");
    expect(request?.body).toMatchObject({
      status: "geplant",
      onlineServiceId: null,
      plannedDate: "2026-12-01",
      informationSource: "Selbstauskunft",
      note: null,
    });
  });
});
