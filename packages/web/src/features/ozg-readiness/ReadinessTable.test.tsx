import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Schemas } from "../../api/client.ts";
import { renderWithProviders } from "../sourcing/renderWithProviders.testing.tsx";
import { ReadinessTable } from "./ReadinessTable.tsx";

function row(key: string, name: string, share: number | null, demo: boolean) {
  return {
    kommune: {
      key,
      name,
      kind: "gemeinde",
      type: "kreisangehoerige_gemeinde",
      kreisKey: null,
      kreisName: null,
      regierungsbezirkKey: "057",
      regierungsbezirkName: "Detmold",
    },
    coverage: {
      responsible: share === null ? 0 : 10,
      online: share === null ? 0 : share * 10,
      inProgress: 0,
      planned: 0,
      open: share === null ? 0 : 10 - share * 10,
      share,
    },
    peerMedian: null,
    serviceStatus: null,
    serviceInformationDate: null,
    serviceDemo: false,
    demo,
  } satisfies Schemas["ReadinessRow"];
}

describe("ReadinessTable", () => {
  it("labels coverage from demo records and shows unknown as „keine Angabe“, never 0 %", () => {
    renderWithProviders(
      <ReadinessTable
        rows={[row("05766020", "Detmold", 0.4, true), row("05766004", "Augustdorf", null, false)]}
        serviceName={null}
        caption="OZG-Abdeckung"
        fileName="ozg"
      />,
    );
    const detmold = screen.getByRole("row", { name: /Detmold/ });
    expect(within(detmold).getByText("Demodaten (synthetisch)")).toBeInTheDocument();
    const augustdorf = screen.getByRole("row", { name: /Augustdorf/ });
    expect(within(augustdorf).queryByText("Demodaten (synthetisch)")).toBeNull();
    expect(within(augustdorf).getAllByText(/keine Angabe/).length).toBeGreaterThan(0);
    expect(within(augustdorf).queryByText(/^0 %/)).toBeNull();
  });
});
