import { describe, expect, it } from "vitest";
import type { Schemas } from "../../api/client.ts";
import { CATEGORY_COLORS, NEUTRAL_FILL } from "../../map/palette.ts";
import { colourLandscape, quantileBreaks } from "./colouring.ts";

type Sourcing = Schemas["Sourcing"];

function item(
  ags: string,
  providerId: string | null,
  annualCost: number,
  population = 1000,
): Sourcing {
  return {
    id: Number(ags.slice(-3)),
    organisation: { ags, name: `Kommune ${ags}`, kind: "gemeinde", population },
    domain: { id: "einwohnerwesen", name: "Einwohnerwesen" },
    operatingModel: providerId ? "it_dienstleister" : "eigenbetrieb",
    provider: providerId
      ? { id: providerId, shortName: providerId.toUpperCase(), name: providerId, status: "active" }
      : null,
    partner: null,
    product: null,
    annualCost,
    runningCost: annualCost,
    investmentCost: 0,
    volume: population,
    volumeUnit: "einwohner",
    contractEnd: null,
    satisfaction: null,
    validFrom: "2016-01-01",
    validTo: null,
    predecessorId: null,
    changeReason: null,
    demo: true,
    confidentialHidden: false,
    provenance: { sourceId: null, sourceUrls: [], asOf: null, evidence: null, quality: "demo" },
  };
}

describe("colourLandscape", () => {
  it("gives the most frequent provider the first colour and counts every category", () => {
    const colouring = colourLandscape(
      [item("05766004", "owl-it", 1), item("05766008", "owl-it", 1), item("05766012", null, 1)],
      "provider",
    );
    expect(colouring.colourOf("05766004")).toBe(CATEGORY_COLORS[0]);
    expect(colouring.categoryOf("05766012")).toBe("Eigener Betrieb");
    expect(colouring.legend.map((entry) => entry.label)).toEqual([
      "OWL-IT (2)",
      "Eigener Betrieb (1)",
      "nicht zuständig / keine Angabe",
    ]);
    expect(colouring.colourOf("05999999")).toBe(NEUTRAL_FILL);
  });

  it("groups rare categories as Weitere when there are more than the palette holds", () => {
    const items = Array.from({ length: 10 }, (_, index) =>
      item(`05766${String(index).padStart(3, "0")}`, `p${index}`, 1),
    );
    const colouring = colourLandscape(items, "provider");
    expect(colouring.legend.some((entry) => entry.label === "Weitere (3)")).toBe(true);
  });

  it("classes cost per inhabitant into quantiles with German euro labels", () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((cost, index) =>
      item(`05766${String(index).padStart(3, "0")}`, "owl-it", cost * 1000),
    );
    const colouring = colourLandscape(items, "costPerInhabitant");
    expect(colouring.categoryOf("05766000")).toBe("1,00 € je Einwohner");
    expect(colouring.legend[0]?.label).toBe("1,00 – 2,00 € je Einwohner (2)");
    expect(colouring.colourOf("05766000")).not.toBe(colouring.colourOf("05766009"));
  });
});

describe("quantileBreaks", () => {
  it.each([
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5, [2, 4, 6, 8, 10]],
    [[5, 5, 5], 5, [5]],
    [[], 5, []],
  ])("breaks %j into %d classes as %j", (values, classes, expected) => {
    expect(quantileBreaks(values, classes)).toEqual(expected);
  });
});
