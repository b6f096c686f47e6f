import { listProducts, listServiceDomains } from "@it-atlas/db";
import {
  DomainSummary,
  LandscapeChange,
  OperatingModel,
  pageOf,
  PageQuery,
  pageSizeUpTo,
  Product,
  ServiceDomain,
  ServiceDomainId,
  Sourcing,
  IsoDate,
} from "@it-atlas/domain";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";
import { todayInGermany } from "../services/landscapeService.ts";

/** Filters shared by the landscape endpoints. */
export const LandscapeScope = z.object({
  domain: ServiceDomainId.optional(),
  kreis: z
    .string()
    .regex(/^05\d{3}$/, "muss ein fünfstelliger Kreisschlüssel sein, z. B. 05766")
    .optional(),
  regierungsbezirk: z
    .string()
    .regex(/^05\d$/, "muss ein dreistelliger Regierungsbezirksschlüssel sein, z. B. 057")
    .optional(),
  provider: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "ist keine gültige Dienstleister-Kennung")
    .optional(),
  operatingModel: OperatingModel.optional(),
  organisation: z
    .string()
    .regex(/^05\d{3}(\d{3})?$/, "muss eine AGS oder ein Kreisschlüssel sein")
    .optional(),
});

/** Response of `GET /api/landscape`. */
const LandscapePage = pageOf(Sourcing).extend({ asOf: z.string() });

/** Leistungsbereiche, products and the landscape as of any day, with a diff of two days. */
export function registerLandscapeRoutes(app: ZodApp, context: AppContext): void {
  app.get(
    "/api/domains",
    {
      config: { access: { permission: "public:read" } },
      schema: {
        tags: ["IT-Landkarte"],
        summary: "Katalog der Leistungsbereiche (Gruppen und Bereiche)",
        response: { 200: z.object({ items: z.array(ServiceDomain) }) },
      },
    },
    async () => ({ items: await listServiceDomains(context.db) }),
  );

  app.get(
    "/api/domains/:id",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: ["IT-Landkarte"],
        summary: "Ein Leistungsbereich: Produkte und wer ihn wo erbringt (Stichtag)",
        params: z.object({ id: ServiceDomainId }),
        querystring: LandscapeScope.omit({ domain: true }).extend({ asOf: IsoDate.optional() }),
        response: {
          200: ServiceDomain.extend({
            products: z.array(Product),
            asOf: z.string(),
            summary: DomainSummary,
          }),
          400: problemResponses[400],
          404: problemResponses[404],
        },
      },
    },
    async (request) => {
      const { asOf, ...scope } = request.query;
      return context.landscape.domainDetail(
        request.params.id,
        { ...scope, asOf: asOf ?? todayInGermany() },
        request.principal,
      );
    },
  );

  app.get(
    "/api/products",
    {
      config: { access: { permission: "public:read" } },
      schema: {
        tags: ["IT-Landkarte"],
        summary: "Produkte (Fachverfahren, Plattformen), optional eines Leistungsbereichs",
        querystring: z.object({ domain: ServiceDomainId.optional() }),
        response: { 200: z.object({ items: z.array(Product) }), 400: problemResponses[400] },
      },
    },
    async (request) => ({ items: await listProducts(context.db, request.query.domain) }),
  );

  app.get(
    "/api/landscape",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: ["IT-Landkarte"],
        summary:
          "Die IT-Landkarte zum Stichtag: je Kommune und Leistungsbereich Betriebsmodell, Dienstleister, Produkt, Kosten",
        description:
          "Kosten, Mengen und Produkte sind nicht öffentlich; Werte mit `demo: true` sind Demodaten (synthetisch).",
        querystring: LandscapeScope.extend({
          asOf: IsoDate.optional(),
          page: PageQuery.shape.page,
          pageSize: pageSizeUpTo(5000, 500),
        }),
        response: { 200: LandscapePage, 400: problemResponses[400] },
      },
    },
    async (request, reply) => {
      const asOf = request.query.asOf ?? todayInGermany();
      const gzip = /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
      const body = await context.landscape.body(
        { ...request.query, asOf },
        request.principal,
        gzip,
      );
      // A prepared body bypasses the typed serializer: it was validated when it was cached.
      const raw = reply as FastifyReply;
      raw.header("vary", "accept-encoding").type("application/json; charset=utf-8");
      if (body.gzip) return raw.header("content-encoding", "gzip").send(body.gzip);
      return raw.send(body.json);
    },
  );

  app.get(
    "/api/landscape/diff",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: ["IT-Landkarte"],
        summary: "Was sich zwischen zwei Stichtagen geändert hat, und wo",
        querystring: LandscapeScope.extend({ from: IsoDate, to: IsoDate.optional() }),
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            items: z.array(LandscapeChange),
            total: z.number().int(),
          }),
          400: problemResponses[400],
        },
      },
    },
    async (request) => {
      const { from, to, ...scope } = request.query;
      const until = to ?? todayInGermany();
      const items = await context.landscape.diff(from, until, scope, request.principal);
      return { from, to: until, items, total: items.length };
    },
  );
}
