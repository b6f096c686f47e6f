import { fakeApi as api } from "../sourcing/fakeApi.testing.ts";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { answerSession, buildRole, buildUser } from "../auth/buildUser.testing.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { buildMeasure } from "./buildMeasure.testing.ts";
import { MeasureListPage } from "./MeasureListPage.tsx";

beforeEach(() => {
  api.respond({ path: "/api/domains", body: { items: [] } });
  api.respond({ path: "/api/providers", body: { total: 0, items: [] } });
  api.respond({ path: "/api/organisations", body: { total: 0, items: [] } });
});

describe("Maßnahmen list", () => {
  it("shows status, overdue and blocked in words and sorts by the chosen column", async () => {
    answerSession(buildUser({ roles: [buildRole("kdn_analyst")] }));
    api.respond({
      path: "/api/measures",
      body: {
        total: 2,
        items: [
          buildMeasure({ id: 1, overdue: true, status: "in_arbeit" }),
          buildMeasure({ id: 2, title: "Welle 2", blocked: true, owner: { id: 3, name: "Anna" } }),
        ],
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<MeasureListPage />, { route: "/massnahmen" });
    const table = await screen.findByRole("table", { name: /Maßnahmen, 2 Treffer/ });
    const rows = within(table).getAllByRole("row");
    expect(rows[1]).toHaveTextContent("in Arbeit");
    expect(rows[1]).toHaveTextContent("überfällig");
    expect(rows[2]).toHaveTextContent("blockiert");
    expect(rows[2]).toHaveTextContent("Anna");
    expect(screen.getByRole("link", { name: "Neue Maßnahme anlegen" })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: /^Fällig/ }));
    const last = api.requests.filter((request) => request.url.pathname === "/api/measures").at(-1);
    expect(last?.url.searchParams.get("sort")).toBe("dueDate");
    expect(last?.url.searchParams.get("direction")).toBe("asc");
  });

  it("offers no create button to readers and says when nothing matches", async () => {
    answerSession(buildUser());
    api.respond({ path: "/api/measures", body: { total: 0, items: [] } });
    renderWithProviders(<MeasureListPage />, { route: "/massnahmen?status=blockiert" });
    expect(await screen.findByText(/Keine Maßnahme passt/)).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Neue Maßnahme anlegen" })).toBeNull();
    const request = api.requests.find((r) => r.url.pathname === "/api/measures");
    expect(request?.url.searchParams.get("status")).toBe("blockiert");
  });

  it("shows the server's German problem when loading fails", async () => {
    answerSession(buildUser());
    api.respond({
      path: "/api/measures",
      status: 400,
      body: { status: 400, code: "invalid_request", title: "x", detail: "Abfrage ungültig." },
    });
    renderWithProviders(<MeasureListPage />, { route: "/massnahmen" });
    expect(await screen.findByRole("alert")).toHaveTextContent("Abfrage ungültig.");
  });
});
