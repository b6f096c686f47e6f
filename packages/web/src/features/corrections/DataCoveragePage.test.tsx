import { fakeApi as api } from "../sourcing/fakeApi.testing.ts";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import type { Schemas } from "../../api/client.ts";
import { answerSession, buildRole, buildUser } from "../auth/buildUser.testing.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { NewCampaignPage } from "../survey/CampaignListPage.tsx";
import { DataCoveragePage } from "./DataCoveragePage.tsx";

type Row = Schemas["DataCoverageRow"];

function row(
  key: string,
  name: string,
  share: number,
  stale: boolean,
  ageDays: number | null,
): Row {
  return {
    key,
    name,
    kind: "gemeinde",
    kreisKey: "05766",
    domainsWithEntry: Math.round(share * 10),
    domainsTotal: 10,
    share,
    newestEvidence: ageDays === null ? null : "2024-01-01",
    ageDays,
    stale,
    qualities: {
      official: 0,
      sourced: 1,
      self_reported: 0,
      provider_confirmed: 0,
      user: 0,
      estimated: 0,
      demo: 0,
    },
  };
}

// 30 Gemeinden; the weakest are those with share 0 (Blomberg, Horn-Bad Meinberg, Lügde first).
const ROWS: Row[] = [
  row("05766020", "Detmold", 0.9, false, 30),
  row("05766008", "Blomberg", 0, true, null),
  row("05766032", "Horn-Bad Meinberg", 0, true, 2000),
  row("05766044", "Lügde", 0, false, 10),
  ...Array.from({ length: 26 }, (_, index) =>
    row(
      `0577${String(index).padStart(4, "0")}`,
      `Gemeinde ${index + 1}`,
      0.5 + index / 100,
      false,
      5,
    ),
  ),
];

beforeEach(() => {
  api.respond({ path: "/api/datenlage", body: { items: ROWS } });
  api.respond({ path: /^\/api\/geo\//, status: 404, body: { title: "nicht da", status: 404 } });
  api.respond({ path: "/api/domains", body: { items: [] } });
  api.respond({ path: "/api/organisations", body: { total: 0, items: [] } });
  api.respond({ path: "/api/providers", body: { total: 0, items: [] } });
});

function renderPages() {
  renderWithProviders(
    <Routes>
      <Route path="/datenlage" element={<DataCoveragePage />} />
      <Route path="/bedarfserhebung/neu" element={<NewCampaignPage />} />
    </Routes>,
    { route: "/datenlage" },
  );
}

describe("Bedarfserhebung from the Datenlage", () => {
  it("lets a KDN analyst start a campaign prefilled with the Kommunen of the weakest Datenlage", async () => {
    const user = userEvent.setup();
    answerSession(buildUser({ roles: [buildRole("kdn_analyst")] }));
    renderPages();
    const section = await screen.findByRole("region", {
      name: "Bedarfserhebung für die schwächste Datenlage",
    });
    await user.selectOptions(within(section).getByLabelText("Anzahl der Kommunen"), "10");
    await user.click(
      within(section).getByRole("button", {
        name: "Bedarfserhebung für diese 10 Kommunen vorbereiten",
      }),
    );
    expect(await screen.findByRole("heading", { name: "Neue Erhebung" })).toBeInTheDocument();
    const chosen = screen.getByRole("list", { name: "Ausgewählte Kommunen" });
    const names = within(chosen)
      .getAllByRole("listitem")
      .map((item) => item.textContent?.replace(/Entfernen.*$/, "").trim());
    // Weakest first: no share and no evidence, then no share and the oldest evidence, …
    expect(names.slice(0, 3)).toEqual(["Blomberg", "Horn-Bad Meinberg", "Lügde"]);
    expect(names).toHaveLength(10);
    expect(names).not.toContain("Detmold");
    expect(screen.getByText("10 Kommunen ausgewählt")).toBeInTheDocument();
    expect(screen.getByLabelText("Zielgruppe")).toHaveValue("kommunen");
  });

  it("offers no campaign to a reader", async () => {
    answerSession(buildUser());
    renderPages();
    await screen.findByRole("table");
    expect(
      screen.queryByRole("region", { name: "Bedarfserhebung für die schwächste Datenlage" }),
    ).toBeNull();
  });
});
