import { fakeApi as api } from "../sourcing/fakeApi.testing.ts";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { OnlineServiceDialog, parseOzgIds } from "./OnlineServiceDialog.tsx";

beforeEach(() => {
  api.respond({ path: "/api/providers", body: { total: 0, items: [] } });
});

describe("parseOzgIds", () => {
  it("reads ids separated by commas, semicolons or spaces and names what is not an id", () => {
    expect(parseOzgIds("10221, 10306;10221  7")).toEqual({ ids: [10221, 10306, 7], invalid: [] });
    expect(parseOzgIds("10221, Wohngeld, 0")).toEqual({ ids: [10221], invalid: ["Wohngeld", "0"] });
    expect(parseOzgIds("  ")).toEqual({ ids: [], invalid: [] });
  });
});

describe("OnlineServiceDialog", () => {
  it("refuses OZG-IDs that are no numbers before sending anything", async () => {
    renderWithProviders(<OnlineServiceDialog service={null} onClose={vi.fn()} />);
    const user = userEvent.setup();
    const dialog = screen.getByRole("dialog", { name: "Onlinedienst anlegen" });
    await user.type(within(dialog).getByLabelText(/^Kennung/), "wohngeld-nrw");
    await user.type(within(dialog).getByLabelText(/^Name/), "Wohngeld NRW");
    await user.type(within(dialog).getByLabelText(/^OZG-Leistungen/), "10221, Wohngeld");
    await user.click(within(dialog).getByRole("button", { name: "Speichern" }));
    expect(within(dialog).getByLabelText(/^OZG-Leistungen/)).toHaveAccessibleDescription(
      /Keine OZG-ID: Wohngeld/,
    );
    expect(api.requests.some((request) => request.method === "PUT")).toBe(false);
  });

  it("creates a service with operator, EfA flag, dependencies and OZG-Leistungen", async () => {
    api.respond({ method: "PUT", path: "/api/ozg/online-services/wohngeld-nrw", body: {} });
    const onClose = vi.fn();
    renderWithProviders(<OnlineServiceDialog service={null} onClose={onClose} />);
    const user = userEvent.setup();
    const dialog = screen.getByRole("dialog", { name: "Onlinedienst anlegen" });
    await user.type(within(dialog).getByLabelText(/^Kennung/), "wohngeld-nrw");
    await user.type(within(dialog).getByLabelText(/^Name/), "Wohngeld NRW");
    await user.type(within(dialog).getByLabelText(/^Betreiber \(andere Stelle\)/), "Land NRW");
    await user.click(within(dialog).getByLabelText(/EfA-Dienst/));
    await user.selectOptions(within(dialog).getByLabelText(/Federführendes Land/), "NW");
    await user.click(within(dialog).getByRole("checkbox", { name: "E-Payment" }));
    await user.type(within(dialog).getByLabelText(/^OZG-Leistungen/), "10221; 10306");
    await user.click(within(dialog).getByRole("button", { name: "Speichern" }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const request = api.requests.find((item) => item.method === "PUT");
    expect(request?.body).toEqual({
      name: "Wohngeld NRW",
      description: null,
      kind: "onlinedienst",
      component: null,
      operatorProviderId: null,
      operatorName: "Land NRW",
      efa: true,
      leadLand: "NW",
      portal: null,
      maturity: 3,
      dependencies: ["epayment"],
      ozgIds: [10221, 10306],
    });
  });
});
