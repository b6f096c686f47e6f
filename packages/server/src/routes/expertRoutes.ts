import {
  appendAudit,
  deleteExpert,
  findExpert,
  findOrganisation,
  findServiceDomain,
  insertExpert,
  listExperts,
  updateExpert,
  type Queryable,
} from "@it-atlas/db";
import {
  canSeeConfidential,
  Expert,
  EXPERT_DIRECTORY_PURPOSE,
  ExpertInput,
  InputError,
  NotAllowedError,
  NotFoundError,
  OrganisationKey,
} from "@it-atlas/domain";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { auditActor } from "../auth/authPlugin.ts";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";

const TAGS = ["Expertenverzeichnis"];
const Params = z.object({ ags: OrganisationKey });
const ItemParams = z.object({ ags: OrganisationKey, id: z.coerce.number().int().positive() });
const scoped = (request: FastifyRequest) => ({
  organisationKey: (request.params as { ags: string }).ags,
});
const writeProblems = { 400: problemResponses[400], 404: problemResponses[404] };

async function assertKommune(db: Queryable, ags: string): Promise<void> {
  const organisation = await findOrganisation(db, ags);
  if (!organisation || (organisation.kind !== "gemeinde" && organisation.kind !== "kreis")) {
    throw new NotFoundError(
      "organisation_not_found",
      `Es gibt keine Kommune mit dem Schlüssel ${ags}.`,
    );
  }
}

async function assertDomain(db: Queryable, input: ExpertInput): Promise<void> {
  if (input.domainId === null) return;
  const domain = await findServiceDomain(db, input.domainId);
  if (!domain || domain.isGroup) {
    throw new InputError(
      "expert_domain_unknown",
      `Es gibt keinen Leistungsbereich „${input.domainId}“.`,
    );
  }
}

function notFound(id: number): NotFoundError {
  return new NotFoundError(
    "expert_not_found",
    `Es gibt keinen Eintrag ${id} im Expertenverzeichnis dieser Kommune.`,
  );
}

/**
 * The Expertenverzeichnis of a Kommune: minimal personal data for a stated purpose. Seen by the
 * Kommune's own users, KDN and administrators; changed by its editors and administrators.
 * The audit log records id, role and Leistungsbereich only, so that a deletion removes the
 * personal data for good; request bodies are never logged.
 */
export function registerExpertRoutes(app: ZodApp, context: AppContext): void {
  app.get(
    "/api/organisations/:ags/experts",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary: "Expertenverzeichnis einer Kommune (nur für die Kommune, KDN und Administration)",
        params: Params,
        response: {
          200: z.object({ purpose: z.string(), items: z.array(Expert) }),
          404: problemResponses[404],
        },
      },
    },
    async (request) => {
      const { ags } = request.params;
      if (!canSeeConfidential(request.principal, { organisationKey: ags, providerId: null })) {
        throw new NotAllowedError("forbidden", "Dafür fehlt Ihnen die Berechtigung.");
      }
      await assertKommune(context.db, ags);
      return { purpose: EXPERT_DIRECTORY_PURPOSE, items: await listExperts(context.db, ags) };
    },
  );

  app.post(
    "/api/organisations/:ags/experts",
    {
      config: { access: { permission: "experts:edit", target: scoped } },
      schema: {
        tags: TAGS,
        summary: "Eintrag im Expertenverzeichnis anlegen",
        params: Params,
        body: ExpertInput,
        response: { 201: Expert, ...writeProblems },
      },
    },
    async (request, reply) => {
      const { ags } = request.params;
      await assertKommune(context.db, ags);
      await assertDomain(context.db, request.body);
      const actor = auditActor(request);
      const created = await context.db.transaction(async (tx) => {
        const id = await insertExpert(tx, ags, request.body);
        await appendAudit(tx, {
          ...actor,
          action: "create",
          entityType: "kommune_expert",
          entityId: `${ags}/${id}`,
          before: null,
          after: { role: request.body.role, domainId: request.body.domainId },
        });
        const expert = await findExpert(tx, ags, id);
        if (!expert) throw new Error("Eintrag nach dem Anlegen nicht gefunden");
        return expert;
      });
      return reply.status(201).send(created);
    },
  );

  app.put(
    "/api/organisations/:ags/experts/:id",
    {
      config: { access: { permission: "experts:edit", target: scoped } },
      schema: {
        tags: TAGS,
        summary: "Eintrag im Expertenverzeichnis ändern",
        params: ItemParams,
        body: ExpertInput,
        response: { 200: Expert, ...writeProblems },
      },
    },
    async (request) => {
      const { ags, id } = request.params;
      await assertDomain(context.db, request.body);
      const actor = auditActor(request);
      return context.db.transaction(async (tx) => {
        const before = await findExpert(tx, ags, id);
        if (!before || !(await updateExpert(tx, ags, id, request.body))) throw notFound(id);
        await appendAudit(tx, {
          ...actor,
          action: "update",
          entityType: "kommune_expert",
          entityId: `${ags}/${id}`,
          before: { role: before.role, domainId: before.domainId },
          after: { role: request.body.role, domainId: request.body.domainId },
        });
        const expert = await findExpert(tx, ags, id);
        if (!expert) throw notFound(id);
        return expert;
      });
    },
  );

  app.delete(
    "/api/organisations/:ags/experts/:id",
    {
      config: { access: { permission: "experts:edit", target: scoped } },
      schema: {
        tags: TAGS,
        summary: "Eintrag im Expertenverzeichnis löschen (die Daten werden vollständig entfernt)",
        params: ItemParams,
        response: { 204: z.null(), 404: problemResponses[404], 400: problemResponses[400] },
      },
    },
    async (request, reply) => {
      const { ags, id } = request.params;
      const actor = auditActor(request);
      await context.db.transaction(async (tx) => {
        const role = await deleteExpert(tx, ags, id);
        if (!role) throw notFound(id);
        await appendAudit(tx, {
          ...actor,
          action: "delete",
          entityType: "kommune_expert",
          entityId: `${ags}/${id}`,
          before: { role },
          after: null,
        });
      });
      return reply.status(204).send(null);
    },
  );
}
