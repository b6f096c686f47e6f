import {
  addMilestone,
  appendAudit,
  createMeasure,
  deleteMeasure,
  deleteMilestone,
  getMeasure,
  listAssignableUsers,
  listMeasures,
  setMeasureDependencies,
  updateMeasure,
  updateMilestone,
} from "@it-atlas/db";
import {
  criticalPath,
  Measure,
  MeasureInput,
  MeasureStatus,
  MeasuresFromMigrationsInput,
  Milestone,
  MilestoneInput,
  OrganisationKey,
  pageOf,
  PageQuery,
  ProviderId,
  ServiceDomainId,
  SortDirection,
} from "@it-atlas/domain";
import { z } from "zod";
import { auditActor } from "../auth/authPlugin.ts";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";
import { createMeasuresFromMigrations, notifyNewOwner } from "../services/changeService.ts";
import { todayInGermany } from "../services/landscapeService.ts";

const TAGS = ["Veränderungsprozess"];
const IdParams = z.object({ id: z.coerce.number().int().positive() });
const MilestoneParams = IdParams.extend({ milestoneId: z.coerce.number().int().positive() });
const writeProblems = {
  400: problemResponses[400],
  404: problemResponses[404],
  409: problemResponses[409],
};
const EDIT = { access: { permission: "measures:edit" as const } };
const READ = { access: { permission: "landscape:read" as const } };

const MeasureFilterQuery = z.object({
  status: MeasureStatus.optional(),
  domain: ServiceDomainId.optional(),
  provider: ProviderId.optional(),
  kreis: z
    .string()
    .regex(/^05\d{3}$/, "muss ein Kreisschlüssel sein")
    .optional(),
  kommune: OrganisationKey.optional(),
  scenario: z.string().min(1).max(100).optional(),
  owner: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(200).optional(),
  overdue: z.enum(["true", "false"]).optional(),
});
type MeasureFilterQuery = z.infer<typeof MeasureFilterQuery>;

function toFilter(query: MeasureFilterQuery) {
  return {
    status: query.status,
    domainId: query.domain,
    providerId: query.provider,
    kreisKey: query.kreis,
    kommuneKey: query.kommune,
    scenarioId: query.scenario,
    ownerUserId: query.owner,
    query: query.q || undefined,
    overdue: query.overdue === "true",
    today: todayInGermany(),
  };
}

