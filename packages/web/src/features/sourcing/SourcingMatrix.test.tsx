import { fakeApi } from "./fakeApi.testing.ts";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { answerSession, buildRole, buildUser } from "../auth/buildUser.testing.ts";
import { buildServiceDomain } from "./buildServiceDomain.testing.ts";
import { buildSourcing } from "./buildSourcing.testing.ts";
import { renderWithProviders } from "./renderWithProviders.testing.tsx";
import { SourcingMatrix } from "./SourcingMatrix.tsx";

const DEMO_PROVENANCE = {
  sourceId: null,
  sourceUrls: [],
  asOf: null,
  evidence: "Demodaten (synthetisch): deterministisch erzeugt, keine Tatsache",
  quality: "demo" as const,
};

function answerMatrix(items: ReturnType<typeof buildSourcing>[]) {
  fakeApi.respond({
    path: "/api/organisations/05766020/sourcing",
    body: { asOf: "2025-06-30", responsibleDomainIds: ["einwohnerwesen", "wahlen"], items },
  });
}

const DETMOLD_EDITOR = buildUser({
  roles: [buildRole("kommune_bearbeiter", { organisationKey: "05766020" })],
});

beforeEach(() => {
  answerSession(DETMOLD_EDITOR);
  fakeApi.respond({
    path: "/api/domains",
    body: {
      items: [
        buildServiceDomain({
          id: "fachverfahren",
          name: "Fachverfahren",
          isGroup: true,
          position: 3000,
        }),
        buildServiceDomain({ id: "wahlen", name: "Wahlen", position: 3020 }),
        buildServiceDomain(),
        buildServiceDomain({ id: "kfz-zulassung", name: "Kfz-Zulassung", position: 3030 }),
      ],
    },
  });
});

function renderMatrix() {
  renderWithProviders(<SourcingMatrix ags="05766020" name="Detmold" />, {
    route: "/kommunen/05766020?stichtag=2025-06-30",
  });
}

describe("SourcingMatrix", () => {
  it("marks demo rows and shows a demo banner", async () => {
    answerMatrix([buildSourcing({ demo: true, provenance: DEMO_PROVENANCE })]);
    renderMatrix();

    const table = await screen.findByRole("table", { name: /Bezug von Detmold/ });
    expect(screen.getByText(/sind synthetisch erzeugt und keine Tatsachen/)).toBeInTheDocument();
    const row = within(table).getByRole("row", { name: /Einwohnerwesen/ });
    expect(within(row).getByText("Demodaten (synthetisch)")).toBeInTheDocument();
    expect(within(row).getByText("47.195 €")).toBeInTheDocument();
    expect(within(row).getByText("74.486 Einwohner")).toBeInTheDocument();
    expect(within(row).getByText("4 von 5")).toBeInTheDocument();
    const matrixRequest = fakeApi.requests.find((request) =>
      request.url.pathname.endsWith("/sourcing"),
    );
    expect(matrixRequest?.url.searchParams.get("asOf")).toBe("2025-06-30");
  });

  it("lists only the responsible domains, in catalogue order, and offers to record missing ones", async () => {
    answerMatrix([buildSourcing()]);
    renderMatrix();

    const table = await screen.findByRole("table", { name: /Bezug von Detmold/ });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getByRole("rowheader").textContent)).toEqual([
      "Einwohnerwesen",
      "Wahlen",
    ]);
    expect(within(rows[1] as HTMLElement).getByText("keine Angabe")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Erfassen (Wahlen)" })).toBeInTheDocument();
    expect(screen.queryByText(/sind synthetisch erzeugt/)).not.toBeInTheDocument();
  });

  it("says in words when costs are withheld from the viewer", async () => {
    answerMatrix([
      buildSourcing({
        confidentialHidden: true,
        annualCost: null,
        runningCost: null,
        investmentCost: null,
        volume: null,
        contractEnd: null,
        satisfaction: null,
      }),
    ]);
    renderMatrix();

    const row = await screen.findByRole("row", { name: /Einwohnerwesen/ });
    expect(within(row).getByText(/vertraulich – nur für Berechtigte sichtbar/)).toBeInTheDocument();
  });

  it("opens the edit form for a row", async () => {
    answerMatrix([buildSourcing()]);
    fakeApi.respond({ path: "/api/providers", body: { items: [], total: 0 } });
    fakeApi.respond({ path: "/api/products", body: { items: [] } });
    const user = userEvent.setup();
    renderMatrix();

    await user.click(await screen.findByRole("button", { name: "Bearbeiten (Einwohnerwesen)" }));
    const dialog = screen.getByRole("dialog", { name: "Bezug bearbeiten: Einwohnerwesen" });
    expect(within(dialog).getByLabelText("Betriebsmodell")).toHaveValue("it_dienstleister");
  });

  it("offers no edit buttons to a Leser, only the history and a hint who may edit", async () => {
    answerSession(buildUser());
    answerMatrix([buildSourcing()]);
    renderMatrix();

    const table = await screen.findByRole("table", { name: /Bezug von Detmold/ });
    expect(
      await screen.findByText(/Bearbeiten nur für berechtigte Personen dieser Kommune/),
    ).toBeInTheDocument();
    expect(within(table).queryByRole("button", { name: /Bearbeiten|Erfassen/ })).toBeNull();
    expect(
      within(table).getByRole("button", { name: "Verlauf (Einwohnerwesen)" }),
    ).toBeInTheDocument();
  });

  it("offers no edit buttons to the Bearbeiter of another Kommune", async () => {
    answerSession(
      buildUser({ roles: [buildRole("kommune_bearbeiter", { organisationKey: "05766008" })] }),
    );
    answerMatrix([buildSourcing()]);
    renderMatrix();

    await screen.findByText(/Bearbeiten nur für berechtigte Personen dieser Kommune/);
    expect(screen.queryByRole("button", { name: /^Bearbeiten/ })).toBeNull();
  });

  it("offers editing and recording to the Kommune's own Bearbeiter", async () => {
    answerMatrix([buildSourcing()]);
    renderMatrix();

    expect(
      await screen.findByRole("button", { name: "Bearbeiten (Einwohnerwesen)" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Erfassen (Wahlen)" })).toBeInTheDocument();
    expect(screen.queryByText(/Bearbeiten nur für berechtigte Personen/)).toBeNull();
  });
});
