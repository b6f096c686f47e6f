import { fakeApi as api } from "../sourcing/fakeApi.testing.ts";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { answerSession, buildRole, buildUser } from "../auth/buildUser.testing.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { ProviderCorrections } from "./ProviderCorrections.tsx";

const OWL_IT = {
  id: "owl-it",
  shortName: "OWL-IT",
  name: "OWL-IT – Kommunale IT in Ostwestfalen-Lippe",
  website: "https://www.owl-it.de",
  legalForm: "Zweckverband",
  seat: "Lemgo",
};

function signInAs(role: ReturnType<typeof buildRole>) {
  answerSession(buildUser({ roles: [role] }));
  api.respond({ path: "/api/corrections", body: { items: [] } });
}

describe("provider corrections in the web UI", () => {
  it("lets the provider's Dienstleister-Bearbeiter propose a corrected fact with its source", async () => {
    const user = userEvent.setup();
    signInAs(buildRole("dienstleister_bearbeiter", { providerId: "owl-it" }));
    api.respond({ method: "POST", path: "/api/corrections", status: 201, body: { id: 42 } });
    renderWithProviders(<ProviderCorrections provider={OWL_IT} />);
    const form = await screen.findByRole("form", { name: "Korrektur für OWL-IT vorschlagen" });
    expect(form).toBeInTheDocument();
    const seat = screen.getByLabelText(/^Sitz/);
    await user.clear(seat);
    await user.type(seat, "Detmold");
    await user.type(
      screen.getByLabelText(/Quelle: Internetadresse/),
      "https://www.owl-it.de/impressum",
    );
    await user.type(screen.getByLabelText(/Datum des Belegs/), "2026-03-01");
    await user.click(screen.getByRole("button", { name: "Korrektur vorschlagen" }));
    expect(await screen.findByText(/Ihr Vorschlag Nr. 42 ist eingegangen/)).toBeInTheDocument();
    const post = api.requests.find((request) => request.method === "POST");
    // Only the changed fact is proposed, with the source the editor named.
    expect(post?.body).toEqual({
      type: "provider_change",
      providerId: "owl-it",
      values: { seat: "Detmold" },
      source: {
        url: "https://www.owl-it.de/impressum",
        document: null,
        evidenceDate: "2026-03-01",
      },
      note: null,
    });
    expect(
      api.requests.some(
        (request) =>
          request.method === "GET" &&
          request.url.pathname === "/api/corrections" &&
          request.url.searchParams.get("provider") === "owl-it",
      ),
    ).toBe(true);
  });

  it("says so instead of sending a proposal that changes nothing", async () => {
    const user = userEvent.setup();
    signInAs(buildRole("dienstleister_bearbeiter", { providerId: "owl-it" }));
    renderWithProviders(<ProviderCorrections provider={OWL_IT} />);
    await screen.findByRole("form", { name: "Korrektur für OWL-IT vorschlagen" });
    await user.type(screen.getByLabelText(/Quelle: Dokument/), "Satzung 2024");
    await user.type(screen.getByLabelText(/Datum des Belegs/), "2026-03-01");
    await user.click(screen.getByRole("button", { name: "Korrektur vorschlagen" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Bitte ändern Sie mindestens eine Angabe.",
    );
    expect(api.requests.some((request) => request.method === "POST")).toBe(false);
  });

  it("offers no form to another provider's editor", async () => {
    signInAs(buildRole("dienstleister_bearbeiter", { providerId: "sit" }));
    renderWithProviders(<ProviderCorrections provider={OWL_IT} />);
    // Signed in (the list of proposals is asked for only then), yet no form for OWL-IT.
    await waitFor(() =>
      expect(api.requests.some((request) => request.url.pathname === "/api/corrections")).toBe(
        true,
      ),
    );
    expect(screen.queryByRole("form")).toBeNull();
  });
});
