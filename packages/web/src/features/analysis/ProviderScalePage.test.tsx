import { fakeApi } from "../sourcing/fakeApi.testing.ts";
import { screen, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { ProviderScalePage } from "./ProviderScalePage.tsx";

const PROVIDER = {
  id: "owl-it",
  shortName: "OWL-IT",
  name: "Ostwestfalen-Lippe-IT",
  kind: "kommunal",
  legalForm: "Zweckverband",
  seat: "Lemgo",
  founded: null,
  foundedText: null,
  status: "active",
  successor: null,
  website: null,
  kdnMember: true,
  provenance: { sourceId: null, sourceUrls: [], asOf: null, evidence: null, quality: "sourced" },
};

function scale(domainId: string, domainName: string, share: number, kommunen: number) {
  return {
    operatorKey: "provider:owl-it",
    kind: "dienstleister",
    providerId: "owl-it",
    name: "OWL-IT",
    domainId,
    domainName,
    kommunen,
    volume: share * 1000,
    share,
    runningCost: kommunen * 100,
  };
}

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/fragmentierung/anbieter/:id" element={<ProviderScalePage />} />
    </Routes>,
    { route: "/fragmentierung/anbieter/owl-it?stichtag=2024-06-30" },
  );
}

beforeEach(() => {
  fakeApi.respond({
    path: "/api/analysis/providers/owl-it",
    body: {
      provider: PROVIDER,
      asOf: "2024-06-30",
      kommunen: 51,
      confidentialHidden: false,
      items: [
        scale("finanzwesen", "Finanzwesen", 0.05, 40),
        scale("einwohnerwesen", "Einwohnerwesen", 0.07, 51),
      ],
    },
  });
});

describe("ProviderScalePage", () => {
  it("lists the provider's share per domain, largest first, with links to the drill-down", async () => {
    renderPage();
    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Größe von OWL-IT je Leistungsbereich",
      }),
    ).toBeVisible();
    expect(screen.getByText("Größter Anteil").closest("div")).toHaveTextContent(
      "7 % (Einwohnerwesen)",
    );
    const table = screen.getByRole("table", { name: "OWL-IT je Leistungsbereich am 30.06.2024" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows[0]).toHaveTextContent("Einwohnerwesen");
    expect(rows[0]).toHaveTextContent("5.100 €");
    expect(
      within(rows[1] as HTMLElement).getByRole("link", { name: "Finanzwesen" }),
    ).toHaveAttribute("href", "/fragmentierung/finanzwesen?stichtag=2024-06-30");
    expect(screen.getByText("Demodaten (synthetisch)")).toBeInTheDocument();
  });

  it("says when the provider is unknown", async () => {
    fakeApi.respond({
      path: "/api/analysis/providers/owl-it",
      status: 404,
      body: {
        type: "urn:it-atlas:problem:provider_not_found",
        title: "Nicht gefunden",
        status: 404,
        detail: "Es gibt keinen IT-Dienstleister mit der Kennung „owl-it“.",
        code: "provider_not_found",
      },
    });
    renderPage();
    expect(
      await screen.findByRole("heading", { level: 1, name: "IT-Dienstleister nicht gefunden" }),
    ).toBeVisible();
  });
});
