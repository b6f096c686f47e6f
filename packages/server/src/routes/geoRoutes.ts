import { listBoundaries, type BoundaryLevel } from "@it-atlas/db";
import { z } from "zod";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";

const Feature = z.object({
  type: z.literal("Feature"),
  id: z.string(),
  properties: z.object({
    key: z.string(),
    name: z.string(),
    kind: z.string(),
    kreisKey: z.string().nullable(),
    regierungsbezirkKey: z.string().nullable(),
  }),
  geometry: z.unknown(),
});

/**
 * Boundaries as GeoJSON (© GeoBasis-DE / BKG (Daten verändert), dl-de/by-2-0). They do not
 * change while the server runs, so each level is read once and then cached in memory.
 */
export function registerGeoRoutes(app: ZodApp, context: AppContext): void {
  const cache = new Map<BoundaryLevel, Promise<Awaited<ReturnType<typeof listBoundaries>>>>();
  app.get(
    "/api/geo/:level",
    {
      config: { access: { permission: "public:read" } },
      schema: {
        tags: ["Geodaten"],
        summary:
          "Grenzen als GeoJSON (Gemeinden, Kreise mit kreisfreien Städten, Regierungsbezirke)",
        params: z.object({ level: z.enum(["gemeinde", "kreis", "regierungsbezirk"]) }),
        response: {
          200: z.object({
            type: z.literal("FeatureCollection"),
            attribution: z.string(),
            features: z.array(Feature),
          }),
          400: problemResponses[400],
        },
      },
    },
    async (request, reply) => {
      const { level } = request.params;
      let boundaries = cache.get(level);
      if (!boundaries) {
        boundaries = listBoundaries(context.db, level);
        cache.set(level, boundaries);
        boundaries.catch(() => cache.delete(level));
      }
      reply.header("cache-control", "public, max-age=3600");
      return { ...(await boundaries), attribution: "© GeoBasis-DE / BKG (Daten verändert)" };
    },
  );
}
