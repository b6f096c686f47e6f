import { listProviders } from "@it-atlas/db";
import {
  ProviderDetail,
  ProviderId,
  ProviderKind,
  ProviderStatus,
  ProviderSummary,
} from "@it-atlas/domain";
import { z } from "zod";
import { problemResponses } from "../http/Problem.ts";
import { SearchText } from "../http/SearchText.ts";
import { requestKey } from "../http/responseCache.ts";
import type { AppContext, ZodApp } from "../http/types.ts";
import { getProviderDetail } from "../services/providerService.ts";

/** IT-Dienstleister with members, events and lineage. */
export function registerProviderRoutes(app: ZodApp, context: AppContext): void {
  app.get(
    "/api/providers",
    {
      config: { access: { permission: "public:read" } },
      schema: {
        tags: ["IT-Dienstleister"],
        summary: "IT-Dienstleister auflisten",
        querystring: z.object({
          q: SearchText.optional(),
          status: ProviderStatus.optional(),
          kind: ProviderKind.optional(),
        }),
        response: {
          200: z.object({ items: z.array(ProviderSummary), total: z.number().int() }),
          400: problemResponses[400],
        },
      },
    },
    async (request, reply) =>
      context.responses.send(request, reply, {
        key: requestKey(request),
        // Providers change only with landscape writes (master data import, reorganisation).
        revision: `L${await context.landscape.revision()}`,
        compute: async () => {
          const items = await listProviders(context.db, request.query);
          return { items, total: items.length };
        },
      }),
  );

  app.get(
    "/api/providers/:id",
    {
      config: { access: { permission: "public:read" } },
      schema: {
        tags: ["IT-Dienstleister"],
        summary: "Ein IT-Dienstleister mit Mitgliedern, Ereignissen, Vorgängern und Nachfolger",
        params: z.object({ id: ProviderId }),
        response: {
          200: ProviderDetail,
          400: problemResponses[400],
          404: problemResponses[404],
        },
      },
    },
    async (request, reply) =>
      context.responses.send(request, reply, {
        key: requestKey(request),
        revision: `L${await context.landscape.revision()}`,
        compute: () => getProviderDetail(context.db, request.params.id),
      }),
  );
}
