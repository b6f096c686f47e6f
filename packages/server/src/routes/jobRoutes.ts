import { appendAudit, findJob, listJobs, requestJobCancel, type JobRecord } from "@it-atlas/db";
import { can, NotFoundError, type Principal } from "@it-atlas/domain";
import { z } from "zod";
import { auditActor } from "../auth/authPlugin.ts";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";

/** A background job as the API shows it (progress for progress bars, result when done). */
export const Job = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    status: z.enum(["queued", "running", "succeeded", "failed", "cancelled"]),
    progress: z.number(),
    progressText: z.string().nullable(),
    result: z.unknown(),
    errorCode: z.string().nullable(),
    errorDetail: z.string().nullable(),
    cancelRequested: z.boolean(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: "Job" });

function toJob(job: JobRecord): z.infer<typeof Job> {
  const { payload: _payload, attempts: _attempts, createdBy: _createdBy, ...view } = job;
  return view;
}

/** A job is visible to the person who started it and to administrators. */
async function ownJob(context: AppContext, principal: Principal, id: number): Promise<JobRecord> {
  const job = await findJob(context.db, id);
  const mine =
    job &&
    principal.kind === "user" &&
    (job.createdBy === principal.userId || can(principal, "users:manage"));
  if (!job || !mine)
    throw new NotFoundError("job_not_found", `Es gibt keinen Auftrag ${id}, den Sie sehen dürfen.`);
  return job;
}

/** Status, progress and results of background jobs (imports, optimisations), and cancel. */
export function registerJobRoutes(app: ZodApp, context: AppContext): void {
  const signedIn = { access: { permission: "tokens:own" as const } };
  const Id = z.object({ id: z.coerce.number().int().positive() });

  app.get(
    "/api/jobs",
    {
      config: signedIn,
      schema: {
        tags: ["Aufträge"],
        summary: "Eigene Hintergrundaufträge (neueste zuerst)",
        response: { 200: z.object({ items: z.array(Job) }) },
      },
    },
    async (request) => {
      const principal = request.principal;
      const items = await listJobs(context.db, {
        createdBy: principal.kind === "user" ? principal.userId : -1,
        limit: 50,
      });
      return { items: items.map(toJob) };
    },
  );

  app.get(
    "/api/jobs/:id",
    {
      config: signedIn,
      schema: {
        tags: ["Aufträge"],
        summary: "Stand eines Auftrags (Fortschritt 0–1, Ergebnis)",
        params: Id,
        response: { 200: Job, ...problemResponses },
      },
    },
    async (request) => toJob(await ownJob(context, request.principal, request.params.id)),
  );

  app.post(
    "/api/jobs/:id/cancel",
    {
      config: signedIn,
      schema: {
        tags: ["Aufträge"],
        summary: "Auftrag abbrechen",
        params: Id,
        response: { 200: Job, ...problemResponses },
      },
    },
    async (request) => {
      const before = await ownJob(context, request.principal, request.params.id);
      const actor = auditActor(request);
      await context.db.transaction(async (tx) => {
        const status = await requestJobCancel(tx, request.params.id);
        await appendAudit(tx, {
          ...actor,
          action: "cancel",
          entityType: "job",
          entityId: String(before.id),
          before: { status: before.status },
          after: { status, cancelRequested: true },
        });
      });
      return toJob(await ownJob(context, request.principal, request.params.id));
    },
  );
}
