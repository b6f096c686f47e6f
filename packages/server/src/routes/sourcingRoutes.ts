import {
  appendAudit,
  applyReorganisation,
  findOrganisation,
  findSourcing,
  listOffers,
  listReorganisations,
  listServiceDomains,
  listSourcingHistory,
  previewReorganisation,
  changeSourcing,
} from "@it-atlas/db";
import {
  NotFoundError,
  OrganisationKey,
  ProviderId,
  ProviderOffer,
  ReorganisationPlan,
  ReorganisationRequest,
  ServiceDomainId,
  Sourcing,
  SourcingInput,
  IsoDate,
} from "@it-atlas/domain";
import { z } from "zod";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";
import { auditActor } from "../auth/authPlugin.ts";
import { redactFor, todayInGermany } from "../services/landscapeService.ts";
import { responsibleTypeOf } from "../services/responsibility.ts";

const writeProblems = {
  400: problemResponses[400],
  404: problemResponses[404],
  409: problemResponses[409],
};

/** A Kommune's sourcing matrix and history, editing, offers and reorganisations. */
export function registerSourcingRoutes(app: ZodApp, context: AppContext): void {
  app.get(
    "/api/organisations/:ags/sourcing",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: ["IT-Landkarte"],
        summary:
          "Bezugsmatrix einer Kommune zum Stichtag (Leistungsbereiche, für die sie zuständig ist)",
        params: z.object({ ags: OrganisationKey }),
        querystring: z.object({ asOf: IsoDate.optional() }),
        response: {
          200: z.object({
            asOf: z.string(),
            responsibleDomainIds: z.array(z.string()),
            items: z.array(Sourcing),
          }),
          400: problemResponses[400],
          404: problemResponses[404],
        },
      },
    },
    async (request) => {
      const organisation = await findOrganisation(context.db, request.params.ags);
      if (!organisation || (organisation.kind !== "gemeinde" && organisation.kind !== "kreis")) {
        throw new NotFoundError(
          "organisation_not_found",
          `Es gibt keine Kommune mit dem Schlüssel „${request.params.ags}“.`,
        );
      }
      const asOf = request.query.asOf ?? todayInGermany();
      const type = responsibleTypeOf(organisation);
      const [domains, items] = await Promise.all([
        listServiceDomains(context.db),
        context.landscape.all({ asOf, organisation: organisation.key }),
      ]);
      return {
        asOf,
        responsibleDomainIds: domains
          .filter(
            (domain) =>
              !domain.isGroup && type !== undefined && domain.responsibleTypes.includes(type),
          )
          .map((domain) => domain.id),
        items: redactFor(request.principal, items),
      };
    },
  );

  app.get(
    "/api/organisations/:ags/sourcing/history",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: ["IT-Landkarte"],
        summary: "Alle Stände des Bezugs einer Kommune (optional eines Leistungsbereichs)",
        params: z.object({ ags: OrganisationKey }),
        querystring: z.object({ domain: ServiceDomainId.optional() }),
        response: { 200: z.object({ items: z.array(Sourcing) }), 400: problemResponses[400] },
      },
    },
    async (request) => ({
      items: redactFor(
        request.principal,
        await listSourcingHistory(context.db, request.params.ags, request.query.domain),
      ),
    }),
  );

  app.put(
    "/api/organisations/:ags/sourcing/:domainId",
    {
      config: {
        access: {
          permission: "sourcing:edit",
          target: (request) => ({ organisationKey: (request.params as { ags: string }).ags }),
        },
      },
      schema: {
        tags: ["IT-Landkarte"],
        summary:
          "Bezug einer Kommune für einen Leistungsbereich ab einem Stichtag ändern (neuer Stand mit Verlauf)",
        params: z.object({ ags: OrganisationKey, domainId: ServiceDomainId }),
        body: SourcingInput,
        response: { 200: Sourcing, ...writeProblems },
      },
    },
    async (request) => {
      const { ags, domainId } = request.params;
      const actor = auditActor(request);
      const saved = await context.db.transaction(async (tx) => {
        const [before] = await listSourcingHistory(tx, ags, domainId);
        const id = await changeSourcing(tx, ags, domainId, request.body, {
          quality: "user",
          reason: "Bearbeitung",
        });
        const after = await findSourcing(tx, id);
        if (!after) throw new Error(`Bezug ${id} nach dem Speichern nicht gefunden`);
        await appendAudit(tx, {
          ...actor,
          action: before?.validTo === null && before.id === id ? "correct" : "change",
          entityType: "sourcing",
          entityId: `${ags}/${domainId}`,
          before: before ?? null,
          after,
        });
        return after;
      });
      return saved;
    },
  );

  app.get(
    "/api/providers/:id/offers",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: ["IT-Dienstleister"],
        summary: "Angebote eines IT-Dienstleisters (Preismodell fix + je Einheit, Kapazität)",
        params: z.object({ id: ProviderId }),
        querystring: z.object({ asOf: IsoDate.optional() }),
        response: { 200: z.object({ items: z.array(ProviderOffer) }), 400: problemResponses[400] },
      },
    },
    async (request) => ({
      items: await listOffers(context.db, {
        providerId: request.params.id,
        asOf: request.query.asOf ?? todayInGermany(),
      }),
    }),
  );

  app.get(
    "/api/reorganisations",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: ["IT-Dienstleister"],
        summary: "Angewandte Fusionen, Umbenennungen und Wechsel",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number().int(),
                kind: z.enum(["merger", "rename", "member_move"]),
                effectiveDate: z.string(),
                sourceProviderIds: z.array(z.string()),
                targetProviderId: z.string(),
                organisationKey: z.string().nullable(),
                movedSourcings: z.number().int(),
                movedOffers: z.number().int(),
                note: z.string().nullable(),
                appliedBy: z.string(),
                replaysEvent: z.boolean(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({ items: await listReorganisations(context.db) }),
  );

  app.post(
    "/api/reorganisations/preview",
    {
      config: { access: { permission: "reorganisation:preview" } },
      schema: {
        tags: ["IT-Dienstleister"],
        summary:
          "Vorschau: welche Beziehungen eine Fusion, Umbenennung oder ein Wechsel verschiebt",
        body: ReorganisationRequest,
        response: { 200: ReorganisationPlan, ...writeProblems },
      },
    },
    async (request) => previewReorganisation(context.db, request.body),
  );

  app.post(
    "/api/reorganisations",
    {
      config: { access: { permission: "reorganisation:apply" } },
      schema: {
        tags: ["IT-Dienstleister"],
        summary: "Fusion, Umbenennung oder Wechsel anwenden (eine Transaktion: alles oder nichts)",
        body: ReorganisationRequest,
        response: { 200: ReorganisationPlan, ...writeProblems },
      },
    },
    async (request) => {
      const actor = auditActor(request);
      return context.db.transaction(async (tx) => {
        const plan = await applyReorganisation(tx, request.body, { appliedBy: actor.authorName });
        await appendAudit(tx, {
          ...actor,
          action: "apply",
          entityType: "reorganisation",
          entityId: String(plan.reorganisationId),
          before: null,
          after: { request: request.body, moved: plan.moves.length },
        });
        return plan;
      });
    },
  );
}
