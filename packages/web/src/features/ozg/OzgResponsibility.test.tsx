import { fakeApi as api } from "../sourcing/fakeApi.testing.ts";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Schemas } from "../../api/client.ts";
import { answerSession, buildRole, buildUser } from "../auth/buildUser.testing.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { OzgResponsibility } from "./OzgResponsibility.tsx";

const typeRule = (
  leikaType: "2/3" | "5",
  responsibleTypes: Schemas["ResponsibilityRule"]["responsibleTypes"],
): Schemas["ResponsibilityRule"] => ({
  scope: "leika_typ",
  leikaType,
  ozgId: null,
  ozgName: null,
  responsibleTypes,
  basis: `Typ ${leikaType}`,
  updatedAt: null,
  updatedBy: "system",
});

function answerRules(extra: Schemas["ResponsibilityRule"][] = []) {
  api.respond({
    path: "/api/ozg/responsibility-rules",
    body: { items: [typeRule("2/3", ["kreis", "kreisfreie_stadt"]), typeRule("5", []), ...extra] },
  });
}

describe("OzgResponsibility", () => {
  it("shows the rule of the Leistung's LeiKa-Typen to readers, without an edit button", async () => {
    answerSession(buildUser());
    answerRules();
    renderWithProviders(
      <OzgResponsibility ozgId={10124} name="Wohnsitzmeldungen" leikaTypes={["2", "3"]} />,
    );
    expect(await screen.findByText(/Es gilt die Regel des LeiKa-Typs 2\/3/)).toBeVisible();
    expect(screen.queryByRole("button", { name: /Eigene Regel/ })).toBeNull();
  });

  it("lets an administrator give the Leistung its own rule, starting from the inherited one", async () => {
    answerSession(buildUser({ roles: [buildRole("administrator")] }));
    answerRules();
    api.respond({
      method: "PUT",
      path: "/api/ozg/responsibility-rules/leistung/10124",
      body: {},
    });
    renderWithProviders(
      <OzgResponsibility ozgId={10124} name="Wohnsitzmeldungen" leikaTypes={["2"]} />,
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Eigene Regel festlegen" }));
    const dialog = screen.getByRole("dialog", { name: "Regel für „Wohnsitzmeldungen“" });
    expect(within(dialog).queryByRole("button", { name: "Eigene Regel entfernen" })).toBeNull();
    await user.type(within(dialog).getByLabelText("Begründung"), "Meldewesen: jede Gemeinde");
    await user.click(within(dialog).getByRole("button", { name: "Speichern" }));
    await waitFor(() =>
      expect(api.requests.find((request) => request.method === "PUT")?.body).toEqual({
        responsibleTypes: ["kreis", "kreisfreie_stadt"],
        basis: "Meldewesen: jede Gemeinde",
      }),
    );
  });

  it("lets an administrator remove the Leistung's own rule", async () => {
    answerSession(buildUser({ roles: [buildRole("administrator")] }));
    answerRules([
      {
        ...typeRule("5", ["kreisangehoerige_gemeinde"]),
        scope: "leistung",
        leikaType: null,
        ozgId: 10124,
        ozgName: "Wohnsitzmeldungen",
        basis: "Meldewesen: jede Gemeinde",
      },
    ]);
    api.respond({
      method: "DELETE",
      path: "/api/ozg/responsibility-rules/leistung/10124",
      status: 204,
      body: null,
    });
    renderWithProviders(
      <OzgResponsibility ozgId={10124} name="Wohnsitzmeldungen" leikaTypes={["2"]} />,
    );
    expect(await screen.findByText(/Eigene Regel dieser Leistung/)).toBeVisible();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Eigene Regel ändern" }));
    await user.click(screen.getByRole("button", { name: "Eigene Regel entfernen" }));
    await waitFor(() =>
      expect(api.requests.some((request) => request.method === "DELETE")).toBe(true),
    );
  });
});
