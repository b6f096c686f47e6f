import {
  appendAudit,
  createCampaign,
  createSurveyToken,
  findResponseById,
  findResponseIdByToken,
  getCampaign,
  listCampaigns,
  listResponsesOfOrganisation,
  setDelegation,
  startCampaign,
  updateCampaign,
} from "@it-atlas/db";
import {
  Answers,
  Campaign,
  CampaignInput,
  can,
  NotAllowedError,
  AdoptionStatus,
  NotFoundError,
  OrganisationKey,
  Question,
  ResponseStatus,
} from "@it-atlas/domain";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { auditActor } from "../auth/authPlugin.ts";
import { hashSecret, newSecret } from "../auth/secrets.ts";
import { campaignAnswersWorkbook } from "../export/surveyExport.ts";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";
import { campaignProgress, campaignResults } from "../services/surveyResults.ts";
import {
  applyResponse,
  assertMaySeeAnswers,
  commentOnResponse,
  getResponse,
  questionnaireOf,
  reviewResponse,
  saveDraftAnswers,
  submitResponse,
} from "../services/surveyService.ts";
import { sendFile } from "./exportRoutes.ts";

/** Header that carries a personal survey link's secret (never the Authorization header). */
export const SURVEY_TOKEN_HEADER = "x-survey-token";

const TAGS = ["Bedarfserhebung"];
const CampaignParams = z.object({ id: z.coerce.number().int().positive() });
const ResponseParams = z.object({ id: z.coerce.number().int().positive(), ags: OrganisationKey });
const writeProblems = {
  400: problemResponses[400],
  404: problemResponses[404],
  409: problemResponses[409],
};
const scoped = (request: FastifyRequest) => ({
  organisationKey: (request.params as { ags: string }).ags,
});

