import { geoArea, type GeoPermissibleObjects } from "d3-geo";
import { describe, expect, it } from "vitest";
import { rewindForD3 } from "./rewindForD3.ts";

// A small square near Detmold, wound counter-clockwise as RFC 7946 prescribes.
const counterClockwise = [
  [8.8, 51.9],
  [8.9, 51.9],
  [8.9, 52.0],
  [8.8, 52.0],
  [8.8, 51.9],
];

function area(feature: { geometry?: unknown }): number {
  return geoArea(feature.geometry as GeoPermissibleObjects);
}

describe("rewindForD3", () => {
  it("turns an RFC 7946 polygon into the small area d3 should draw", () => {
    const feature = { geometry: { type: "Polygon", coordinates: [counterClockwise] } };
    expect(area(feature)).toBeGreaterThan(2 * Math.PI);
    expect(area(rewindForD3(feature))).toBeLessThan(0.001);
  });

  it("leaves polygons d3 already reads correctly untouched", () => {
    const clockwise = {
      geometry: { type: "Polygon", coordinates: [[...counterClockwise].reverse()] },
    };
    expect(rewindForD3(clockwise)).toBe(clockwise);
  });

  it("rewinds each part of a MultiPolygon", () => {
    const feature = {
      geometry: { type: "MultiPolygon", coordinates: [[counterClockwise], [counterClockwise]] },
    };
    expect(area(rewindForD3(feature))).toBeLessThan(0.001);
  });
});
