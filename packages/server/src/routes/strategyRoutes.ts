import {
  adoptStrategyDraft,
  appendAudit,
  findStrategyVersion,
  listAdoptedDecisions,
  listServiceDomains,
  listStrategies,
  saveStrategyDraft,
} from "@it-atlas/db";
import {
  canSeeConfidential,
  ConflictError,
  derivedQualityLabel,
  NotFoundError,
  OrganisationKey,
  ServiceDomainId,
  Strategy,
  StrategyAdoptInput,
  StrategyDecision,
  StrategyDraftInput,
  TargetModel,
} from "@it-atlas/domain";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { auditActor } from "../auth/authPlugin.ts";
import { strategyPdf } from "../export/strategyPdf.ts";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";
import { todayInGermany } from "../services/landscapeService.ts";
import { assertMaySeeAnswers } from "../services/surveyService.ts";
import {
  getKommune,
  strategyBasis,
  strategyFindings,
  strategySuggestions,
} from "../services/strategyService.ts";
import { sendFile } from "./exportRoutes.ts";

const TAGS = ["IT-Strategie"];
const Params = z.object({ ags: OrganisationKey });
const writeProblems = {
  400: problemResponses[400],
  404: problemResponses[404],
  409: problemResponses[409],
};
const scoped = (request: FastifyRequest) => ({
  organisationKey: (request.params as { ags: string }).ags,
});
const Finding = z
  .object({
    domainId: z.string(),
    severity: z.enum(["error", "warning"]),
    code: z.string(),
    message: z.string(),
  })
  .meta({ id: "ConsistencyFinding" });
const Suggestion = z
  .object({
    domainId: z.string(),
    targetModel: TargetModel,
    providerId: z.string().nullable(),
    vorOrtRequired: z.boolean(),
    reasons: z.array(z.string()),
    /** The suggestion rests on synthetic landscape values („Demodaten (synthetisch)“). */
    demo: z.boolean(),
    /** „Qualität“ for people: the demo label, or that no synthetic value went into it. */
    quality: z.string(),
  })
  .meta({ id: "DecisionSuggestion" });

