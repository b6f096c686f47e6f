import { fakeApi as api } from "../sourcing/fakeApi.testing.ts";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { AdoptionHistory } from "./AdoptionHistory.tsx";
import type { AdoptionHistoryEntry } from "./adoptionHistoryQueries.ts";

const PATH = "/api/ozg/leistungen/10124/adoption-history";

function buildEntry(overrides: Partial<AdoptionHistoryEntry> = {}): AdoptionHistoryEntry {
  return {
    id: 1,
    at: "2026-03-05T13:30:00Z",
    organisationKey: "05766020",
    kommuneName: "Detmold",
    action: "change",
    via: "ui",
    statusBefore: "geplant",
    statusAfter: "online",
    informationDate: "2026-03-01",
    onlineServiceName: "Melde-Online NRW",
    quality: "self_reported",
    changedBy: null,
    ...overrides,
  };
}

function show() {
  renderWithProviders(<AdoptionHistory ozgId={10124} name="Wohnsitzmeldungen" />);
}

const historyRequests = () =>
  api.requests.filter((request) => request.url.pathname === PATH).map((request) => request.url);

describe("AdoptionHistory", () => {
  it("shows the changes in a table with German dates, statuses and the way they came", async () => {
    api.respond({
      path: PATH,
      body: {
        total: 2,
        items: [
          buildEntry({ id: 2, action: "import", via: "import", changedBy: "a@kreis-lippe.de" }),
          buildEntry({
            id: 1,
            at: "2026-01-10T08:00:00Z",
            action: "create",
            statusBefore: null,
            statusAfter: "geplant",
            informationDate: "2026-01-10",
            onlineServiceName: null,
          }),
        ],
      },
    });
    show();
    const table = await screen.findByRole("table", {
      name: "Verlauf der Umsetzung von Wohnsitzmeldungen (alle Kommunen, 2 Änderungen)",
    });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(2);
    const first = within(rows[0]!)
      .getAllByRole("cell")
      .map((cell) => cell.textContent);
    expect(first).toEqual([
      "05.03.2026, 14:30:00",
      "geplant",
      "online",
      "01.03.2026",
      "Melde-Online NRW",
      "selbst gemeldet", // the quality labels of domain (issue 14, one enum)
      "importiert (Import)",
      "a@kreis-lippe.de",
    ]);
    expect(within(rows[0]!).getByRole("rowheader", { name: "Detmold" })).toBeVisible();
    const second = within(rows[1]!)
      .getAllByRole("cell")
      .map((cell) => cell.textContent);
    expect(second.slice(1, 3)).toEqual(["–", "geplant"]);
    expect(second.at(-2)).toBe("erstmals erfasst (Oberfläche)");
    expect(second.at(-1)).toBe("–");
    expect(screen.getByRole("button", { name: "Verlauf als CSV exportieren" })).toBeEnabled();
    expect(screen.queryByRole("navigation", { name: "Seiten des Verlaufs" })).toBeNull();
  });

  it("pages through the server's pages", async () => {
    api.respond({
      path: PATH,
      body: { total: 51, items: [buildEntry({ id: 51, kommuneName: "Lemgo" })] },
    });
    show();
    const user = userEvent.setup();
    await screen.findByRole("rowheader", { name: "Lemgo" });
    expect(historyRequests()[0]?.searchParams.get("page")).toBe("1");
    api.respond({
      path: PATH,
      body: { total: 51, items: [buildEntry({ id: 1, kommuneName: "Blomberg" })] },
    });
    const pages = screen.getByRole("navigation", { name: "Seiten des Verlaufs" });
    await user.click(within(pages).getByRole("button", { name: "Nächste Seite" }));
    expect(await screen.findByRole("rowheader", { name: "Blomberg" })).toBeVisible();
    expect(historyRequests().at(-1)?.searchParams.get("page")).toBe("2");
    expect(historyRequests().at(-1)?.searchParams.get("pageSize")).toBe("50");
  });

  it("filters by a Kommune picked by name and says when it has no changes", async () => {
    api.respond({ path: PATH, body: { total: 1, items: [buildEntry()] } });
    api.respond({
      path: "/api/organisations",
      body: {
        total: 1,
        items: [{ key: "05766044", name: "Lemgo", kind: "gemeinde" }],
      },
    });
    show();
    const user = userEvent.setup();
    await screen.findByRole("table");
    api.respond({ path: PATH, body: { total: 0, items: [] } });
    await user.type(screen.getByLabelText(/Kommune suchen/), "Lemgo");
    const select = screen.getByRole("combobox", { name: "Kommune" });
    await screen.findByRole("option", { name: /Lemgo \(05766044\)/ });
    await user.selectOptions(select, "05766044");
    expect(
      await screen.findByText("Für Lemgo wurde noch keine Änderung des Umsetzungsstands erfasst."),
    ).toBeVisible();
    expect(historyRequests().at(-1)?.searchParams.get("kommune")).toBe("05766044");
    await user.click(screen.getByRole("button", { name: "Alle Kommunen zeigen" }));
    await waitFor(() => expect(historyRequests().at(-1)?.searchParams.get("kommune")).toBeNull());
  });

  it("says it is loading, then shows the server's message when loading fails", async () => {
    api.respond({
      path: PATH,
      status: 404,
      body: {
        type: "urn:it-atlas:problem:ozg_leistung_not_found",
        title: "Nicht gefunden",
        status: 404,
        code: "ozg_leistung_not_found",
        detail: "Die OZG-Leistung 10124 wurde nicht gefunden.",
      },
    });
    show();
    expect(screen.getByText("Verlauf wird geladen …")).toBeVisible();
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Die OZG-Leistung 10124 wurde nicht gefunden.",
    );
    expect(screen.queryByText("Verlauf wird geladen …")).toBeNull();
    expect(screen.queryByRole("table")).toBeNull();
  });
});
