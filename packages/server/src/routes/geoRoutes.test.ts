import { describe, expect, it } from "vitest";
import { expectInvalidParameter } from "../testing/expectProblem.ts";
import { useTestApp } from "../testing/testApp.ts";

const test = useTestApp();

interface FeatureCollection {
  type: string;
  attribution: string;
  features: Array<{
    type: string;
    id: string;
    properties: { key: string; kind: string };
    geometry: unknown;
  }>;
}

async function getBoundaries(level: string): Promise<FeatureCollection> {
  const response = await test.app.inject({ method: "GET", url: `/api/geo/${level}` });
  expect(response.statusCode).toBe(200);
  return response.json<FeatureCollection>();
}

describe("GET /api/geo/:level", () => {
  it("rejects an unknown level with 400 naming the parameter", async () => {
    const response = await test.app.inject({ method: "GET", url: "/api/geo/planet" });
    expectInvalidParameter(response, "level");
  });

  it("returns the 396 Gemeinden as a GeoJSON FeatureCollection with the BKG attribution", async () => {
    const collection = await getBoundaries("gemeinde");
    expect(collection.type).toBe("FeatureCollection");
    // Required by dl-de/by-2-0 for VG250 (data/SOURCES.md S1).
    expect(collection.attribution).toBe("© GeoBasis-DE / BKG (Daten verändert)");
    expect(collection.features).toHaveLength(396);
    expect(new Set(collection.features.map((feature) => feature.properties.key)).size).toBe(396);
    const detmold = collection.features.find((feature) => feature.properties.key === "05766020");
    expect(detmold).toMatchObject({ type: "Feature", geometry: expect.anything() });
  });

  it("returns the 31 Kreise together with the 22 kreisfreie Städte at Kreis level", async () => {
    const collection = await getBoundaries("kreis");
    expect(collection.features).toHaveLength(53);
    const kinds = collection.features.map((feature) => feature.properties.kind);
    expect(kinds.filter((kind) => kind === "kreis")).toHaveLength(31);
    expect(kinds.filter((kind) => kind === "gemeinde")).toHaveLength(22);
  });

  it("returns the 5 Regierungsbezirke", async () => {
    const collection = await getBoundaries("regierungsbezirk");
    expect(collection.features.map((feature) => feature.properties.key).sort()).toEqual([
      "051",
      "053",
      "055",
      "057",
      "059",
    ]);
  });

  it("lets clients cache the boundaries", async () => {
    const response = await test.app.inject({ method: "GET", url: "/api/geo/regierungsbezirk" });
    expect(response.headers["cache-control"]).toBe("public, max-age=3600");
  });
});
