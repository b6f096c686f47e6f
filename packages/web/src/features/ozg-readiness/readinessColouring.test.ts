import { describe, expect, it } from "vitest";
import type { Schemas } from "../../api/client.ts";
import { NEUTRAL_FILL } from "../../map/palette.ts";
import {
  colourReadiness,
  coverageClassOf,
  formatShare,
  STATUS_COLOR,
} from "./readinessColouring.ts";

function row(
  key: string,
  share: number | null,
  serviceStatus: Schemas["ReadinessRow"]["serviceStatus"],
) {
  return {
    kommune: {
      key,
      name: key,
      kind: "gemeinde",
      type: "kreisangehoerige_gemeinde",
      kreisKey: null,
      kreisName: null,
      regierungsbezirkKey: "059",
      regierungsbezirkName: "Arnsberg",
    },
    coverage: {
      responsible: 10,
      online: share === null ? 0 : share * 10,
      inProgress: 0,
      planned: 0,
      open: 0,
      share,
    },
    peerMedian: 0.5,
    serviceStatus,
    serviceInformationDate: null,
    serviceDemo: true,
    demo: true,
  } satisfies Schemas["ReadinessRow"];
}

describe("colourReadiness", () => {
  it.each([
    [0, "unter 20 %"],
    [0.2, "20 bis unter 40 %"],
    [0.79, "60 bis unter 80 %"],
    [1, "80 % und mehr"],
  ])("puts a share of %s in class %s", (share, label) => {
    expect(coverageClassOf(share)?.label).toBe(label);
  });

  it("colours by the service's status and names it in the description", () => {
    const colouring = colourReadiness([row("05958004", 0.4, "offen")], true);
    expect(colouring.colourOf("05958004")).toBe(STATUS_COLOR.offen);
    expect(colouring.colourOf("05111000")).toBe(NEUTRAL_FILL);
    expect(colouring.describe("05958004", "Arnsberg")).toBe(
      "Arnsberg: fehlt; 4 von 10 zuständigen OZG-Leistungen online (40 %)",
    );
    expect(colouring.legend.map((entry) => entry.label)).toContain("fehlt");
  });

  it("colours by coverage without a service", () => {
    const colouring = colourReadiness([row("05958004", 0.9, null)], false);
    expect(colouring.colourOf("05958004")).toBe("#08519c");
    expect(formatShare(null)).toBe("keine Angabe");
  });
});
