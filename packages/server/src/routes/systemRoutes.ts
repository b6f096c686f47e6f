import { getStats, listSources } from "@it-atlas/db";
import { Source, Stats } from "@it-atlas/domain";
import { z } from "zod";
import { requestKey } from "../http/responseCache.ts";
import type { AppContext, ZodApp } from "../http/types.ts";

/** Health, key figures and the list of data sources. */
export function registerSystemRoutes(app: ZodApp, context: AppContext): void {
  app.get(
    "/api/health",
    {
      config: { access: { permission: "public:read" } },
      schema: {
        tags: ["System"],
        summary: "Betriebsbereitschaft (Migrationen und Referenzdaten geladen)",
        response: { 200: z.object({ status: z.literal("ok") }) },
      },
    },
    () => ({ status: "ok" as const }),
  );

  app.get(
    "/api/stats",
    {
      config: { access: { permission: "public:read" } },
      schema: {
        tags: ["System"],
        summary: "Kennzahlen der Referenzdaten",
        response: { 200: Stats },
      },
    },
    // Reference data changes only with landscape writes (imports, reorganisations).
    async (request, reply) =>
      context.responses.send(request, reply, {
        key: requestKey(request),
        revision: `L${await context.landscape.revision()}`,
        compute: () => getStats(context.db),
      }),
  );

  app.get(
    "/api/sources",
    {
      config: { access: { permission: "public:read" } },
      schema: {
        tags: ["System"],
        summary: "Quellen, Lizenzen und Namensnennungen der Daten",
        response: { 200: z.object({ items: z.array(Source) }) },
      },
    },
    async () => ({ items: await listSources(context.db) }),
  );
}
