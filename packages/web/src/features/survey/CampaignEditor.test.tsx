import { fakeApi as api } from "../sourcing/fakeApi.testing.ts";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { CampaignEditor } from "./CampaignEditor.tsx";
import type { CampaignInput } from "./surveyQueries.ts";

const initial: CampaignInput = {
  title: "Lippe 2026",
  description: null,
  periodStart: "2026-11-01",
  periodEnd: "2026-12-31",
  target: { kind: "kreis", key: "05766" },
  questions: [
    {
      key: "zufrieden",
      domainId: null,
      label: "Wie zufrieden sind Sie mit Ihrer IT?",
      help: null,
      required: true,
      condition: null,
      purpose: null,
      type: "scale",
    },
    {
      key: "gruende",
      domainId: null,
      label: "Was stört Sie?",
      help: "Bitte knapp, z. B. Verfügbarkeit, Support, Kosten.",
      required: false,
      condition: { questionKey: "zufrieden", operator: "equals", value: 1 },
      purpose: null,
      type: "text",
      maxLength: 2000,
    },
    {
      key: "fachverfahren",
      domainId: null,
      label: "Welches Fachverfahren nutzen Sie?",
      help: null,
      required: false,
      condition: null,
      purpose: null,
      type: "text",
      maxLength: 2000,
    },
  ],
};

beforeEach(() => {
  api.respond({ path: "/api/domains", body: { items: [] } });
  api.respond({ path: "/api/organisations", body: { total: 0, items: [] } });
  api.respond({ path: "/api/providers", body: { total: 0, items: [] } });
});

function renderEditor() {
  const onSubmit = vi.fn();
  renderWithProviders(
    <CampaignEditor
      initial={initial}
      submitLabel="Speichern"
      pending={false}
      error={null}
      onSubmit={onSubmit}
    />,
  );
  return onSubmit;
}

describe("CampaignEditor", () => {
  it("keeps help texts and display conditions of existing questions when saving", async () => {
    const onSubmit = renderEditor();
    await userEvent.setup().click(screen.getByRole("button", { name: "Speichern" }));
    const questions = (onSubmit.mock.calls[0]?.[0] as CampaignInput).questions ?? [];
    expect(questions[1]).toMatchObject({
      help: "Bitte knapp, z. B. Verfügbarkeit, Support, Kosten.",
      condition: { questionKey: "zufrieden", operator: "equals", value: 1 },
    });
  });

  it("adds a condition on an earlier question, as a number for a scale question", async () => {
    const onSubmit = renderEditor();
    const user = userEvent.setup();
    const third = screen.getByRole("group", { name: /Frage 3/ });
    const condition = within(third).getByRole("group", { name: /Nur anzeigen, wenn/ });
    await user.selectOptions(within(condition).getByLabelText("Frage"), "zufrieden");
    await user.selectOptions(within(condition).getByLabelText("Bedingung"), "not_equals");
    await user.type(within(condition).getByLabelText("Wert"), "5");
    await user.type(within(third).getByLabelText(/Hilfetext/), "Name laut Hersteller");
    await user.click(screen.getByRole("button", { name: "Speichern" }));
    const questions = (onSubmit.mock.calls[0]?.[0] as CampaignInput).questions ?? [];
    expect(questions[2]).toMatchObject({
      help: "Name laut Hersteller",
      condition: { questionKey: "zufrieden", operator: "not_equals", value: 5 },
    });
    // The first question has nothing before it to depend on.
    const first = screen.getByRole("group", { name: /Frage 1/ });
    expect(within(first).queryByRole("group", { name: /Nur anzeigen/ })).toBeNull();
  });
});
