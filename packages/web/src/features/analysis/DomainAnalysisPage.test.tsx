import { fakeApi } from "../sourcing/fakeApi.testing.ts";
import { screen, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { buildConcentration } from "./analysisFixtures.testing.ts";
import { DomainAnalysisPage } from "./DomainAnalysisPage.tsx";

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

const ANALYSIS = {
  asOf: "2024-06-30",
  domain: DOMAIN,
  confidentialHidden: false,
  concentration: buildConcentration(),
  providers: [
    {
      operatorKey: "provider:owl-it",
      kind: "dienstleister",
      providerId: "owl-it",
      name: "OWL-IT",
      domainId: "einwohnerwesen",
      domainName: "Einwohnerwesen",
      kommunen: 2,
      volume: 800,
      share: 0.8,
      runningCost: 4200,
    },
  ],
  inHouse: { kommunen: 1, volume: 200, share: 0.2, runningCost: 2000 },
};

function renderPage(route = "/fragmentierung/einwohnerwesen?stichtag=2024-06-30") {
  return renderWithProviders(
    <Routes>
      <Route path="/fragmentierung/:id" element={<DomainAnalysisPage />} />
    </Routes>,
    { route },
  );
}

beforeEach(() => {
  fakeApi.respond({ path: "/api/analysis/domains/einwohnerwesen", body: ANALYSIS });
});

describe("DomainAnalysisPage", () => {
  it("shows concentration, each provider's scale and the in-house part", async () => {
    renderPage();
    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Einwohnerwesen: Anbieter und Konzentration",
      }),
    ).toBeVisible();
    expect(screen.getByText("Herfindahl-Index (0 bis 1)").closest("div")).toHaveTextContent(
      "0,680",
    );
    expect(screen.getByText("Effektive Betreiberzahl (1/HHI)").closest("div")).toHaveTextContent(
      "1,5",
    );
    const table = screen.getByRole("table", { name: /Größe der Anbieter in Einwohnerwesen/ });
    const owl = within(table).getByRole("row", { name: /OWL-IT/ });
    expect(owl).toHaveTextContent("80 %");
    expect(owl).toHaveTextContent("4.200 €");
    expect(within(table).getByRole("row", { name: /Eigener Betrieb \(alle\)/ })).toHaveTextContent(
      "20 %",
    );
    expect(screen.getByText("Demodaten (synthetisch)")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Kostenkurve dieses Bereichs" })).toHaveAttribute(
      "href",
      "/fragmentierung/kostenkurven?bereich=einwohnerwesen&stichtag=2024-06-30",
    );
  });

  it("draws the distribution of cost per Einwohner", async () => {
    renderPage();
    await screen.findByRole("heading", { name: "Laufende Kosten je Einwohner und Jahr" });
    expect(screen.getByText(/Mittelwert 7 €, Variationskoeffizient 0,200/)).toBeVisible();
  });

  it("tells readers without access to costs why figures are missing", async () => {
    fakeApi.respond({
      path: "/api/analysis/domains/einwohnerwesen",
      body: {
        ...ANALYSIS,
        confidentialHidden: true,
        concentration: buildConcentration({ costPerUnit: null }),
        providers: ANALYSIS.providers.map((provider) => ({
          ...provider,
          volume: null,
          runningCost: null,
        })),
        inHouse: { ...ANALYSIS.inHouse, volume: null, runningCost: null },
      },
    });
    renderPage();
    expect(
      await screen.findByText("Kosten sind nur für KDN-Analyse und Administration sichtbar."),
    ).toBeVisible();
    const table = screen.getByRole("table", { name: /Größe der Anbieter/ });
    expect(within(table).getByRole("row", { name: /OWL-IT/ })).toHaveTextContent("80 %");
  });

  it("says when the domain does not exist", async () => {
    fakeApi.respond({
      path: "/api/analysis/domains/gibt-es-nicht",
      status: 404,
      body: {
        type: "urn:it-atlas:problem:domain_not_found",
        title: "Nicht gefunden",
        status: 404,
        detail: "Es gibt keinen Leistungsbereich „gibt-es-nicht“.",
        code: "domain_not_found",
      },
    });
    renderPage("/fragmentierung/gibt-es-nicht");
    expect(
      await screen.findByRole("heading", { level: 1, name: "Leistungsbereich nicht gefunden" }),
    ).toBeVisible();
    expect(screen.getByText("Es gibt keinen Leistungsbereich „gibt-es-nicht“.")).toBeVisible();
  });
});
