import {
  findOzgLeistung,
  listLeikaLeistungen,
  listOzgLeistungen,
  listThemenfelder,
} from "@it-atlas/db";
import {
  NotFoundError,
  OzgLeistung,
  OzgLeistungDetail,
  PageQuery,
  pageOf,
  Themenfeld,
} from "@it-atlas/domain";
import { z } from "zod";
import { problemResponses } from "../http/Problem.ts";
import { SearchText } from "../http/SearchText.ts";
import { requestKey } from "../http/responseCache.ts";
import type { AppContext, ZodApp } from "../http/types.ts";

/** The OZG catalogue (Themenfelder, OZG-Leistungen, LeiKa-Leistungen). */
export function registerOzgRoutes(app: ZodApp, context: AppContext): void {
  app.get(
    "/api/ozg/themenfelder",
    {
      config: { access: { permission: "public:read" } },
      schema: {
        tags: ["OZG"],
        summary: "OZG-Themenfelder mit Anzahl der Leistungen",
        response: {
          200: z.object({
            items: z.array(Themenfeld.extend({ leistungCount: z.number().int() })),
          }),
        },
      },
    },
    async (request, reply) =>
      context.responses.send(request, reply, {
        key: requestKey(request),
        revision: `O${await context.ozg.revision()}`,
        compute: async () => ({ items: await listThemenfelder(context.db) }),
      }),
  );

  app.get(
    "/api/ozg/leistungen",
    {
      config: { access: { permission: "public:read" } },
      schema: {
        tags: ["OZG"],
        summary: "OZG-Leistungen suchen (Name, OZG-ID, LeiKa-Name oder -Schlüssel)",
        querystring: PageQuery.extend({
          q: SearchText.optional(),
          themenfeld: z.coerce.number().int().positive().optional(),
        }),
        response: { 200: pageOf(OzgLeistung), 400: problemResponses[400] },
      },
    },
    async (request, reply) =>
      context.responses.send(request, reply, {
        key: requestKey(request),
        revision: `O${await context.ozg.revision()}`,
        compute: () => listOzgLeistungen(context.db, request.query),
      }),
  );

  app.get(
    "/api/ozg/leistungen/:id",
    {
      config: { access: { permission: "public:read" } },
      schema: {
        tags: ["OZG"],
        summary: "Eine OZG-Leistung mit ihren LeiKa-Leistungen",
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: {
          200: OzgLeistungDetail,
          400: problemResponses[400],
          404: problemResponses[404],
        },
      },
    },
    async (request) => {
      const leistung = await findOzgLeistung(context.db, request.params.id);
      if (!leistung) {
        throw new NotFoundError(
          "ozg_leistung_not_found",
          `Es gibt keine OZG-Leistung mit der ID ${request.params.id}.`,
        );
      }
      return { ...leistung, leistungen: await listLeikaLeistungen(context.db, leistung.id) };
    },
  );
}
