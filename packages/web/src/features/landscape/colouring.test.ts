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

describe("colourLandscape on the Kreis level (issue 16, defect 10)", () => {
  // Kreis Lippe (05766): three Gemeinden, none with a row of the Kreis itself.
  const lippe = [
    item("05766004", "owl-it", 2000, 1000),
    item("05766008", "owl-it", 1000, 1000),
    item("05766012", null, 3000, 2000),
  ];
  const bielefeld = item("05711000", "bitel", 9000, 3000);

  it("aggregates a Kreis's Gemeinden instead of „keine Angabe“", () => {
    const colouring = colourLandscape([...lippe, bielefeld], "provider", "kreis");
    expect(colouring.categoryOf("05766")).toBe("3 Gemeinden: OWL-IT 2, Eigener Betrieb 1");
    // The colour of the most frequent category, the same as a Gemeinde of OWL-IT.
    expect(colouring.colourOf("05766")).toBe(colouring.colourOf("05766004"));
    expect(colouring.colourOf("05766")).not.toBe(NEUTRAL_FILL);
    // A kreisfreie Stadt keeps its own row.
    expect(colouring.categoryOf("05711000")).toBe("BITEL");
    // A Kreis without Gemeinden with data stays without.
    expect(colouring.categoryOf("05770")).toBeUndefined();
    expect(colouring.colourOf("05770")).toBe(NEUTRAL_FILL);
  });

  it("gives a Kreis its Gemeinden's total cost per total inhabitants", () => {
    const colouring = colourLandscape([...lippe, bielefeld], "costPerInhabitant", "kreis");
    // (2000 + 1000 + 3000) € / (1000 + 1000 + 2000) Einwohner = 1,50 €.
    expect(colouring.categoryOf("05766")).toBe("1,50 € je Einwohner (zusammen 3 Gemeinden)");
    expect(colouring.colourOf("05766")).not.toBe(NEUTRAL_FILL);
  });

  it("lets a Kreis's own row win over its Gemeinden (Kreis tasks)", () => {
    const kreis: Sourcing = {
      ...item("05766", "krz", 5000, 4000),
      organisation: { ags: "05766", name: "Kreis Lippe", kind: "kreis", population: 4000 },
    };
    const colouring = colourLandscape([...lippe, kreis], "provider", "kreis");
    expect(colouring.categoryOf("05766")).toBe("KRZ");
  });

  it("leaves the Gemeinde level as it was", () => {
    const colouring = colourLandscape(lippe, "provider");
    expect(colouring.categoryOf("05766")).toBeUndefined();
  });
});
