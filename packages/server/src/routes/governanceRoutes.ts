import {
  appendAudit,
  createGovernanceBody,
  createGovernanceDecision,
  listComments,
  listGovernanceBodies,
  listGovernanceDecisions,
  listNotifications,
  markNotificationsRead,
} from "@it-atlas/db";
import {
  AppNotification,
  ChangeComment,
  ChangeCommentInput,
  CommentTargetType,
  GovernanceBody,
  GovernanceBodyInput,
  GovernanceDecision,
  GovernanceDecisionInput,
  UnauthenticatedError,
} from "@it-atlas/domain";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { auditActor } from "../auth/authPlugin.ts";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";
import { postComment, resolveCommentTarget } from "../services/changeService.ts";

const writeProblems = {
  400: problemResponses[400],
  404: problemResponses[404],
  409: problemResponses[409],
};

function signedInUser(request: FastifyRequest): { userId: number; name: string; email: string } {
  const principal = request.principal;
  if (principal.kind !== "user") {
    throw new UnauthenticatedError("unauthenticated", "Bitte melden Sie sich an.");
  }
  return { userId: principal.userId, name: principal.displayName, email: principal.email };
}

/** Gremien and Beschlüsse of the change process. */
export function registerGovernanceRoutes(app: ZodApp, context: AppContext): void {
  const TAGS = ["Gremien und Beschlüsse"];
  app.get(
    "/api/governance/bodies",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary: "Gremien (z. B. Verbandsversammlung, Lenkungskreis)",
        response: { 200: z.object({ items: z.array(GovernanceBody) }) },
      },
    },
    async () => ({ items: await listGovernanceBodies(context.db) }),
  );

  app.post(
    "/api/governance/bodies",
    {
      config: { access: { permission: "governance:record" } },
      schema: {
        tags: TAGS,
        summary: "Gremium anlegen",
        body: GovernanceBodyInput,
        response: { 201: GovernanceBody, ...writeProblems },
      },
    },
    async (request, reply) => {
      const actor = auditActor(request);
      const body = await context.db.transaction(async (tx) => {
        const id = await createGovernanceBody(tx, request.body);
        const created = (await listGovernanceBodies(tx)).find((item) => item.id === id);
        if (!created) throw new Error("Gremium nach dem Anlegen nicht gefunden");
        await appendAudit(tx, {
          ...actor,
          action: "create",
          entityType: "governance_body",
          entityId: String(id),
          before: null,
          after: created,
        });
        return created;
      });
      return reply.status(201).send(body);
    },
  );

  app.get(
    "/api/governance/decisions",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary: "Beschlüsse, neueste zuerst (Filter: Gremium, Maßnahme, Szenario)",
        querystring: z.object({
          body: z.coerce.number().int().positive().optional(),
          measure: z.coerce.number().int().positive().optional(),
          scenario: z.string().min(1).max(100).optional(),
        }),
        response: {
          200: z.object({ items: z.array(GovernanceDecision) }),
          400: problemResponses[400],
        },
      },
    },
    async (request) => ({
      items: await listGovernanceDecisions(context.db, {
        bodyId: request.query.body,
        measureId: request.query.measure,
        scenarioId: request.query.scenario,
      }),
    }),
  );

  app.post(
    "/api/governance/decisions",
    {
      config: { access: { permission: "governance:record" } },
      schema: {
        tags: TAGS,
        summary:
          "Beschluss eines Gremiums erfassen (Datum, Dokument, betroffene Maßnahmen und Szenarien)",
        body: GovernanceDecisionInput,
        response: { 201: GovernanceDecision, ...writeProblems },
      },
    },
    async (request, reply) => {
      const actor = auditActor(request);
      const decision = await context.db.transaction(async (tx) => {
        const id = await createGovernanceDecision(tx, request.body, actor.authorName);
        const created = (await listGovernanceDecisions(tx, { bodyId: request.body.bodyId })).find(
          (item) => item.id === id,
        );
        if (!created) throw new Error("Beschluss nach dem Anlegen nicht gefunden");
        await appendAudit(tx, {
          ...actor,
          action: "create",
          entityType: "governance_decision",
          entityId: String(id),
          before: null,
          after: created,
        });
        return created;
      });
      return reply.status(201).send(decision);
    },
  );
}

