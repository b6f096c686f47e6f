import type { ConstraintPrice } from "@it-atlas/domain";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ComparisonConstraintPrices, ConstraintPricesSection } from "./ConstraintPricesSection.tsx";

const price = (overrides: Partial<ConstraintPrice>): ConstraintPrice => ({
  group: "couplings",
  instances: 1,
  status: "optimal",
  objectiveWithout: 1_000_000,
  boundWithout: 1_000_000,
  pricePerYear: 0,
  priceLower: 0,
  priceUpper: 0,
  proven: true,
  seconds: 1.5,
  message: null,
  ...overrides,
});

const PRICES: ConstraintPrice[] = [
  price({ group: "couplings", pricePerYear: 250_000.4, priceLower: 240_000, priceUpper: 260_000 }),
  price({
    group: "providerCounts",
    instances: 2,
    status: "feasible",
    proven: false,
    pricePerYear: 1_638_946.2,
    priceLower: 1_200_000,
    priceUpper: 1_700_000,
  }),
  price({ group: "capacities", instances: 20, pricePerYear: 0, priceLower: 0, priceUpper: 0 }),
  price({
    group: "all",
    instances: 23,
    pricePerYear: 2_100_000,
    priceLower: 2_000_000,
    priceUpper: 2_200_000,
  }),
];

function rowTexts(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent).join(" | "));
}

describe("ConstraintPricesSection", () => {
  it("lists each group's price in German formats, dearest first, and sorts on request", async () => {
    render(
      <ConstraintPricesSection
        prices={PRICES}
        savingPerYear={-1_888_946}
        confidentialHidden={false}
      />,
    );
    expect(
      screen.getByRole("heading", { level: 3, name: "Preis der Vorgabe" }),
    ).toBeInTheDocument();
    const table = screen.getByRole("table", {
      name: "Preis der Vorgabe (Demodaten (synthetisch))",
    });
    expect(rowTexts(table)).toEqual([
      "Alle Vorgaben zusammen | 23 | 2.100.000\u00a0€ | 2.000.000\u00a0€ – 2.200.000\u00a0€ | bewiesen (1,5 s)",
      "Anzahl der Anbieter je Leistungsbereich | 2 | 1.638.946\u00a0€ | 1.200.000\u00a0€ – 1.700.000\u00a0€ | Lücke offen (1,5 s)",
      "Kopplungen von Leistungsbereichen | 1 | 250.000\u00a0€ | 240.000\u00a0€ – 260.000\u00a0€ | bewiesen (1,5 s)",
      "Kapazitäten der Anbieter | 20 | 0\u00a0€ | 0\u00a0€ – 0\u00a0€ | bewiesen (1,5 s)",
    ]);
    await userEvent.click(within(table).getByRole("button", { name: /^Vorgabe/ }));
    expect(rowTexts(table)[0]).toMatch(/^Alle Vorgaben zusammen/);
    expect(rowTexts(table)[1]).toMatch(/^Anzahl der Anbieter/);
    expect(rowTexts(table)[3]).toMatch(/^Kopplungen/);
  });

  it("names the constraints that make a plan dearer than Ist and what each costs", () => {
    render(
      <ConstraintPricesSection
        prices={PRICES}
        savingPerYear={-1_888_946}
        confidentialHidden={false}
      />,
    );
    const alert = screen.getByRole("status");
    expect(alert).toHaveTextContent("Teurer als Ist");
    // (toHaveTextContent turns the no-break spaces before € into plain ones)
    expect(alert).toHaveTextContent(
      "Der Plan kostet 1.888.946 € je Jahr mehr als Ist. Diese Vorgaben verteuern ihn (Mehrkosten je Jahr, jeweils allein weggelassen): Anzahl der Anbieter je Leistungsbereich (1.638.946 €), Kopplungen von Leistungsbereichen (250.000 €). Ohne alle Vorgaben zusammen wäre er 2.100.000 € je Jahr günstiger und spart 211.054 € je Jahr gegenüber Ist.",
    );
  });

  it("says nothing about Ist when the plan saves, and hides withheld amounts", () => {
    const hidden = PRICES.map((entry) => ({
      ...entry,
      pricePerYear: null,
      priceLower: null,
      priceUpper: null,
      objectiveWithout: null,
      boundWithout: null,
    }));
    render(<ConstraintPricesSection prices={hidden} savingPerYear={null} confidentialHidden />);
    expect(screen.queryByText("Teurer als Ist")).not.toBeInTheDocument();
    expect(screen.getByText(/sind ausgeblendet/)).toBeInTheDocument();
    const table = screen.getByRole("table");
    expect(rowTexts(table)[0]).toContain("vertraulich");
  });

  it("renders nothing without prices, and one table per priced scenario in a comparison", () => {
    const { container } = render(
      <ConstraintPricesSection prices={null} savingPerYear={10} confidentialHidden={false} />,
    );
    expect(container).toBeEmptyDOMElement();
    render(
      <ComparisonConstraintPrices
        comparison={{
          columns: [
            { scenarioId: null, name: "Ist", savingPerYear: 0 },
            { scenarioId: 1, name: "Spezialisierung", savingPerYear: -1_888_946 },
            { scenarioId: 2, name: "Von Hand", savingPerYear: 5 },
          ],
          constraintPrices: [
            { scenarioId: 1, prices: PRICES },
            { scenarioId: 2, prices: null },
          ],
          confidentialHidden: false,
        }}
      />,
    );
    expect(
      screen.getByRole("heading", { level: 2, name: "Preis der Vorgabe" }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole("table", {
        name: "Preis der Vorgabe: Spezialisierung (Demodaten (synthetisch))",
      }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole("table")).toHaveLength(1);
  });
});
