import {
  appendAudit,
  findOnlineService,
  listAdoptions,
  listOnboarding,
  writeStatusRecords,
  type Queryable,
} from "@it-atlas/db";
import {
  Adoption,
  AdoptionInput,
  BaseComponent,
  baseComponentLabel,
  can,
  CoverageCounts,
  KommuneOzgView,
  NotFoundError,
  Onboarding,
  OnboardingInput,
  OnlineServiceId,
  OrganisationKey,
  PageQuery,
  pageSizeUpTo,
  ReadinessRegion,
  ReadinessRow,
  ReadinessStatus,
  ResponsibleType,
  ServiceReadiness,
  type Principal,
  type RecordedQuality,
} from "@it-atlas/domain";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { auditActor } from "../auth/authPlugin.ts";
import { problemResponses } from "../http/Problem.ts";
import { requestKey } from "../http/responseCache.ts";
import type { AppContext, ZodApp } from "../http/types.ts";
import { kommuneOzgView } from "../services/ozgKommuneView.ts";
import { readinessCsv } from "../services/ozgReadinessCsv.ts";
import {
  type OzgBoard,
  readinessBoard,
  servicesReadiness,
  type ReadinessFilter,
} from "../services/ozgReadinessService.ts";
import { registerOzgAdoptionHistoryRoutes } from "./ozgAdoptionHistoryRoutes.ts";
import { registerOzgCatalogueRoutes } from "./ozgCatalogueRoutes.ts";
import { registerOzgExchangeRoutes } from "./ozgExchangeRoutes.ts";
import { registerOzgImportRoutes } from "./ozgImportRoutes.ts";

const TAGS = ["OZG-Umsetzung"];
const writeProblems = {
  400: problemResponses[400],
  404: problemResponses[404],
  409: problemResponses[409],
};

/** Filters of the readiness board (query parameters). */
export const ReadinessQuery = z.object({
  regierungsbezirk: z
    .string()
    .regex(/^05\d$/, "muss ein Regierungsbezirk sein (051 … 059)")
    .optional(),
  kreis: z
    .string()
    .regex(/^05\d{3}(\d{3})?$/, "muss ein Kreisschlüssel sein")
    .optional(),
  groesse: ResponsibleType.optional(),
  dienst: OnlineServiceId.optional(),
  status: z.union([ReadinessStatus, z.literal("nicht_angebunden")]).optional(),
});
type ReadinessQuery = z.infer<typeof ReadinessQuery>;

function toFilter(query: ReadinessQuery): ReadinessFilter {
  return {
    regierungsbezirk: query.regierungsbezirk,
    kreis: query.kreis,
    peerClass: query.groesse,
    serviceId: query.dienst,
    status: query.status,
  };
}

/** The board data for a query; 404 for an unknown service, 400 for a status without one. */
export async function boardFor(board: OzgBoard, db: Queryable, query: ReadinessQuery) {
  const service = query.dienst ? await findOnlineService(db, query.dienst) : undefined;
  if (query.dienst && !service) {
    throw new NotFoundError(
      "online_service_not_found",
      `Es gibt keinen Onlinedienst „${query.dienst}“.`,
    );
  }
  return readinessBoard(await board.state(), toFilter(query), service);
}

/** Quality of a record a person enters: the Kommune's own word, or entered by staff. */
function qualityOf(
  principal: Principal,
  organisationKey: string,
  requested?: RecordedQuality,
): RecordedQuality {
  if (requested) return requested;
  return principal.kind === "user" &&
    principal.roles.some(
      (role) => role.role === "kommune_bearbeiter" && role.organisationKey === organisationKey,
    )
    ? "self_reported"
    : "user";
}

const kommuneTarget = (request: FastifyRequest) => ({
  organisationKey: (request.params as { ags: string }).ags,
});

/**
 * OZG-Umsetzung: readiness board (per Kommune, Kreis, Regierungsbezirk and per central/EfA
 * service), a Kommune's coverage against its peers, and changing its adoption status and
 * onboarding checklist. Also registers the catalogue, history, import and exchange routes.
 */
