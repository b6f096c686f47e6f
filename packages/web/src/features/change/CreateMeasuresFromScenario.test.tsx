import { fakeApi as api } from "../sourcing/fakeApi.testing.ts";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { answerSession, buildRole, buildUser } from "../auth/buildUser.testing.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { buildMeasure } from "./buildMeasure.testing.ts";
import { CreateMeasuresFromScenario } from "./CreateMeasuresFromScenario.tsx";

const migrations = [
  {
    kommuneId: "05766020",
    domainId: "einwohnerwesen",
    fromProviderId: "owl-it",
    toProviderId: "regio-it",
    oneOffCost: 40000,
  },
];

describe("create measures from a scenario", () => {
  it("posts the scenario's migrations with the wave settings and project capacities and links the new measures", async () => {
    answerSession(buildUser({ roles: [buildRole("kdn_analyst")] }));
    api.respond({
      method: "POST",
      path: "/api/measures/from-migrations",
      status: 201,
      body: {
        items: [buildMeasure({ id: 12 })],
        notes: ["Die Wechsel passen nicht in den Zeitraum des Szenarios (5 Jahre, bis 2031)."],
      },
    });
    const user = userEvent.setup();
    renderWithProviders(
      <CreateMeasuresFromScenario
        scenarioId="s-7"
        migrations={migrations}
        providerMigrationsPerYear={[
          { providerId: "regio-it", migrationsPerYear: 2 },
          { providerId: "owl-it", migrationsPerYear: 0 },
        ]}
        couplings={[{ domainIds: ["einwohnerwesen", "personenstandswesen"] }]}
        horizonYears={5}
        defaultStartYear={2027}
      />,
    );
    const perYear = await screen.findByLabelText("Höchstens Wechsel je Jahr");
    await user.clear(perYear);
    await user.type(perYear, "20");
    await user.click(screen.getByRole("button", { name: "Maßnahmen anlegen" }));
    expect(
      await screen.findByRole("link", { name: "Wechsel Einwohnerwesen zu regio iT – Welle 1" }),
    ).toHaveAttribute("href", "/massnahmen/12");
    expect(screen.getByRole("link", { name: "Auf der Roadmap ansehen" })).toHaveAttribute(
      "href",
      "/roadmap?scenario=s-7",
    );
    expect(api.requests.find((request) => request.method === "POST")?.body).toEqual({
      scenarioId: "s-7",
      migrations,
      startYear: 2027,
      maxMigrationsPerYear: 20,
      // The scenario's project capacities; a provider that takes in nothing is left out.
      providerMigrationsPerYear: [{ providerId: "regio-it", migrationsPerYear: 2 }],
      // Coupled switches of a Kommune become one measure; waves are checked against the horizon.
      couplings: [{ domainIds: ["einwohnerwesen", "personenstandswesen"] }],
      horizonYears: 5,
    });
    // The page says why waves run past the horizon.
    expect(screen.getByText(/passen nicht in den Zeitraum des Szenarios/)).toBeInTheDocument();
  });

  it("is not offered to readers", async () => {
    answerSession(buildUser());
    const { container } = renderWithProviders(
      <CreateMeasuresFromScenario scenarioId="s-7" migrations={migrations} />,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container).toBeEmptyDOMElement();
  });
});
