import { fakeApi as api } from "../sourcing/fakeApi.testing.ts";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { answerSession, buildRole, buildUser } from "../auth/buildUser.testing.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { ReportsPage } from "./ReportsPage.tsx";

beforeEach(() => {
  answerSession(buildUser({ roles: [buildRole("leser")] }));
  api.respond({
    path: "/api/kpi/current",
    body: { items: [{ level: "kreis", key: "05766", name: "Kreis Lippe", figures: {} }] },
  });
  api.respond({ path: "/api/reports/landscape", body: "%PDF-1.4" });
  vi.stubGlobal(
    "URL",
    Object.assign(URL, { createObjectURL: () => "blob:x", revokeObjectURL: () => {} }),
  );
});

describe("Berichte page", () => {
  it("downloads the landscape report of the chosen Kreis", async () => {
    const user = userEvent.setup();
    renderWithProviders(<ReportsPage />);
    expect(screen.getByRole("radio", { name: /Landschaftsbericht/ })).toBeChecked();
    const download = screen.getByRole("button", { name: "PDF herunterladen" });
    expect(download).toBeDisabled();
    await screen.findByRole("option", { name: "Kreis Lippe (05766)" });
    await user.selectOptions(screen.getByLabelText("Gebiet"), "05766");
    await user.click(download);
    expect(await screen.findByText("Bericht erstellt und heruntergeladen.")).toBeInTheDocument();
    await waitFor(() => {
      const request = api.requests.find((entry) => entry.url.pathname === "/api/reports/landscape");
      expect(request?.url.search).toBe("?level=kreis&key=05766");
    });
  });
});
