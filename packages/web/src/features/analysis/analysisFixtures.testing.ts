import type { Schemas } from "../../api/client.ts";

type Concentration = Schemas["DomainConcentration"];

/** A domain's concentration figures (by-hand example: shares 0.8 and 0.2 → HHI 0.68). */
export function buildConcentration(overrides: Partial<Concentration> = {}): Concentration {
  return {
    domainId: "einwohnerwesen",
    domainName: "Einwohnerwesen",
    volumeUnit: "einwohner",
    kommunen: 3,
    providers: 1,
    products: 2,
    inHouse: 1,
    operators: 2,
    hhi: 0.68,
    effectiveOperators: 1 / 0.68,
    volumeCoverage: 1,
    costPerUnit: {
      count: 3,
      min: 5,
      p25: 5.5,
      median: 6,
      p75: 8,
      max: 10,
      mean: 7,
      coefficientOfVariation: 0.2,
    },
    demo: true,
    ...overrides,
  };
}

/** Two square "Gemeinden" side by side, enough for the map to draw. */
export const BOUNDARIES = {
  type: "FeatureCollection",
  features: [
    ["05766020", "Detmold", 8.8],
    ["05766044", "Lemgo", 8.9],
  ].map(([key, name, x]) => ({
    type: "Feature",
    id: key,
    properties: { key, name, kind: "gemeinde", kreisKey: "05766", regierungsbezirkKey: "057" },
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [x, 51.9],
          [Number(x) + 0.1, 51.9],
          [Number(x) + 0.1, 52],
          [x, 52],
          [x, 51.9],
        ],
      ],
    },
  })),
};
