import { fakeApi } from "../sourcing/fakeApi.testing.ts";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { BOUNDARIES, buildConcentration } from "./analysisFixtures.testing.ts";
import { FragmentationPage } from "./FragmentationPage.tsx";

const OVERVIEW = {
  asOf: "2024-06-30",
  index: { value: 0.535, meanEffectiveOperators: 2.74, domains: 2 },
  kommunen: 2,
  providers: 2,
  inHouseShare: 0.43,
  medianProvidersPerKommune: 1.5,
  confidentialHidden: false,
  demo: true,
  domains: [
    buildConcentration(),
    buildConcentration({
      domainId: "finanzwesen",
      domainName: "Finanzwesen",
      hhi: 0.25,
      effectiveOperators: 4,
      operators: 4,
      providers: 1,
      inHouse: 2,
      costPerUnit: null,
    }),
  ],
  kommuneDependencies: [
    {
      ags: "05766020",
      name: "Detmold",
      kind: "gemeinde",
      providers: 3,
      providerNames: ["KRZ", "Kreis Lippe", "SIT"],
      inHouseDomains: 1,
      domains: 4,
    },
    {
      ags: "05766044",
      name: "Lemgo",
      kind: "gemeinde",
      providers: 0,
      providerNames: [],
      inHouseDomains: 4,
      domains: 4,
    },
  ],
};

beforeEach(() => {
  fakeApi.respond({ path: "/api/analysis/fragmentation", body: OVERVIEW });
  fakeApi.respond({ path: "/api/geo/gemeinde", body: BOUNDARIES });
});

describe("FragmentationPage", () => {
  it("shows the key figures, labelled as demo data, for the chosen Stichtag", async () => {
    renderWithProviders(<FragmentationPage />, { route: "/fragmentierung?stichtag=2024-06-30" });
    expect(await screen.findByRole("heading", { level: 1, name: "Fragmentierung" })).toBeVisible();
    await screen.findByRole("heading", { name: "Kennzahlen am 30.06.2024" });
    expect(screen.getByText("Demodaten (synthetisch)")).toBeInTheDocument();
    const index = screen.getByText(/^Fragmentierungsindex NRW/).closest("div");
    expect(index).toHaveTextContent("0,535");
    expect(screen.getByText("Anteil eigener Betrieb").closest("div")).toHaveTextContent("43 %");
    expect(
      fakeApi.requests.some((request) => request.url.searchParams.get("asOf") === "2024-06-30"),
    ).toBe(true);
  });

  it("lists the domains in a sortable table that links to the drill-down", async () => {
    const user = userEvent.setup();
    renderWithProviders(<FragmentationPage />, { route: "/fragmentierung?stichtag=2024-06-30" });
    const table = await screen.findByRole("table", { name: /Konzentration je Leistungsbereich/ });
    // Sorted by HHI ascending: the most fragmented domain first.
    let rows = within(table).getAllByRole("row").slice(1);
    expect(rows[0]).toHaveTextContent("Finanzwesen");
    expect(rows[0]).toHaveTextContent("0,250");
    await user.click(within(table).getByRole("button", { name: /Herfindahl-Index/ }));
    rows = within(table).getAllByRole("row").slice(1);
    expect(rows[0]).toHaveTextContent("Einwohnerwesen");
    expect(rows[0]).toHaveTextContent("0,680");
    expect(within(table).getByRole("link", { name: "Einwohnerwesen" })).toHaveAttribute(
      "href",
      "/fragmentierung/einwohnerwesen?stichtag=2024-06-30",
    );
  });

  it("exports the table as CSV", async () => {
    const user = userEvent.setup();
    // jsdom has no object URLs and cannot follow the download link: catch both.
    const blobs: Blob[] = [];
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return "blob:csv";
    };
    URL.revokeObjectURL = () => undefined;
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, "click")
      .mockImplementation(() => undefined);
    renderWithProviders(<FragmentationPage />, { route: "/fragmentierung" });
    await user.click(await screen.findByRole("button", { name: "Tabelle als CSV exportieren" }));
    expect(click).toHaveBeenCalledOnce();
    click.mockRestore();
    const text = await blobs[0]?.text();
    expect(text).toContain("Herfindahl-Index (0-1)");
    expect(text).toContain("Einwohnerwesen;einwohnerwesen;3;1;2;1;2;0,68");
    expect(text).toContain("Demodaten (synthetisch)");
  });

  it("colours the map by the number of providers and says it in words", async () => {
    renderWithProviders(<FragmentationPage />, { route: "/fragmentierung" });
    const detmold = await screen.findByRole("button", { name: "Detmold: 3 Anbieter" });
    expect(detmold).toHaveAttribute("fill", "#3182bd");
    expect(screen.getByRole("button", { name: "Lemgo: 0 Anbieter" })).toBeInTheDocument();
    const table = screen.getByRole("table", { name: "Anbieter je Kommune am 30.06.2024" });
    // Most providers first; sorting by name puts Detmold before Lemgo either way round.
    expect(within(table).getAllByRole("row")[1]).toHaveTextContent("KRZ, Kreis Lippe, SIT");
    expect(within(table).getAllByRole("row")[2]).toHaveTextContent("Lemgo");
  });

  it("says when nothing is recorded on the Stichtag", async () => {
    fakeApi.respond({
      path: "/api/analysis/fragmentation",
      body: { ...OVERVIEW, domains: [], kommuneDependencies: [] },
    });
    renderWithProviders(<FragmentationPage />, { route: "/fragmentierung?stichtag=1990-01-01" });
    expect(await screen.findByText(/Zum 01.01.1990 ist kein Bezug erfasst/)).toBeVisible();
  });

  it("shows an error with the server's message", async () => {
    fakeApi.respond({
      path: "/api/analysis/fragmentation",
      status: 400,
      body: {
        type: "urn:it-atlas:problem:invalid_request",
        title: "Ungültige Anfrage",
        status: 400,
        detail: "asOf muss ein Datum JJJJ-MM-TT sein",
        code: "invalid_request",
      },
    });
    renderWithProviders(<FragmentationPage />, { route: "/fragmentierung" });
    expect(await screen.findByText("asOf muss ein Datum JJJJ-MM-TT sein")).toBeVisible();
  });
});
