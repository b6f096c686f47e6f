import { listBoundaries } from "@it-atlas/db";
import { z } from "zod";
import { problemResponses } from "../http/Problem.ts";
import { requestKey } from "../http/responseCache.ts";
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
 * change while the server runs, so each level is read, serialised and compressed once.
 */
export function registerGeoRoutes(app: ZodApp, context: AppContext): void {
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
      reply.header("cache-control", "public, max-age=3600");
      return context.responses.send(request, reply, {
        key: requestKey(request),
        revision: "seed",
        compute: async () => ({
          ...(await listBoundaries(context.db, request.params.level)),
          attribution: "© GeoBasis-DE / BKG (Daten verändert)",
        }),
      });
    },
  );
}
