import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { breakdownTable, QuestionResults } from "./QuestionResults.tsx";
import type { CampaignResults } from "./surveyQueries.ts";

const question: CampaignResults["questions"][number] = {
  key: "zufriedenheit",
  label: "Zufriedenheit mit dem Einwohnerwesen",
  type: "single_choice",
  answered: 7,
  total: { group: "alle", kommunen: 7, suppressed: false, counts: { gut: 4, schlecht: 3 } },
  bySizeClass: [
    {
      group: "kreisangehoerige_gemeinde",
      kommunen: 5,
      suppressed: false,
      counts: { gut: 3, schlecht: 2 },
    },
    { group: "mittlere_kreisangehoerige_stadt", kommunen: 2, suppressed: true, counts: {} },
  ],
  byProvider: [
    { group: "owl-it", kommunen: 6, suppressed: false, counts: { gut: 4, schlecht: 2 } },
    { group: "ohne", kommunen: 1, suppressed: true, counts: {} },
  ],
};

describe("breakdownTable", () => {
  it("gives one row per group, counts per defined option, and no numbers for suppressed groups", () => {
    const table = breakdownTable(
      question.bySizeClass,
      ["gut", "schlecht"],
      (group) => group.toUpperCase(),
      (value) => `Antwort ${value}`,
    );
    expect(table.columns).toEqual(["Gruppe", "Kommunen", "Antwort gut", "Antwort schlecht"]);
    expect(table.rows).toEqual([
      ["KREISANGEHOERIGE_GEMEINDE", 5, 3, 2],
      ["MITTLERE_KREISANGEHOERIGE_STADT", 2, null, null],
    ]);
  });
});

describe("QuestionResults", () => {
  it("switches between the overall counts and the breakdowns by size class and provider", async () => {
    render(
      <QuestionResults
        question={question}
        definedOptions={["gut", "mittel", "schlecht"]}
        optionLabel={(value) => ({ gut: "Gut", schlecht: "Schlecht" })[value] ?? value}
        providerName={(id) => (id === "owl-it" ? "OWL-IT" : id)}
      />,
    );
    const user = userEvent.setup();
    const overall = screen.getByRole("table", { name: /Antworten gesamt/ });
    expect(within(overall).getByRole("row", { name: /Alle Kommunen/ })).toHaveTextContent(
      /Alle Kommunen\s*7\s*4\s*3/,
    );
    await user.click(screen.getByRole("radio", { name: "nach IT-Dienstleister" }));
    const byProvider = screen.getByRole("table", { name: /nach IT-Dienstleister/ });
    expect(within(byProvider).getByRole("row", { name: /OWL-IT/ })).toHaveTextContent(
      /OWL-IT\s*6\s*4\s*2/,
    );
    expect(
      within(byProvider).getByRole("row", { name: /ohne IT-Dienstleister/ }),
    ).toHaveTextContent(/–\s*–/);
    expect(screen.getByText(/weniger als drei Kommunen sind unterdrückt/)).toBeVisible();
    await user.click(screen.getByRole("radio", { name: "nach Größenklasse" }));
    expect(screen.getByRole("img", { name: /nach Größenklasse/ })).toBeInTheDocument();
  });
});
