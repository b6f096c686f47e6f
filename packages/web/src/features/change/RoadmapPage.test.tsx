import { fakeApi as api } from "../sourcing/fakeApi.testing.ts";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { answerSession, buildUser } from "../auth/buildUser.testing.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { buildMeasure } from "./buildMeasure.testing.ts";
import { RoadmapPage } from "./RoadmapPage.tsx";

beforeEach(() => {
  answerSession(buildUser());
  api.respond({ path: "/api/domains", body: { items: [] } });
  api.respond({ path: "/api/providers", body: { total: 0, items: [] } });
  api.respond({ path: "/api/organisations", body: { total: 0, items: [] } });
  api.respond({
    path: "/api/measures/roadmap",
    body: {
      today: "2027-06-01",
      items: [
        buildMeasure({ id: 1, overdue: true }),
        buildMeasure({
          id: 2,
          title: "Wechsel Einwohnerwesen zu regio iT – Welle 2",
          startDate: "2028-01-01",
          dueDate: "2028-12-31",
          blocked: true,
          dependsOn: [
            { id: 1, title: "Wechsel Einwohnerwesen zu regio iT – Welle 1", status: "geplant" },
          ],
        }),
      ],
      criticalPath: [1, 2],
      criticalPathDays: 731,
    },
  });
});

describe("Roadmap", () => {
  it("names the critical path and marks overdue, blocked and critical measures in words", async () => {
    renderWithProviders(<RoadmapPage />, { route: "/roadmap" });
    expect(
      await screen.findByText(
        "Wechsel Einwohnerwesen zu regio iT – Welle 1 → Wechsel Einwohnerwesen zu regio iT – Welle 2 (731 Tage)",
      ),
    ).toBeInTheDocument();
    const group = screen.getByRole("region", { name: "Einwohnerwesen" });
    const items = within(group).getAllByRole("listitem");
    expect(items[0]).toHaveTextContent("überfällig");
    expect(items[0]).toHaveTextContent("kritischer Pfad");
    expect(items[0]).toHaveTextContent("01.01.2027 bis 31.12.2027");
    expect(items[1]).toHaveTextContent("blockiert");
  });

  it("shows the same measures as a table grouped by Kreis", async () => {
    const user = userEvent.setup();
    renderWithProviders(<RoadmapPage />, { route: "/roadmap?gruppe=kreis" });
    await user.click(await screen.findByRole("radio", { name: "Tabelle" }));
    const table = screen.getByRole("table", { name: /gruppiert nach Kreis/ });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(rows[2]).toHaveTextContent("Kreis Lippe");
    expect(rows[2]).toHaveTextContent("Welle 1");
    expect(rows[2]).toHaveTextContent("blockiert");
  });

  it("shows the measures as a list by default on a narrow screen", async () => {
    // A phone: every max-width query below 48rem matches.
    vi.stubGlobal("matchMedia", (query: string) => ({
      matches: query.includes("max-width"),
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }));
    renderWithProviders(<RoadmapPage />, { route: "/roadmap" });
    const list = await screen.findByRole("region", {
      name: /^Maßnahmen 01.01.2027 bis 31.12.2028/,
    });
    expect(screen.getByRole("radio", { name: "Liste" })).toBeChecked();
    expect(screen.queryByRole("region", { name: /^Zeitleiste/ })).toBeNull();
    const group = within(list).getByRole("region", { name: "Einwohnerwesen" });
    const items = within(group).getAllByRole("listitem");
    expect(items[0]).toHaveTextContent("01.01.2027 bis 31.12.2027");
    expect(items[0]).toHaveTextContent("überfällig");
    expect(items[1]).toHaveTextContent("hängt ab von Wechsel Einwohnerwesen zu regio iT – Welle 1");
  });

  it("keeps the Gantt on a wide screen and the list when chosen", async () => {
    const user = userEvent.setup();
    renderWithProviders(<RoadmapPage />, { route: "/roadmap" });
    await screen.findByRole("region", { name: /^Zeitleiste 01.01.2027 bis 31.12.2028/ });
    await user.click(screen.getByRole("radio", { name: "Liste" }));
    expect(screen.getByRole("region", { name: /^Maßnahmen 01.01.2027/ })).toBeInTheDocument();
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});
