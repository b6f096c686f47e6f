import { geoArea } from "d3-geo";

type Ring = number[][];
interface PolygonGeometry {
  type: "Polygon";
  coordinates: Ring[];
}
interface MultiPolygonGeometry {
  type: "MultiPolygon";
  coordinates: Ring[][];
}
type Geometry = PolygonGeometry | MultiPolygonGeometry | { type: "Other" };

function reversePolygon(rings: Ring[]): Ring[] {
  return rings.map((ring) => [...ring].reverse());
}

/**
 * d3-geo reads polygons on the sphere and expects clockwise outer rings; GeoJSON (RFC 7946)
 * winds them counter-clockwise. Read as d3 sees them such a polygon covers the rest of the
 * globe (area > 2π steradians), so each of its polygons is reversed.
 */
export function rewindForD3<T extends { geometry?: unknown }>(feature: T): T {
  const geometry = feature.geometry as Geometry | undefined;
  if (!geometry) return feature;
  if (geometry.type === "Polygon") {
    const polygon = geometry;
    const covers = geoArea(polygon) > 2 * Math.PI;
    return covers
      ? { ...feature, geometry: { ...polygon, coordinates: reversePolygon(polygon.coordinates) } }
      : feature;
  }
  if (geometry.type === "MultiPolygon") {
    const multi = geometry;
    const coordinates = multi.coordinates.map((polygon) =>
      geoArea({ type: "Polygon", coordinates: polygon }) > 2 * Math.PI
        ? reversePolygon(polygon)
        : polygon,
    );
    return { ...feature, geometry: { ...multi, coordinates } };
  }
  return feature;
}
