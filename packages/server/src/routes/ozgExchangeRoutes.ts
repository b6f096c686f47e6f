import {
  addExchangeAgreement,
  addExchangeInterest,
  appendAudit,
  createExchangeOffer,
  getExchangeOffer,
  listExchangeOffers,
  updateExchangeOffer,
} from "@it-atlas/db";
import {
  ExchangeAgreementInput,
  ExchangeInterestInput,
  ExchangeOffer,
  ExchangeOfferDetail,
  ExchangeOfferInput,
  ProviderId,
  ServiceDomainId,
} from "@it-atlas/domain";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { auditActor } from "../auth/authPlugin.ts";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";

const TAGS = ["Leistungsaustausch"];
const writeProblems = {
  400: problemResponses[400],
  404: problemResponses[404],
  409: problemResponses[409],
};
const OfferId = z.coerce.number().int().positive();

const providerTarget = (request: FastifyRequest) => ({
  providerId: (request.params as { id: string }).id,
});
// Interest is registered for the Kommune or provider named in the body (checked before validation).
const partyTarget = (request: FastifyRequest) => {
  const body = (request.body ?? {}) as { organisationKey?: unknown; providerId?: unknown };
  return {
    organisationKey: typeof body.organisationKey === "string" ? body.organisationKey : null,
    providerId: typeof body.providerId === "string" ? body.providerId : null,
  };
};

/**
 * Service exchange (Leistungsaustausch): providers publish offers to other providers' members;
 * Kommunen and providers register interest; administrators record agreements. A published
 * offer is mirrored as a provider offer of the landscape, so scenarios can use it as an option.
 */
export function registerOzgExchangeRoutes(app: ZodApp, context: AppContext): void {
  app.get(
    "/api/exchange/offers",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary:
          "Angebote des Leistungsaustauschs (Leistung, Preismodell, SLA, Kapazität, Zielgruppe)",
        querystring: z.object({
          provider: ProviderId.optional(),
          domain: ServiceDomainId.optional(),
          fuerMitgliederVon: ProviderId.optional(),
          auchZurueckgezogen: z.enum(["true", "false"]).optional(),
        }),
        response: { 200: z.object({ items: z.array(ExchangeOffer) }), 400: problemResponses[400] },
      },
    },
    async (request) => ({
      items: await listExchangeOffers(context.db, {
        providerId: request.query.provider,
        domainId: request.query.domain,
        audienceProviderId: request.query.fuerMitgliederVon,
        includeWithdrawn: request.query.auchZurueckgezogen === "true",
      }),
    }),
  );

  app.get(
    "/api/exchange/offers/:id",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary: "Ein Angebot mit Interessensbekundungen und Vereinbarungen",
        params: z.object({ id: OfferId }),
        response: {
          200: ExchangeOfferDetail,
          400: problemResponses[400],
          404: problemResponses[404],
        },
      },
    },
    async (request) => getExchangeOffer(context.db, request.params.id),
  );

  app.post(
    "/api/providers/:id/exchange-offers",
    {
      config: { access: { permission: "offer:edit", target: providerTarget } },
      schema: {
        tags: TAGS,
        summary:
          "Angebot eines IT-Dienstleisters an Mitglieder anderer Dienstleister veröffentlichen",
        params: z.object({ id: ProviderId }),
        body: ExchangeOfferInput,
        response: { 200: ExchangeOfferDetail, ...writeProblems },
      },
    },
    async (request) => {
      const actor = auditActor(request);
      return context.db.transaction(async (tx) => {
        const id = await createExchangeOffer(tx, request.params.id, request.body, actor.authorName);
        const after = await getExchangeOffer(tx, id);
        await appendAudit(tx, {
          ...actor,
          action: "create",
          entityType: "exchange_offer",
          entityId: String(id),
          before: null,
          after,
        });
        return after;
      });
    },
  );

  app.put(
    "/api/providers/:id/exchange-offers/:offerId",
    {
      config: { access: { permission: "offer:edit", target: providerTarget } },
      schema: {
        tags: TAGS,
        summary: "Angebot ändern oder zurückziehen (status: zurueckgezogen)",
        params: z.object({ id: ProviderId, offerId: OfferId }),
        body: ExchangeOfferInput,
        response: { 200: ExchangeOfferDetail, ...writeProblems },
      },
    },
    async (request) => {
      const actor = auditActor(request);
      const { id: providerId, offerId } = request.params;
      return context.db.transaction(async (tx) => {
        const before = await getExchangeOffer(tx, offerId);
        await updateExchangeOffer(tx, providerId, offerId, request.body);
        const after = await getExchangeOffer(tx, offerId);
        await appendAudit(tx, {
          ...actor,
          action:
            after.status === "zurueckgezogen" && before.status !== after.status
              ? "withdraw"
              : "change",
          entityType: "exchange_offer",
          entityId: String(offerId),
          before,
          after,
        });
        return after;
      });
    },
  );

  app.post(
    "/api/exchange/offers/:id/interests",
    {
      config: { access: { permission: "exchange:interest", target: partyTarget } },
      schema: {
        tags: TAGS,
        summary: "Interesse einer Kommune oder eines IT-Dienstleisters an einem Angebot bekunden",
        params: z.object({ id: OfferId }),
        body: ExchangeInterestInput,
        response: { 200: ExchangeOfferDetail, ...writeProblems },
      },
    },
    async (request) => {
      const actor = auditActor(request);
      return context.db.transaction(async (tx) => {
        const id = await addExchangeInterest(tx, request.params.id, request.body, actor.authorName);
        const after = await getExchangeOffer(tx, request.params.id);
        await appendAudit(tx, {
          ...actor,
          action: "create",
          entityType: "exchange_interest",
          entityId: String(id),
          before: null,
          after: after.interests.find((interest) => interest.id === id) ?? null,
        });
        return after;
      });
    },
  );

  app.post(
    "/api/exchange/offers/:id/agreements",
    {
      config: { access: { permission: "exchange:agreement" } },
      schema: {
        tags: TAGS,
        summary: "Vereinbarung zu einem Angebot mit Datum erfassen",
        params: z.object({ id: OfferId }),
        body: ExchangeAgreementInput,
        response: { 200: ExchangeOfferDetail, ...writeProblems },
      },
    },
    async (request) => {
      const actor = auditActor(request);
      return context.db.transaction(async (tx) => {
        const id = await addExchangeAgreement(
          tx,
          request.params.id,
          request.body,
          actor.authorName,
        );
        const after = await getExchangeOffer(tx, request.params.id);
        await appendAudit(tx, {
          ...actor,
          action: "create",
          entityType: "exchange_agreement",
          entityId: String(id),
          before: null,
          after: after.agreements.find((agreement) => agreement.id === id) ?? null,
        });
        return after;
      });
    },
  );
}