export function registerOzgAdoptionRoutes(app: ZodApp, context: AppContext): void {
  const board = context.ozg;

  app.get(
    "/api/ozg/readiness",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary:
          "Umsetzungsstand: OZG-Abdeckung je Kommune, Kreis und Regierungsbezirk; mit `dienst` der Stand eines zentralen oder EfA-Dienstes je Kommune (filterbar nach `status`, z. B. nicht_angebunden)",
        description:
          "Die Zeilen je Kommune sind seitenweise (`page`, `pageSize` bis 500, Vorgabe 100; `rowCount` ist die Zahl aller passenden Kommunen); Gebiete, Summe und Dienststand gelten immer für die ganze Auswahl.",
        querystring: ReadinessQuery.extend({
          page: PageQuery.shape.page,
          pageSize: pageSizeUpTo(500, 100),
        }),
        response: {
          200: z.object({
            rows: z.array(ReadinessRow),
            /** Kommunen matching the filter, over all pages. */
            rowCount: z.number().int().nonnegative(),
            page: z.number().int().positive(),
            pageSize: z.number().int().positive(),
            regions: z.array(ReadinessRegion),
            total: CoverageCounts,
            service: ServiceReadiness.nullable(),
          }),
          400: problemResponses[400],
          404: problemResponses[404],
        },
      },
    },
    async (request, reply) =>
      context.responses.send(request, reply, {
        key: requestKey(request),
        revision: `O${await board.revision()}`,
        compute: async () => {
          const { page, pageSize, ...query } = request.query;
          const result = await boardFor(board, context.db, query);
          const start = (page - 1) * pageSize;
          return {
            ...result,
            rows: result.rows.slice(start, start + pageSize),
            rowCount: result.rows.length,
            page,
            pageSize,
          };
        },
      }),
  );

  app.get(
    "/api/ozg/readiness.csv",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary: "Umsetzungsstand je Kommune als CSV (Filter wie /api/ozg/readiness)",
        querystring: ReadinessQuery,
        response: { 200: z.string(), 400: problemResponses[400], 404: problemResponses[404] },
      },
    },
    async (request, reply) => {
      const result = await boardFor(board, context.db, request.query);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="ozg-umsetzungsstand.csv"')
        .send(`\uFEFF${readinessCsv(result.rows, result.service)}`);
    },
  );

  app.get(
    "/api/ozg/readiness/services",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary:
          "Je zentralem Dienst und EfA-Dienst: Kommunen online, in Anbindung, geplant, fehlend",
        querystring: ReadinessQuery.pick({ regierungsbezirk: true, kreis: true, groesse: true }),
        response: {
          200: z.object({ items: z.array(ServiceReadiness) }),
          400: problemResponses[400],
        },
      },
    },
    async (request, reply) =>
      context.responses.send(request, reply, {
        key: requestKey(request),
        revision: `O${await board.revision()}`,
        compute: async () => ({
          items: servicesReadiness(await board.state(), toFilter(request.query)),
        }),
      }),
  );

  app.get(
    "/api/ozg/kommunen/:ags",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary:
          "OZG-Bild einer Kommune: zuständige Leistungen mit Status, Abdeckung gegenüber der Größenklasse, Checkliste der Basiskomponenten",
        params: z.object({ ags: OrganisationKey }),
        response: { 200: KommuneOzgView, 400: problemResponses[400], 404: problemResponses[404] },
      },
    },
    async (request) => kommuneOzgView(context.db, await board.state(), request.params.ags),
  );

  app.put(
    "/api/ozg/kommunen/:ags/leistungen/:ozgId",
    {
      config: { access: { permission: "adoption:edit", target: kommuneTarget } },
      schema: {
        tags: TAGS,
        summary:
          "Umsetzungsstand einer Kommune für eine OZG-Leistung erfassen (Status, Onlinedienst, Plandatum, Quelle und Stand der Angabe)",
        params: z.object({ ags: OrganisationKey, ozgId: z.coerce.number().int().positive() }),
        body: AdoptionInput,
        response: { 200: Adoption, ...writeProblems },
      },
    },
    async (request) => {
      const { ags, ozgId } = request.params;
      const actor = auditActor(request);
      return context.db.transaction(async (tx) => {
        const [before] = await listAdoptions(tx, ags, ozgId);
        await writeStatusRecords(
          tx,
          [
            {
              ...request.body,
              organisationKey: ags,
              ozgId,
              component: null,
              quality: qualityOf(request.principal, ags, request.body.quality),
            },
          ],
          actor.authorName,
        );
        const [after] = await listAdoptions(tx, ags, ozgId);
        if (!after)
          throw new Error(`Umsetzungsstand ${ags}/${ozgId} nach dem Speichern nicht gefunden`);
        await appendAudit(tx, {
          ...actor,
          action: before ? "change" : "create",
          entityType: "ozg_adoption",
          entityId: `${ags}/${ozgId}`,
          before: before ?? null,
          after,
        });
        return after;
      });
    },
  );

  app.put(
    "/api/ozg/kommunen/:ags/checkliste/:component",
    {
      config: { access: { permission: "adoption:edit", target: kommuneTarget } },
      schema: {
        tags: TAGS,
        summary:
          "Checkliste einer Kommune: Anbindung einer Basiskomponente (E-Payment, XTA, Servicekonto, Formularlösung) erfassen",
        params: z.object({ ags: OrganisationKey, component: BaseComponent }),
        body: OnboardingInput,
        response: { 200: Onboarding, ...writeProblems },
      },
    },
    async (request) => {
      const { ags, component } = request.params;
      const actor = auditActor(request);
      return context.db.transaction(async (tx) => {
        const [before] = await listOnboarding(tx, ags, component);
        await writeStatusRecords(
          tx,
          [
            {
              ...request.body,
              organisationKey: ags,
              ozgId: null,
              component,
              quality: qualityOf(request.principal, ags, request.body.quality),
            },
          ],
          actor.authorName,
        );
        const [after] = await listOnboarding(tx, ags, component);
        if (!after)
          throw new Error(`Checkliste ${ags}/${component} nach dem Speichern nicht gefunden`);
        await appendAudit(tx, {
          ...actor,
          action: before ? "change" : "create",
          entityType: "ozg_onboarding",
          entityId: `${ags}/${component}`,
          before: before ?? null,
          after: { ...after, label: baseComponentLabel[component] },
        });
        return after;
      });
    },
  );

  registerOzgCatalogueRoutes(app, context);
  registerOzgAdoptionHistoryRoutes(app, context);
  registerOzgImportRoutes(app, context, (principal, key) =>
    can(principal, "adoption:edit", { organisationKey: key }),
  );
  registerOzgExchangeRoutes(app, context);
}