/** IT-Strategie per Kommune: draft, suggestions and checks, adoption, PDF, statewide overview. */
export function registerStrategyRoutes(app: ZodApp, context: AppContext): void {
  app.get(
    "/api/organisations/:ags/strategies",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary: "Versionen der IT-Strategie einer Kommune (Entwürfe nur für die Kommune und KDN)",
        params: Params,
        response: {
          200: z.object({ items: z.array(Strategy), findings: z.array(Finding) }),
          404: problemResponses[404],
        },
      },
    },
    async (request) => {
      await getKommune(context.db, request.params.ags);
      const own = canSeeConfidential(request.principal, {
        organisationKey: request.params.ags,
        providerId: null,
      });
      const items = (await listStrategies(context.db, request.params.ags)).filter(
        (item) => own || item.status === "adopted",
      );
      const draft = items.find((item) => item.status === "draft");
      const findings =
        own && draft
          ? strategyFindings(await strategyBasis(context.db, request.params.ags), draft.decisions)
          : [];
      return { items, findings };
    },
  );

  app.get(
    "/api/organisations/:ags/strategy/suggestions",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary:
          "Vorschläge aus den Antworten der Kommune und aus Vergleichskommunen ihrer Größenklasse",
        params: Params,
        response: {
          200: z.object({
            campaignTitle: z.string().nullable(),
            domainIds: z.array(z.string()),
            items: z.array(Suggestion),
          }),
          404: problemResponses[404],
        },
      },
    },
    async (request) => {
      assertMaySeeAnswers(request.principal, request.params.ags);
      const basis = await strategyBasis(context.db, request.params.ags);
      return {
        campaignTitle: basis.campaignTitle,
        domainIds: basis.domainIds,
        items: (await strategySuggestions(context.db, context.landscape, basis)).map((item) => ({
          ...item,
          quality: derivedQualityLabel(item.demo),
        })),
      };
    },
  );

  app.put(
    "/api/organisations/:ags/strategy/draft",
    {
      config: { access: { permission: "sourcing:edit", target: scoped } },
      schema: {
        tags: TAGS,
        summary:
          "Entwurf der IT-Strategie speichern (legt eine neue Version an, wenn keiner offen ist)",
        params: Params,
        body: StrategyDraftInput,
        response: {
          200: z.object({ strategy: Strategy, findings: z.array(Finding) }),
          ...writeProblems,
        },
      },
    },
    async (request) => {
      const { ags } = request.params;
      const basis = await strategyBasis(context.db, ags);
      const actor = auditActor(request);
      const strategy = await context.db.transaction(async (tx) => {
        const version = await saveStrategyDraft(tx, ags, request.body.decisions, actor.authorName);
        const saved = await findStrategyVersion(tx, ags, version);
        if (!saved) throw new Error("Strategie nach dem Speichern nicht gefunden");
        await appendAudit(tx, {
          ...actor,
          action: "save_draft",
          entityType: "strategy",
          entityId: `${ags}/${version}`,
          before: null,
          after: saved,
        });
        return saved;
      });
      return { strategy, findings: strategyFindings(basis, strategy.decisions) };
    },
  );

  app.post(
    "/api/organisations/:ags/strategy/adopt",
    {
      config: { access: { permission: "sourcing:edit", target: scoped } },
      schema: {
        tags: TAGS,
        summary:
          "Entwurf beschließen (Datum des Ratsbeschlusses); Fehler der Konsistenzprüfung verhindern das",
        params: Params,
        body: StrategyAdoptInput,
        response: { 200: Strategy, ...writeProblems },
      },
    },
    async (request) => {
      const { ags } = request.params;
      const basis = await strategyBasis(context.db, ags);
      const actor = auditActor(request);
      return context.db.transaction(async (tx) => {
        const draft = (await listStrategies(tx, ags)).find((item) => item.status === "draft");
        if (!draft)
          throw new ConflictError(
            "strategy_no_draft",
            "Es gibt keinen Entwurf, der beschlossen werden könnte.",
          );
        const errors = strategyFindings(basis, draft.decisions).filter(
          (finding) => finding.severity === "error",
        );
        if (errors.length > 0) {
          throw new ConflictError(
            "strategy_inconsistent",
            `Der Entwurf hat ${errors.length} Fehler: ${errors.map((error) => error.message).join(" ")}`,
          );
        }
        const version = await adoptStrategyDraft(
          tx,
          ags,
          request.body.councilDecisionDate,
          actor.authorName,
        );
        const adopted = await findStrategyVersion(tx, ags, version);
        if (!adopted) throw new Error("Strategie nach dem Beschluss nicht gefunden");
        await appendAudit(tx, {
          ...actor,
          action: "adopt",
          entityType: "strategy",
          entityId: `${ags}/${version}`,
          before: draft,
          after: adopted,
        });
        return adopted;
      });
    },
  );

  app.get(
    "/api/organisations/:ags/strategies/:version/pdf",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary: "Strategiedokument als PDF",
        params: z.object({ ags: OrganisationKey, version: z.coerce.number().int().positive() }),
        response: { 200: z.string(), 404: problemResponses[404] },
      },
    },
    async (request, reply) => {
      const strategy = await findStrategyVersion(
        context.db,
        request.params.ags,
        request.params.version,
      );
      const own = canSeeConfidential(request.principal, {
        organisationKey: request.params.ags,
        providerId: null,
      });
      if (!strategy || (strategy.status === "draft" && !own)) {
        throw new NotFoundError(
          "strategy_not_found",
          `Es gibt keine Version ${request.params.version} dieser IT-Strategie.`,
        );
      }
      const domains = await listServiceDomains(context.db);
      return sendFile(reply, {
        body: strategyPdf(
          strategy,
          new Map(domains.map((domain) => [domain.id, domain.name])),
          await context.landscape.all({
            asOf: todayInGermany(),
            organisation: request.params.ags,
          }),
        ),
        contentType: "application/pdf",
        fileName: `it-strategie-${strategy.organisationKey}-v${strategy.version}.pdf`,
      });
    },
  );

  app.get(
    "/api/strategies/decisions",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary:
          "Landesweite Übersicht: beschlossene Entscheidungen je Kommune (z. B. was „vor Ort“ bleibt)",
        querystring: z.object({
          domain: ServiceDomainId.optional(),
          vorOrt: z.enum(["true", "false"]).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                organisationKey: z.string(),
                organisationName: z.string(),
                kreisKey: z.string().nullable(),
                councilDecisionDate: z.string(),
                decision: StrategyDecision,
              }),
            ),
          }),
          400: problemResponses[400],
        },
      },
    },
    async (request) => {
      const items = await listAdoptedDecisions(context.db, request.query.domain);
      return {
        items:
          request.query.vorOrt === "true"
            ? items.filter(
                (item) => item.decision.vorOrtRequired || item.decision.targetModel === "vor_ort",
              )
            : items,
      };
    },
  );
}
