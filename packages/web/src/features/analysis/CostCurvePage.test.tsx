import { fakeApi } from "../sourcing/fakeApi.testing.ts";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { CostCurvePage } from "./CostCurvePage.tsx";

const DOMAIN = {
  id: "einwohnerwesen",
  parentId: "fachverfahren",
  name: "Einwohnerwesen",
  description: null,
  category: "fachverfahren",
  isGroup: false,
  volumeUnit: "einwohner",
  responsibleTypes: [],
  responsibilityBasis: null,
  ozgIds: [],
  position: 1,
};

// 1,000 € fixed, 5 € up to 100, then 1 €.
const FIT = {
  points: 3,
  fixedCost: 1000,
  segments: [
    { upTo: 100, costPerUnit: 5 },
    { upTo: null, costPerUnit: 1 },
  ],
  breakpoints: [100],
  residualStandardError: 12.5,
  rSquared: 0.97,
  uncertainty: {
    method: "bootstrap",
    replicates: 200,
    seed: 7,
    level: 0.9,
    band: [
      { volume: 0, fit: 1000, lower: 950, upper: 1050 },
      { volume: 200, fit: 1600, lower: 1500, upper: 1700 },
    ],
    fixedCost: { lower: 950, upper: 1050 },
    costPerUnit: [
      { lower: 4.5, upper: 5.5 },
      { lower: 0.5, upper: 1.5 },
    ],
  },
};

const ANSWER = {
  asOf: "2024-06-30",
  domain: DOMAIN,
  confidentialHidden: false,
  curve: {
    domainId: "einwohnerwesen",
    domainName: "Einwohnerwesen",
    volumeUnit: "einwohner",
    operatingModels: [],
    fit: FIT,
    demo: true,
  },
  points: [
    { volume: 50, cost: 1240 },
    { volume: 100, cost: 1510 },
    { volume: 200, cost: 1600 },
  ],
};

beforeEach(() => {
  fakeApi.respond({ path: "/api/analysis/cost-curves/einwohnerwesen", body: ANSWER });
  fakeApi.respond({
    path: "/api/domains",
    body: {
      items: [
        DOMAIN,
        { ...DOMAIN, id: "finanzwesen", name: "Finanzwesen", volumeUnit: "buchungen" },
      ],
    },
  });
});

describe("CostCurvePage", () => {
  it("shows the fitted parameters with their bootstrap intervals and the fit quality", async () => {
    renderWithProviders(<CostCurvePage />, { route: "/fragmentierung/kostenkurven" });
    const table = await screen.findByRole("table", { name: /Parameter der Kostenkurve/ });
    expect(within(table).getByRole("row", { name: /Fixkosten/ })).toHaveTextContent(
      "1.000 €950 € – 1.050 €",
    );
    expect(
      within(table).getByRole("row", { name: /Grenzkosten je Einwohner, Menge 0 bis 100/ }),
    ).toHaveTextContent("5 €");
    expect(
      within(table).getByRole("row", { name: /Grenzkosten je Einwohner, Menge ab 100/ }),
    ).toHaveTextContent("0,50 € – 1,50 €");
    expect(screen.getByText("Bestimmtheitsmaß R²").closest("div")).toHaveTextContent("0,97");
    expect(screen.getByText("Demodaten (synthetisch)")).toBeInTheDocument();
    // The chart's accessible alternative: the band as a table.
    const band = screen.getByRole("table", { name: "Kurve und Band an ausgewählten Mengen" });
    expect(within(band).getAllByRole("row")).toHaveLength(3);
    // Average cost = curve ÷ volume on a log grid from 50 to 200 Einwohner: at 200 the curve
    // costs 1,000 + 5 × 100 + 1 × 100 = 1,600 €, i.e. 8 € each; at 50 it is 1,250 € = 25 € each.
    const average = screen.getByRole("table", {
      name: "Durchschnittskosten je Einwohner an ausgewählten Mengen",
    });
    const rows = within(average).getAllByRole("row");
    expect(rows).toHaveLength(32);
    expect(rows[1]).toHaveTextContent(/^50\s*25$/);
    expect(rows.at(-1)).toHaveTextContent(/^200\s*8$/);
  });

  it("asks for another domain and basis when chosen", async () => {
    const user = userEvent.setup();
    fakeApi.respond({
      path: "/api/analysis/cost-curves/finanzwesen",
      body: {
        ...ANSWER,
        domain: { ...DOMAIN, id: "finanzwesen", name: "Finanzwesen" },
        curve: null,
        points: [],
      },
    });
    renderWithProviders(<CostCurvePage />, { route: "/fragmentierung/kostenkurven" });
    await screen.findByRole("table", { name: /Parameter der Kostenkurve/ });
    await user.selectOptions(screen.getByLabelText("Datengrundlage"), "eigenbetrieb");
    await waitFor(() =>
      expect(
        fakeApi.requests.some(
          (request) => request.url.searchParams.get("operatingModel") === "eigenbetrieb",
        ),
      ).toBe(true),
    );
    await user.selectOptions(screen.getByLabelText("Leistungsbereich"), "finanzwesen");
    expect(await screen.findByText(/zu wenige Kommunen mit Menge und Kosten/)).toBeVisible();
  });

  it("explains that cost curves are confidential for readers", async () => {
    fakeApi.respond({
      path: "/api/analysis/cost-curves/einwohnerwesen",
      body: { ...ANSWER, curve: null, points: [], confidentialHidden: true },
    });
    renderWithProviders(<CostCurvePage />, { route: "/fragmentierung/kostenkurven" });
    expect(
      await screen.findByText(/nur für KDN-Analyse und Administration sichtbar/),
    ).toBeVisible();
    expect(screen.queryByRole("table", { name: /Parameter/ })).toBeNull();
  });
});
