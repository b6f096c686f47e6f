import type { Queryable } from "../client/Database.ts";
import { sql } from "../client/sql.ts";

/** Levels for which IT-Atlas ships boundaries. */
export type BoundaryLevel = "gemeinde" | "kreis" | "regierungsbezirk";

/** A GeoJSON Feature (geometry as stored) with the properties a map needs. */
export interface BoundaryFeature {
  type: "Feature";
  id: string;
  properties: {
    key: string;
    name: string;
    kind: string;
    kreisKey: string | null;
    regierungsbezirkKey: string | null;
  };
  geometry: unknown;
}

/**
 * Boundaries of one level as a GeoJSON FeatureCollection. With `level = "kreis"` the 22
 * kreisfreie Städte are included (from the Gemeinde level) so the Kreis map covers NRW.
 */
export async function listBoundaries(
  db: Queryable,
  level: BoundaryLevel,
): Promise<{ type: "FeatureCollection"; features: BoundaryFeature[] }> {
  const condition =
    level === "kreis"
      ? sql`o.kind = 'kreis' OR (o.kind = 'gemeinde' AND o.kreisfrei)`
      : sql`o.kind = ${level}`;
  const rows = await db.query<{
    key: string;
    name: string;
    kind: string;
    kreis_key: string | null;
    regierungsbezirk_key: string | null;
    geometry: unknown;
  }>(
    sql`SELECT o.key, o.name, o.kind, o.kreis_key, o.regierungsbezirk_key, b.geometry
        FROM organisation o JOIN boundary b ON b.organisation_key = o.key
        WHERE ${condition} ORDER BY o.key`,
  );
  return {
    type: "FeatureCollection",
    features: rows.map((row) => ({
      type: "Feature",
      id: row.key,
      properties: {
        key: row.key,
        name: row.name,
        kind: row.kind,
        kreisKey: row.kreis_key,
        regierungsbezirkKey: row.regierungsbezirk_key,
      },
      geometry: row.geometry,
    })),
  };
}