const Comment = z.object({
  id: z.number().int(),
  questionKey: z.string().nullable(),
  author: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
const Questionnaire = z
  .object({
    response: z.object({
      id: z.number().int(),
      campaignId: z.number().int(),
      campaignTitle: z.string(),
      periodEnd: z.string(),
      organisation: z.object({ key: z.string(), name: z.string() }),
      status: ResponseStatus,
      submittedAt: z.string().nullable(),
      reviewComment: z.string().nullable(),
      appliedAt: z.string().nullable(),
      editable: z.boolean(),
    }),
    questions: z.array(Question),
    answers: Answers,
    /** Values from the landscape to confirm or correct (not typed again). */
    prefill: Answers,
    /**
     * Keys of prefilled values taken from synthetic rows („Demodaten (synthetisch)“). A prefill
     * is stored only when the person confirms or changes it, one by one.
     */
    prefillDemo: z.array(z.string()),
    comments: z.array(Comment),
    delegations: z.array(z.object({ section: z.string(), delegate: z.string() })),
    /** Per section, the OZG-Leistungen the Kommune is responsible for, with their status. */
    ozgLeistungen: z.array(
      z.object({
        domainId: z.string(),
        items: z.array(
          z.object({ ozgId: z.number().int(), name: z.string(), status: AdoptionStatus }),
        ),
      }),
    ),
  })
  .meta({ id: "SurveyQuestionnaire" });
const CommentInput = z.object({
  questionKey: z.string().max(63).nullable().default(null),
  body: z.string().trim().min(1, "darf nicht leer sein").max(5000),
});
const AnswersInput = z.object({ answers: Answers });

/** Resolves the personal link of a request to its response id; refuses missing or stale links. */
async function tokenResponseId(
  context: AppContext,
  request: FastifyRequest,
): Promise<{ responseId: number; label: string }> {
  const secret = request.headers[SURVEY_TOKEN_HEADER];
  if (typeof secret !== "string" || secret.length < 20 || secret.length > 200) {
    throw new NotFoundError(
      "survey_token_missing",
      "Bitte öffnen Sie die Erhebung über Ihren persönlichen Link.",
    );
  }
  const found = await findResponseIdByToken(context.db, hashSecret(secret));
  if (!found) {
    throw new NotFoundError(
      "survey_token_invalid",
      "Der Link ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen Link an.",
    );
  }
  return found;
}

/** Runs after the global access check, before body validation: only the Kommune and KDN. */
function onlyKommuneOrKdn(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: (error?: Error) => void,
): void {
  try {
    assertMaySeeAnswers(request.principal, (request.params as { ags: string }).ags);
    done();
  } catch (error) {
    done(error as Error);
  }
}

/** Personal links are issued by KDN or by the Kommune's own team. */
function linkIssuers(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: (error?: Error) => void,
): void {
  const organisationKey = (request.params as { ags: string }).ags;
  if (
    can(request.principal, "campaign:manage") ||
    can(request.principal, "sourcing:edit", { organisationKey })
  )
    done();
  else done(new NotAllowedError("forbidden", "Dafür fehlt Ihnen die Berechtigung."));
}

function tokenActor(request: FastifyRequest, label: string) {
  return {
    actorUserId: null,
    actorLabel: `Link: ${label}`,
    authorName: `Link: ${label}`,
    via: "ui" as const,
    requestId: request.id,
  };
}

/** Campaigns (create, design, start), answering (signed in or by personal link), review. */
export function registerSurveyRoutes(app: ZodApp, context: AppContext): void {
  app.get(
    "/api/campaigns",
    {
      config: { access: { permission: "campaign:manage" } },
      schema: {
        tags: TAGS,
        summary: "Alle Erhebungen",
        response: { 200: z.object({ items: z.array(Campaign) }) },
      },
    },
    async () => ({ items: await listCampaigns(context.db) }),
  );

  app.post(
    "/api/campaigns",
    {
      config: { access: { permission: "campaign:manage" } },
      schema: {
        tags: TAGS,
        summary: "Erhebung anlegen (Entwurf mit Fragenkatalog Version 1)",
        body: CampaignInput,
        response: { 201: Campaign, ...writeProblems },
      },
    },
    async (request, reply) => {
      const actor = auditActor(request);
      const campaign = await context.db.transaction(async (tx) => {
        const id = await createCampaign(tx, request.body, actor.authorName);
        const created = await getCampaign(tx, id);
        await appendAudit(tx, {
          ...actor,
          action: "create",
          entityType: "survey_campaign",
          entityId: String(id),
          before: null,
          after: created,
        });
        return created;
      });
      return reply.status(201).send(campaign);
    },
  );

  app.get(
    "/api/campaigns/:id",
    {
      config: { access: { permission: "campaign:manage" } },
      schema: {
        tags: TAGS,
        summary: "Eine Erhebung mit Fragenkatalog",
        params: CampaignParams,
        response: { 200: Campaign, 404: problemResponses[404] },
      },
    },
    async (request) => getCampaign(context.db, request.params.id),
  );

  app.put(
    "/api/campaigns/:id",
    {
      config: { access: { permission: "campaign:manage" } },
      schema: {
        tags: TAGS,
        summary: "Erhebung im Entwurf ändern (Fragen einer laufenden Erhebung sind eingefroren)",
        params: CampaignParams,
        body: CampaignInput,
        response: { 200: Campaign, ...writeProblems },
      },
    },
    async (request) => {
      const actor = auditActor(request);
      return context.db.transaction(async (tx) => {
        const before = await getCampaign(tx, request.params.id);
        await updateCampaign(tx, request.params.id, request.body);
        const after = await getCampaign(tx, request.params.id);
        await appendAudit(tx, {
          ...actor,
          action: "update",
          entityType: "survey_campaign",
          entityId: String(after.id),
          before,
          after,
        });
        return after;
      });
    },
  );

  app.post(
    "/api/campaigns/:id/start",
    {
      config: { access: { permission: "campaign:manage" } },
      schema: {
        tags: TAGS,
        summary: "Erhebung starten: Fragen einfrieren, Antwortbögen je Kommune öffnen",
        params: CampaignParams,
        response: { 200: z.object({ responses: z.number().int() }), ...writeProblems },
      },
    },
    async (request) => {
      const actor = auditActor(request);
      return context.db.transaction(async (tx) => {
        const responses = await startCampaign(tx, request.params.id);
        await appendAudit(tx, {
          ...actor,
          action: "start",
          entityType: "survey_campaign",
          entityId: String(request.params.id),
          before: { status: "draft" },
          after: { status: "running", responses },
        });
        return { responses };
      });
    },
  );

  app.get(
    "/api/campaigns/:id/progress",
    {
      config: { access: { permission: "campaign:manage" } },
      schema: {
        tags: TAGS,
        summary:
          "Fortschritt: Status je Kommune, Zählung je Kreis und Regierungsbezirk, Erinnerungsliste",
        params: CampaignParams,
        response: { 200: z.unknown(), 404: problemResponses[404] },
      },
    },
    async (request) => campaignProgress(context.db, request.params.id),
  );

  app.get(
    "/api/campaigns/:id/results",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary:
          "Auswertung je Frage nach Größenklasse und Dienstleister (kleine Gruppen unterdrückt)",
        params: CampaignParams,
        response: { 200: z.unknown(), 404: problemResponses[404] },
      },
    },
    async (request) => campaignResults(context.db, request.params.id, request.principal),
  );

  app.get(
    "/api/campaigns/:id/export.xlsx",
    {
      config: { access: { permission: "campaign:manage" } },
      schema: {
        tags: TAGS,
        summary: "Alle Antworten als XLSX",
        params: CampaignParams,
        response: { 200: z.string(), 404: problemResponses[404] },
      },
    },
    async (request, reply) =>
      sendFile(reply as FastifyReply, await campaignAnswersWorkbook(context.db, request.params.id)),
  );

  app.get(
    "/api/campaigns/:id/responses/:ags",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary: "Antwortbogen einer Kommune (nur für sie selbst und KDN)",
        params: ResponseParams,
        response: { 200: Questionnaire, 404: problemResponses[404] },
      },
    },
    async (request) => {
      assertMaySeeAnswers(request.principal, request.params.ags);
      const response = await getResponse(context.db, request.params.id, request.params.ags);
      return questionnaireOf(context.db, context.landscape, context.ozg, response);
    },
  );

  app.put(
    "/api/campaigns/:id/responses/:ags/answers",
    {
      config: { access: { permission: "sourcing:edit", target: scoped } },
      schema: {
        tags: TAGS,
        summary: "Antworten zwischenspeichern (Autosave, Entwurf)",
        params: ResponseParams,
        body: AnswersInput,
        response: { 200: z.object({ saved: z.number().int() }), ...writeProblems },
      },
    },
    async (request) => {
      const response = await getResponse(context.db, request.params.id, request.params.ags);
      return saveDraftAnswers(context.db, response.id, request.body.answers, auditActor(request));
    },
  );

  app.post(
    "/api/campaigns/:id/responses/:ags/submit",
    {
      config: { access: { permission: "sourcing:edit", target: scoped } },
      schema: {
        tags: TAGS,
        summary: "Antworten einreichen",
        params: ResponseParams,
        response: { 200: z.object({ status: z.literal("submitted") }), ...writeProblems },
      },
    },
    async (request) => {
      const response = await getResponse(context.db, request.params.id, request.params.ags);
      return submitResponse(context.db, response.id, auditActor(request));
    },
  );

  app.post(
    "/api/campaigns/:id/responses/:ags/comments",
    {
      config: { access: { permission: "landscape:read" } },
      preValidation: onlyKommuneOrKdn,
      schema: {
        tags: TAGS,
        summary: "Kommentar zum Antwortbogen",
        params: ResponseParams,
        body: CommentInput,
        response: { 201: z.object({ id: z.number().int() }), ...writeProblems },
      },
    },
    async (request, reply) => {
      const response = await getResponse(context.db, request.params.id, request.params.ags);
      return reply
        .status(201)
        .send(await commentOnResponse(context.db, response.id, request.body, auditActor(request)));
    },
  );

  app.put(
    "/api/campaigns/:id/responses/:ags/delegations",
    {
      config: { access: { permission: "sourcing:edit", target: scoped } },
      schema: {
        tags: TAGS,
        summary:
          "Abschnitt (Leistungsbereich, leer = allgemein) an Kollegin oder Kollegen delegieren",
        params: ResponseParams,
        body: z.object({
          section: z.string().max(63),
          delegate: z.string().trim().min(2, "muss mindestens 2 Zeichen haben").max(200),
        }),
        response: {
          200: z.object({ section: z.string(), delegate: z.string() }),
          ...writeProblems,
        },
      },
    },
    async (request) => {
      const actor = auditActor(request);
      const response = await getResponse(context.db, request.params.id, request.params.ags);
      await context.db.transaction(async (tx) => {
        await setDelegation(tx, response.id, { ...request.body, createdBy: actor.authorName });
        await appendAudit(tx, {
          ...actor,
          action: "delegate",
          entityType: "survey_response",
          entityId: String(response.id),
          before: null,
          after: request.body,
        });
      });
      return request.body;
    },
  );

  app.post(
    "/api/campaigns/:id/responses/:ags/tokens",
    {
      config: { access: { permission: "landscape:read" } },
      preValidation: linkIssuers,
      schema: {
        tags: TAGS,
        summary: "Persönlichen Link für Personen ohne Konto erzeugen (nur einmal angezeigt)",
        params: ResponseParams,
        body: z.object({
          label: z.string().trim().min(2, "muss mindestens 2 Zeichen haben").max(200),
          validDays: z.number().int().min(1).max(90).default(30),
        }),
        response: {
          201: z.object({ token: z.string(), path: z.string(), expiresAt: z.string() }),
          ...writeProblems,
        },
      },
    },
    async (request, reply) => {
      const { ags } = request.params;
      const actor = auditActor(request);
      const response = await getResponse(context.db, request.params.id, ags);
      const token = newSecret();
      const expiresAt = new Date(Date.now() + request.body.validDays * 86_400_000).toISOString();
      await context.db.transaction(async (tx) => {
        await createSurveyToken(tx, {
          tokenHash: hashSecret(token),
          responseId: response.id,
          label: request.body.label,
          createdBy: actor.authorName,
          expiresAt,
        });
        await appendAudit(tx, {
          ...actor,
          action: "create_link",
          entityType: "survey_token",
          entityId: String(response.id),
          before: null,
          after: { label: request.body.label, expiresAt },
        });
      });
      return reply.status(201).send({ token, path: `/erhebung?token=${token}`, expiresAt });
    },
  );

  app.post(
    "/api/campaigns/:id/responses/:ags/review",
    {
      config: { access: { permission: "campaign:manage" } },
      schema: {
        tags: TAGS,
        summary: "Eingereichte Antworten annehmen oder mit Kommentar zurückgeben",
        params: ResponseParams,
        body: z.object({
          decision: z.enum(["accept", "return"]),
          comment: z.string().max(5000).nullable().default(null),
        }),
        response: { 200: z.object({ status: z.enum(["accepted", "returned"]) }), ...writeProblems },
      },
    },
    async (request) =>
      reviewResponse(
        context.db,
        request.params.id,
        request.params.ags,
        request.body,
        auditActor(request),
      ),
  );

  app.post(
    "/api/campaigns/:id/responses/:ags/apply",
    {
      config: { access: { permission: "campaign:manage" } },
      schema: {
        tags: TAGS,
        summary:
          "Angenommene Antworten in die IT-Landkarte übernehmen (Herkunft „Bedarfserhebung <Kampagne>“)",
        params: ResponseParams,
        response: {
          200: z.object({
            applied: z.array(z.string()),
            skipped: z.array(z.object({ domainId: z.string(), reason: z.string() })),
          }),
          ...writeProblems,
        },
      },
    },
    async (request) =>
      applyResponse(
        context.db,
        context.landscape,
        request.params.id,
        request.params.ags,
        auditActor(request),
      ),
  );

  app.get(
    "/api/organisations/:ags/survey-responses",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary: "Erhebungen, an denen eine Kommune teilnimmt",
        params: z.object({ ags: OrganisationKey }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                campaignId: z.number().int(),
                campaignTitle: z.string(),
                periodEnd: z.string(),
                status: ResponseStatus,
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      assertMaySeeAnswers(request.principal, request.params.ags);
      const items = await listResponsesOfOrganisation(context.db, request.params.ags);
      return { items: items.filter((item) => item.campaignStatus !== "draft") };
    },
  );

  // Personal links: the route is open ("public:read"), the handler checks the link's secret.
  app.get(
    "/api/survey/token",
    {
      config: { access: { permission: "public:read" } },
      schema: {
        tags: TAGS,
        summary: `Antwortbogen über persönlichen Link (Header ${SURVEY_TOKEN_HEADER})`,
        response: { 200: Questionnaire, 404: problemResponses[404] },
      },
    },
    async (request) => {
      const { responseId } = await tokenResponseId(context, request);
      const response = await findResponseById(context.db, responseId);
      if (!response)
        throw new NotFoundError("survey_token_invalid", "Der Link ist ungültig oder abgelaufen.");
      return questionnaireOf(context.db, context.landscape, context.ozg, response);
    },
  );

  app.put(
    "/api/survey/token/answers",
    {
      config: { access: { permission: "public:read" } },
      schema: {
        tags: TAGS,
        summary: "Antworten über persönlichen Link zwischenspeichern",
        body: AnswersInput,
        response: { 200: z.object({ saved: z.number().int() }), ...writeProblems },
      },
    },
    async (request) => {
      const { responseId, label } = await tokenResponseId(context, request);
      return saveDraftAnswers(
        context.db,
        responseId,
        request.body.answers,
        tokenActor(request, label),
      );
    },
  );

  app.post(
    "/api/survey/token/submit",
    {
      config: { access: { permission: "public:read" } },
      schema: {
        tags: TAGS,
        summary: "Antworten über persönlichen Link einreichen",
        response: { 200: z.object({ status: z.literal("submitted") }), ...writeProblems },
      },
    },
    async (request) => {
      const { responseId, label } = await tokenResponseId(context, request);
      return submitResponse(context.db, responseId, tokenActor(request, label));
    },
  );

  app.post(
    "/api/survey/token/comments",
    {
      config: { access: { permission: "public:read" } },
      schema: {
        tags: TAGS,
        summary: "Kommentar über persönlichen Link",
        body: CommentInput,
        response: { 201: z.object({ id: z.number().int() }), ...writeProblems },
      },
    },
    async (request, reply) => {
      const { responseId, label } = await tokenResponseId(context, request);
      return reply
        .status(201)
        .send(
          await commentOnResponse(context.db, responseId, request.body, tokenActor(request, label)),
        );
    },
  );
}
