import {
  appendAudit,
  deleteLeistungRule,
  findOnlineService,
  listOnlineServices,
  listResponsibilityRules,
  saveLeikaTypeRule,
  saveLeistungRule,
  saveOnlineService,
} from "@it-atlas/db";
import {
  DEFAULT_LEIKA_TYPE_RULES,
  NotFoundError,
  OnlineService,
  OnlineServiceId,
  OnlineServiceInput,
  OnlineServiceKind,
  ResponsibilityRule,
  ResponsibilityRuleInput,
  type LeikaTypeRuleKey,
} from "@it-atlas/domain";
import { z } from "zod";
import { auditActor } from "../auth/authPlugin.ts";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";

const TAGS = ["OZG-Umsetzung"];
const writeProblems = {
  400: problemResponses[400],
  404: problemResponses[404],
  409: problemResponses[409],
};
/** LeiKa-Typ in a path: "2-3" stands for 2/3 (a slash cannot be a path segment). */
const LeikaTypePath = z.enum(["1", "2-3", "4", "5", "6"]);
const toRuleKey = (value: z.infer<typeof LeikaTypePath>): LeikaTypeRuleKey =>
  value === "2-3" ? "2/3" : value;

/** Online services and base components; the documented, editable responsibility rule. */
export function registerOzgCatalogueRoutes(app: ZodApp, context: AppContext): void {
  app.get(
    "/api/ozg/online-services",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary:
          "Onlinedienste und Basiskomponenten: Betreiber, EfA, federführendes Land, Portal, Reifegrad, abgedeckte OZG-Leistungen, Abhängigkeiten",
        querystring: z.object({
          kind: OnlineServiceKind.optional(),
          ozgId: z.coerce.number().int().positive().optional(),
        }),
        response: { 200: z.object({ items: z.array(OnlineService) }), 400: problemResponses[400] },
      },
    },
    async (request) => ({ items: await listOnlineServices(context.db, request.query) }),
  );

  app.get(
    "/api/ozg/online-services/:id",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary: "Ein Onlinedienst oder eine Basiskomponente",
        params: z.object({ id: OnlineServiceId }),
        response: { 200: OnlineService, 400: problemResponses[400], 404: problemResponses[404] },
      },
    },
    async (request) => {
      const service = await findOnlineService(context.db, request.params.id);
      if (!service) {
        throw new NotFoundError(
          "online_service_not_found",
          `Es gibt keinen Onlinedienst „${request.params.id}“.`,
        );
      }
      return service;
    },
  );

  app.put(
    "/api/ozg/online-services/:id",
    {
      config: { access: { permission: "ozg:configure" } },
      schema: {
        tags: TAGS,
        summary: "Onlinedienst oder Basiskomponente anlegen oder ändern",
        params: z.object({ id: OnlineServiceId }),
        body: OnlineServiceInput,
        response: { 200: OnlineService, ...writeProblems },
      },
    },
    async (request) => {
      const actor = auditActor(request);
      return context.db.transaction(async (tx) => {
        const before = await saveOnlineService(tx, request.params.id, request.body);
        const after = await findOnlineService(tx, request.params.id);
        if (!after)
          throw new Error(`Onlinedienst ${request.params.id} nach dem Speichern nicht gefunden`);
        await appendAudit(tx, {
          ...actor,
          action: before ? "change" : "create",
          entityType: "online_service",
          entityId: request.params.id,
          before: before ?? null,
          after,
        });
        return after;
      });
    },
  );

  app.get(
    "/api/ozg/responsibility-rules",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary:
          "Zuständigkeitsregel: welche Kommunentypen eine OZG-Leistung anbieten müssen – je LeiKa-Typ und, genauer, je OZG-Leistung (mit Begründung); die Angabe einer Kommune geht beiden vor",
        response: {
          200: z.object({
            items: z.array(ResponsibilityRule),
            defaults: z.array(
              z.object({
                leikaType: z.string(),
                responsibleTypes: z.array(z.string()),
                basis: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      items: await listResponsibilityRules(context.db),
      defaults: DEFAULT_LEIKA_TYPE_RULES.map((rule) => ({
        leikaType: rule.leikaType,
        responsibleTypes: [...rule.responsibleTypes],
        basis: rule.basis,
      })),
    }),
  );

  app.put(
    "/api/ozg/responsibility-rules/leika-typ/:leikaType",
    {
      config: { access: { permission: "ozg:configure" } },
      schema: {
        tags: TAGS,
        summary: "Regel eines LeiKa-Typs ändern („2-3“ steht für 2/3)",
        params: z.object({ leikaType: LeikaTypePath }),
        body: ResponsibilityRuleInput,
        response: { 200: ResponsibilityRule, ...writeProblems },
      },
    },
    async (request) => {
      const actor = auditActor(request);
      const key = toRuleKey(request.params.leikaType);
      return context.db.transaction(async (tx) => {
        const before = await saveLeikaTypeRule(tx, key, request.body, actor.authorName);
        const after = (await listResponsibilityRules(tx)).find((rule) => rule.leikaType === key);
        if (!after) throw new Error(`Regel ${key} nach dem Speichern nicht gefunden`);
        await appendAudit(tx, {
          ...actor,
          action: before ? "change" : "create",
          entityType: "ozg_responsibility_rule",
          entityId: `leika-typ/${key}`,
          before: before ?? null,
          after,
        });
        return after;
      });
    },
  );

  app.put(
    "/api/ozg/responsibility-rules/leistung/:ozgId",
    {
      config: { access: { permission: "ozg:configure" } },
      schema: {
        tags: TAGS,
        summary: "Eigene Regel für eine OZG-Leistung setzen (geht der Regel des LeiKa-Typs vor)",
        params: z.object({ ozgId: z.coerce.number().int().positive() }),
        body: ResponsibilityRuleInput,
        response: { 200: ResponsibilityRule, ...writeProblems },
      },
    },
    async (request) => {
      const actor = auditActor(request);
      const { ozgId } = request.params;
      return context.db.transaction(async (tx) => {
        const before = await saveLeistungRule(tx, ozgId, request.body, actor.authorName);
        const after = (await listResponsibilityRules(tx)).find((rule) => rule.ozgId === ozgId);
        if (!after) throw new Error(`Regel ${ozgId} nach dem Speichern nicht gefunden`);
        await appendAudit(tx, {
          ...actor,
          action: before ? "change" : "create",
          entityType: "ozg_responsibility_rule",
          entityId: `leistung/${ozgId}`,
          before: before ?? null,
          after,
        });
        return after;
      });
    },
  );

  app.delete(
    "/api/ozg/responsibility-rules/leistung/:ozgId",
    {
      config: { access: { permission: "ozg:configure" } },
      schema: {
        tags: TAGS,
        summary: "Eigene Regel einer OZG-Leistung entfernen (dann gelten ihre LeiKa-Typen)",
        params: z.object({ ozgId: z.coerce.number().int().positive() }),
        response: { 204: z.undefined(), ...writeProblems },
      },
    },
    async (request, reply) => {
      const actor = auditActor(request);
      await context.db.transaction(async (tx) => {
        const before = await deleteLeistungRule(tx, request.params.ozgId);
        await appendAudit(tx, {
          ...actor,
          action: "delete",
          entityType: "ozg_responsibility_rule",
          entityId: `leistung/${request.params.ozgId}`,
          before,
          after: null,
        });
      });
      return reply.status(204).send();
    },
  );
}
