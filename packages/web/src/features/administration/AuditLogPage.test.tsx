import { fakeApi } from "../sourcing/fakeApi.testing.ts";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { AuditLogPage } from "./AuditLogPage.tsx";

const ENTRY = {
  id: 41,
  at: "2025-06-30T12:05:09Z",
  actorUserId: 1,
  actorLabel: "admin@example.org",
  via: "ui" as const,
  action: "update",
  entityType: "user",
  entityId: "2",
  before: { displayName: "Erika Muster", status: "active" },
  after: { displayName: "Erika Muster", status: "deactivated" },
};

beforeEach(() => {
  fakeApi.respond({ path: "/api/audit", body: { items: [ENTRY], total: 1 } });
});

describe("AuditLogPage", () => {
  it("shows who changed what in German, with before and after on request", async () => {
    const user = userEvent.setup();
    renderWithProviders(<AuditLogPage />, { route: "/verwaltung/protokoll" });

    const row = await screen.findByRole("row", { name: /30\.06\.2025, 14:05:09/ });
    expect(within(row).getByText("admin@example.org")).toBeInTheDocument();
    expect(within(row).getByText("Oberfläche")).toBeInTheDocument();
    expect(within(row).getByText("geändert")).toBeInTheDocument();
    expect(within(row).getByText(/Benutzerkonto 2/)).toBeInTheDocument();

    await user.click(within(row).getByText("Vorher/Nachher anzeigen"));
    expect(within(row).getByRole("heading", { name: "Vorher" })).toBeInTheDocument();
    expect(within(row).getByText("deactivated")).toBeInTheDocument();
    // The changed field is marked in words on both sides, the unchanged one is not.
    expect(within(row).getAllByText("(geändert)")).toHaveLength(2);
  });

  it("filters by object and exports the same filter as CSV", async () => {
    const user = userEvent.setup();
    renderWithProviders(<AuditLogPage />, { route: "/verwaltung/protokoll" });
    await screen.findByRole("row", { name: /30\.06\.2025/ });

    await user.selectOptions(screen.getByLabelText("Objektart"), "user");
    await user.type(screen.getByLabelText(/^Objekt-ID/), "2");
    await user.click(screen.getByRole("button", { name: "Filtern" }));

    await waitFor(() =>
      expect(
        fakeApi.requests.some(
          (request) =>
            request.url.searchParams.get("entityType") === "user" &&
            request.url.searchParams.get("entityId") === "2",
        ),
      ).toBe(true),
    );
    expect(screen.getByRole("link", { name: "Als CSV exportieren" })).toHaveAttribute(
      "href",
      "/api/audit.csv?entityType=user&entityId=2",
    );
  });
});