/** Maßnahmen: list, roadmap, create/update/delete, dependencies, milestones, from a scenario's migrations. */
export function registerMeasureRoutes(app: ZodApp, context: AppContext): void {
  app.get(
    "/api/measures",
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: "Maßnahmen mit Filtern, Sortierung und Seiten (Flags: überfällig, blockiert)",
        querystring: MeasureFilterQuery.extend(PageQuery.shape).extend({
          sort: z.enum(["title", "startDate", "dueDate", "status", "wave"]).default("startDate"),
          direction: SortDirection.default("asc"),
        }),
        response: { 200: pageOf(Measure), 400: problemResponses[400] },
      },
    },
    async (request) =>
      listMeasures(context.db, {
        ...toFilter(request.query),
        sort: request.query.sort,
        direction: request.query.direction,
        page: request.query.page,
        pageSize: request.query.pageSize,
      }),
  );

  app.get(
    "/api/measures/roadmap",
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary:
          "Roadmap: alle passenden Maßnahmen mit Abhängigkeiten und dem kritischen Pfad (längste Kette nach Dauer)",
        querystring: MeasureFilterQuery,
        response: {
          200: z.object({
            today: z.string(),
            items: z.array(Measure),
            criticalPath: z.array(z.number().int()),
            criticalPathDays: z.number().int(),
          }),
          400: problemResponses[400],
          409: problemResponses[409],
        },
      },
    },
    async (request) => {
      const filter = toFilter(request.query);
      const { items } = await listMeasures(context.db, { ...filter, sort: "startDate" });
      const path = criticalPath(
        items.map((item) => ({
          id: item.id,
          title: item.title,
          status: item.status,
          startDate: item.startDate,
          dueDate: item.dueDate,
          dependsOn: item.dependsOn.map((dependency) => dependency.id),
        })),
      );
      return { today: filter.today, items, criticalPath: path.ids, criticalPathDays: path.days };
    },
  );

  app.get(
    "/api/measures/assignable-users",
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary:
          "Konten (Kennung und Anzeigename), die Verantwortliche, Teammitglieder oder mit @[Anzeigename] erwähnt sein können",
        response: {
          200: z.object({
            items: z.array(z.object({ id: z.number().int(), name: z.string() })),
          }),
        },
      },
    },
    async () => ({ items: await listAssignableUsers(context.db) }),
  );

  app.get(
    "/api/measures/:id",
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: "Eine Maßnahme mit Umfang, Team, Abhängigkeiten und Meilensteinen",
        params: IdParams,
        response: { 200: Measure, 400: problemResponses[400], 404: problemResponses[404] },
      },
    },
    async (request) => getMeasure(context.db, request.params.id, todayInGermany()),
  );

  app.post(
    "/api/measures",
    {
      config: EDIT,
      schema: {
        tags: TAGS,
        summary: "Maßnahme anlegen",
        body: MeasureInput,
        response: { 201: Measure, ...writeProblems },
      },
    },
    async (request, reply) => {
      const actor = auditActor(request);
      const measure = await context.db.transaction(async (tx) => {
        const id = await createMeasure(tx, request.body, actor.authorName);
        const created = await getMeasure(tx, id, todayInGermany());
        await notifyNewOwner(tx, created, null, actor.actorUserId);
        await appendAudit(tx, {
          ...actor,
          action: "create",
          entityType: "measure",
          entityId: String(id),
          before: null,
          after: created,
        });
        return created;
      });
      return reply.status(201).send(measure);
    },
  );

  app.post(
    "/api/measures/from-migrations",
    {
      config: EDIT,
      schema: {
        tags: TAGS,
        summary:
          "Maßnahmen aus den Migrationen eines Szenarios anlegen: je Migrationswelle eine, gruppiert nach Ziel-Dienstleister und Leistungsbereich",
        body: MeasuresFromMigrationsInput,
        response: {
          201: z.object({
            items: z.array(Measure),
            /** Why waves run past the scenario's horizon, if they do. */
            notes: z.array(z.string()),
          }),
          ...writeProblems,
        },
      },
    },
    async (request, reply) => {
      const actor = auditActor(request);
      const { items, notes } = await context.db.transaction(async (tx) => {
        const created = await createMeasuresFromMigrations(tx, request.body, actor.authorName);
        await appendAudit(tx, {
          ...actor,
          action: "create_from_migrations",
          entityType: "measure",
          entityId: `scenario:${request.body.scenarioId}`,
          before: null,
          after: {
            scenarioId: request.body.scenarioId,
            measureIds: created.items.map((m) => m.id),
          },
        });
        return created;
      });
      return reply.status(201).send({ items, notes });
    },
  );

  app.put(
    "/api/measures/:id",
    {
      config: EDIT,
      schema: {
        tags: TAGS,
        summary: "Maßnahme ändern (Felder, Umfang, Team, Status)",
        params: IdParams,
        body: MeasureInput,
        response: { 200: Measure, ...writeProblems },
      },
    },
    async (request) => {
      const actor = auditActor(request);
      const today = todayInGermany();
      return context.db.transaction(async (tx) => {
        const before = await getMeasure(tx, request.params.id, today);
        await updateMeasure(tx, request.params.id, request.body, actor.authorName);
        const after = await getMeasure(tx, request.params.id, today);
        await notifyNewOwner(tx, after, before.owner?.id ?? null, actor.actorUserId);
        await appendAudit(tx, {
          ...actor,
          action: "update",
          entityType: "measure",
          entityId: String(request.params.id),
          before,
          after,
        });
        return after;
      });
    },
  );

  app.delete(
    "/api/measures/:id",
    {
      config: EDIT,
      schema: {
        tags: TAGS,
        summary: "Maßnahme löschen (mit Meilensteinen und Abhängigkeiten)",
        params: IdParams,
        response: { 204: z.undefined(), 400: problemResponses[400], 404: problemResponses[404] },
      },
    },
    async (request, reply) => {
      const actor = auditActor(request);
      await context.db.transaction(async (tx) => {
        const before = await getMeasure(tx, request.params.id, todayInGermany());
        await deleteMeasure(tx, request.params.id);
        await appendAudit(tx, {
          ...actor,
          action: "delete",
          entityType: "measure",
          entityId: String(request.params.id),
          before,
          after: null,
        });
      });
      return reply.status(204).send();
    },
  );

  app.put(
    "/api/measures/:id/dependencies",
    {
      config: EDIT,
      schema: {
        tags: TAGS,
        summary:
          "Abhängigkeiten setzen (Maßnahmen, die vorher fertig sein müssen); Kreise werden mit 409 abgelehnt",
        params: IdParams,
        body: z.object({ dependsOn: z.array(z.number().int().positive()).max(200) }),
        response: { 200: Measure, ...writeProblems },
      },
    },
    async (request) => {
      const actor = auditActor(request);
      const today = todayInGermany();
      return context.db.transaction(async (tx) => {
        const before = await getMeasure(tx, request.params.id, today);
        await setMeasureDependencies(tx, request.params.id, request.body.dependsOn);
        const after = await getMeasure(tx, request.params.id, today);
        await appendAudit(tx, {
          ...actor,
          action: "set_dependencies",
          entityType: "measure",
          entityId: String(request.params.id),
          before: before.dependsOn.map((dependency) => dependency.id),
          after: after.dependsOn.map((dependency) => dependency.id),
        });
        return after;
      });
    },
  );

  app.post(
    "/api/measures/:id/milestones",
    {
      config: EDIT,
      schema: {
        tags: TAGS,
        summary: "Meilenstein hinzufügen",
        params: IdParams,
        body: MilestoneInput,
        response: { 201: Milestone, ...writeProblems },
      },
    },
    async (request, reply) => {
      const actor = auditActor(request);
      const milestone = await context.db.transaction(async (tx) => {
        const created = await addMilestone(tx, request.params.id, request.body);
        await appendAudit(tx, {
          ...actor,
          action: "create",
          entityType: "measure_milestone",
          entityId: `${request.params.id}/${created.id}`,
          before: null,
          after: created,
        });
        return created;
      });
      return reply.status(201).send(milestone);
    },
  );

  app.put(
    "/api/measures/:id/milestones/:milestoneId",
    {
      config: EDIT,
      schema: {
        tags: TAGS,
        summary: "Meilenstein ändern (z. B. als erreicht markieren)",
        params: MilestoneParams,
        body: MilestoneInput,
        response: { 200: Milestone, ...writeProblems },
      },
    },
    async (request) => {
      const actor = auditActor(request);
      return context.db.transaction(async (tx) => {
        const { before, after } = await updateMilestone(
          tx,
          request.params.id,
          request.params.milestoneId,
          request.body,
        );
        await appendAudit(tx, {
          ...actor,
          action: "update",
          entityType: "measure_milestone",
          entityId: `${request.params.id}/${request.params.milestoneId}`,
          before,
          after,
        });
        return after;
      });
    },
  );

  app.delete(
    "/api/measures/:id/milestones/:milestoneId",
    {
      config: EDIT,
      schema: {
        tags: TAGS,
        summary: "Meilenstein löschen",
        params: MilestoneParams,
        response: { 204: z.undefined(), 400: problemResponses[400], 404: problemResponses[404] },
      },
    },
    async (request, reply) => {
      const actor = auditActor(request);
      await context.db.transaction(async (tx) => {
        const before = await deleteMilestone(tx, request.params.id, request.params.milestoneId);
        await appendAudit(tx, {
          ...actor,
          action: "delete",
          entityType: "measure_milestone",
          entityId: `${request.params.id}/${request.params.milestoneId}`,
          before,
          after: null,
        });
      });
      return reply.status(204).send();
    },
  );
}