/** Comments with @mentions on measures, strategies and scenarios; the caller's notifications. */
export function registerCommentRoutes(app: ZodApp, context: AppContext): void {
  const TAGS = ["Kommentare und Benachrichtigungen"];
  app.get(
    "/api/comments",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary: "Kommentare zu einer Maßnahme, Strategie oder einem Szenario",
        querystring: z.object({
          targetType: CommentTargetType,
          targetId: z.string().min(1).max(100),
        }),
        response: {
          200: z.object({ items: z.array(ChangeComment) }),
          400: problemResponses[400],
          404: problemResponses[404],
        },
      },
    },
    async (request) => {
      await resolveCommentTarget(
        context.db,
        request.principal,
        request.query.targetType,
        request.query.targetId,
      );
      return {
        items: await listComments(context.db, request.query.targetType, request.query.targetId),
      };
    },
  );

  app.post(
    "/api/comments",
    {
      config: { access: { permission: "comments:write" } },
      schema: {
        tags: TAGS,
        summary:
          "Kommentar schreiben; @vorname.name@beispiel.de oder @[Anzeigename] benachrichtigt die Person",
        body: ChangeCommentInput,
        response: {
          201: z.object({
            comment: ChangeComment,
            mentioned: z.array(z.object({ id: z.number().int(), name: z.string() })),
          }),
          ...writeProblems,
        },
      },
    },
    async (request, reply) => {
      const user = signedInUser(request);
      const actor = auditActor(request);
      const target = await resolveCommentTarget(
        context.db,
        request.principal,
        request.body.targetType,
        request.body.targetId,
      );
      const result = await context.db.transaction(async (tx) => {
        const posted = await postComment(tx, request.body, target, {
          userId: user.userId,
          label: user.email,
          name: user.name,
        });
        const comment = (
          await listComments(tx, request.body.targetType, request.body.targetId)
        ).find((item) => item.id === posted.id);
        if (!comment) throw new Error("Kommentar nach dem Anlegen nicht gefunden");
        await appendAudit(tx, {
          ...actor,
          action: "create",
          entityType: "change_comment",
          entityId: String(posted.id),
          before: null,
          after: { ...comment, mentionedUserIds: posted.mentioned.map((person) => person.id) },
        });
        return { comment, mentioned: posted.mentioned };
      });
      // After the commit: the in-app notification is the record; a mail server that is down
      // must not undo the comment.
      if (context.mailer && result.mentioned.length > 0) {
        try {
          await context.mailer.sendMentions(result.mentioned, {
            authorName: user.name,
            label: target.label,
            link: target.link,
            body: request.body.body,
          });
        } catch (error) {
          request.log.warn({ err: error }, "Erwähnungs-E-Mail nicht versandt");
        }
      }
      return reply.status(201).send({
        comment: result.comment,
        mentioned: result.mentioned.map((person) => ({ id: person.id, name: person.name })),
      });
    },
  );

  app.get(
    "/api/notifications",
    {
      config: { access: { permission: "notifications:own" } },
      schema: {
        tags: TAGS,
        summary: "Meine Benachrichtigungen (neueste 50) und die Zahl der ungelesenen",
        querystring: z.object({ unread: z.enum(["true", "false"]).optional() }),
        response: {
          200: z.object({ items: z.array(AppNotification), unread: z.number().int() }),
          400: problemResponses[400],
        },
      },
    },
    async (request) =>
      listNotifications(context.db, signedInUser(request).userId, {
        unreadOnly: request.query.unread === "true",
      }),
  );

  app.post(
    "/api/notifications/read",
    {
      config: { access: { permission: "notifications:own" } },
      schema: {
        tags: TAGS,
        summary: "Meine Benachrichtigungen als gelesen markieren (bestimmte oder alle)",
        body: z.object({ ids: z.array(z.number().int().positive()).max(500).optional() }),
        response: { 200: z.object({ marked: z.number().int() }), 400: problemResponses[400] },
      },
    },
    async (request) => {
      const user = signedInUser(request);
      const actor = auditActor(request);
      return context.db.transaction(async (tx) => {
        const ids = await markNotificationsRead(tx, user.userId, request.body.ids);
        if (ids.length > 0) {
          await appendAudit(tx, {
            ...actor,
            action: "mark_read",
            entityType: "notification",
            entityId: `user:${user.userId}`,
            before: null,
            after: { ids },
          });
        }
        return { marked: ids.length };
      });
    },
  );
}
