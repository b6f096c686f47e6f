import type { Queryable } from "../client/Database.ts";
import { sql } from "../client/sql.ts";

/** States of a background job. */
export type JobStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

/** A background job as stored. */
export interface JobRecord {
  id: number;
  kind: string;
  status: JobStatus;
  payload: unknown;
  progress: number;
  progressText: string | null;
  result: unknown;
  errorCode: string | null;
  errorDetail: string | null;
  cancelRequested: boolean;
  attempts: number;
  createdBy: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const SELECT_JOB = sql`SELECT id, kind, status, payload, progress, progress_text AS "progressText", result,
  error_code AS "errorCode", error_detail AS "errorDetail", cancel_requested AS "cancelRequested", attempts,
  created_by AS "createdBy",
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt",
  to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "startedAt",
  to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "finishedAt"
  FROM job`;

// Any constant works; it only has to be the same for every IT-Atlas process (0018).
const JOB_KIND_LOCK_SPACE = 7_240_514;

/**
 * Holds a transaction-scoped advisory lock for one job kind until the transaction ends, so that
 * "enqueue unless one is open" runs one at a time across all server processes (ADR 0018).
 */
export async function lockJobKind(tx: Queryable, kind: string): Promise<void> {
  await tx.query(sql`SELECT pg_advisory_xact_lock(${JOB_KIND_LOCK_SPACE}, hashtext(${kind}))`);
}

/** Queues a job; returns its id. */
export async function enqueueJob(
  db: Queryable,
  job: { kind: string; payload: unknown; createdBy: number | null; maxAttempts?: number },
): Promise<number> {
  const [row] = await db.query<{
    id: number;
  }>(sql`INSERT INTO job (kind, payload, created_by, max_attempts)
    VALUES (${job.kind}, ${JSON.stringify(job.payload ?? {})}::jsonb, ${job.createdBy}, ${job.maxAttempts ?? 3}) RETURNING id`);
  if (!row) throw new Error("Job wurde nicht angelegt");
  return row.id;
}

/** One job by id. */
export async function findJob(db: Queryable, id: number): Promise<JobRecord | undefined> {
  const [row] = await db.query<JobRecord>(sql`${SELECT_JOB} WHERE id = ${id}`);
  return row;
}

/** Jobs of one user (or all), newest first. */
export async function listJobs(
  db: Queryable,
  filter: { createdBy?: number; kind?: string; limit: number },
): Promise<JobRecord[]> {
  return db.query<JobRecord>(sql`${SELECT_JOB}
    WHERE (${filter.createdBy ?? null}::int IS NULL OR created_by = ${filter.createdBy ?? null})
      AND (${filter.kind ?? null}::text IS NULL OR kind = ${filter.kind ?? null})
    ORDER BY created_at DESC, id DESC LIMIT ${filter.limit}`);
}

/**
 * Claims the oldest runnable job of the given kinds: queued, or running with a heartbeat
 * older than `staleSeconds` under another worker (that worker died, e.g. the server
 * restarted). One statement in its own transaction: the row is locked by `FOR UPDATE`, and
 * `SKIP LOCKED` lets concurrent claimers pass over it, so a job is never claimed twice and
 * claimers do not wait on each other (ADR 0015). A worker never takes over its own jobs: it
 * knows they are alive even if a long transaction delayed their heartbeat.
 */
export async function claimJob(
  db: Queryable,
  workerId: string,
  kinds: string[],
  staleSeconds: number,
): Promise<JobRecord | undefined> {
  const [row] = await db.query<{ id: number }>(sql`
    UPDATE job SET status = 'running', worker_id = ${workerId}, heartbeat_at = now(),
      started_at = coalesce(started_at, now()), attempts = attempts + 1
    WHERE id = (
      SELECT id FROM job
      WHERE kind = ANY(${kinds}) AND attempts < max_attempts AND (
        status = 'queued' OR (status = 'running' AND worker_id IS DISTINCT FROM ${workerId}
          AND heartbeat_at < now() - make_interval(secs => ${staleSeconds}))
      )
      ORDER BY created_at, id
      FOR UPDATE SKIP LOCKED
      LIMIT 1)
    RETURNING id`);
  return row ? findJob(db, row.id) : undefined;
}

/**
 * Jobs that ran out of attempts while their worker kept dying are marked failed. The asking
 * worker's own jobs are left alone: it knows they are alive.
 */
export async function failExhaustedJobs(
  db: Queryable,
  staleSeconds: number,
  workerId: string | null = null,
): Promise<number> {
  const rows = await db.query<{ id: number }>(sql`
    UPDATE job SET status = 'failed', finished_at = now(), error_code = 'worker_lost',
      error_detail = 'Der Auftrag wurde mehrfach abgebrochen (Serverneustart) und wird nicht erneut versucht.'
    WHERE status IN ('running','queued') AND attempts >= max_attempts
      AND (status = 'queued' OR (worker_id IS DISTINCT FROM ${workerId}
        AND heartbeat_at < now() - make_interval(secs => ${staleSeconds})))
    RETURNING id`);
  return rows.length;
}

/**
 * The heartbeat of a worker's running jobs, independent of their progress reports, so a job
 * that computes for a while without reporting is not taken for dead. Returns, per job still
 * held by the worker, whether a cancel was requested; a job missing from the answer is no
 * longer the worker's (finished, or taken over after a lost heartbeat).
 */
export async function heartbeatJobs(
  db: Queryable,
  workerId: string,
  ids: number[],
): Promise<{ id: number; cancelRequested: boolean }[]> {
  if (ids.length === 0) return [];
  return db.query<{ id: number; cancelRequested: boolean }>(sql`
    UPDATE job SET heartbeat_at = now()
    WHERE id = ANY(${ids}::int[]) AND worker_id = ${workerId} AND status = 'running'
    RETURNING id, cancel_requested AS "cancelRequested"`);
}

/**
 * Puts a running job back into the queue when its worker shuts down before it finished
 * (graceful stop). The attempt is not counted: the job did not fail, its server stopped.
 */
export async function releaseJob(db: Queryable, id: number, workerId: string): Promise<boolean> {
  const rows = await db.query<{ id: number }>(sql`
    UPDATE job SET status = 'queued', worker_id = NULL, heartbeat_at = NULL,
      attempts = greatest(attempts - 1, 0), progress = 0,
      progress_text = 'Wartet (Server wurde neu gestartet)'
    WHERE id = ${id} AND worker_id = ${workerId} AND status = 'running' AND NOT cancel_requested
    RETURNING id`);
  return rows.length > 0;
}

/** Records progress (0…1) and a German progress text; returns whether cancel was requested. */
export async function reportJobProgress(
  db: Queryable,
  id: number,
  workerId: string,
  progress: number,
  text: string | null,
): Promise<{ cancelRequested: boolean }> {
  const [row] = await db.query<{ cancel_requested: boolean }>(sql`
    UPDATE job SET progress = ${Math.min(1, Math.max(0, progress))}, progress_text = ${text}, heartbeat_at = now()
    WHERE id = ${id} AND worker_id = ${workerId} AND status = 'running' RETURNING cancel_requested`);
  return { cancelRequested: row?.cancel_requested ?? true };
}

/** Finishes a job as succeeded, failed or cancelled (only by the worker that holds it). */
export async function finishJob(
  db: Queryable,
  id: number,
  workerId: string,
  outcome:
    | { status: "succeeded"; result: unknown }
    | { status: "failed"; errorCode: string; errorDetail: string }
    | { status: "cancelled" },
): Promise<void> {
  await db.query(sql`
    UPDATE job SET status = ${outcome.status}, finished_at = now(), heartbeat_at = now(),
      progress = CASE WHEN ${outcome.status} = 'succeeded' THEN 1 ELSE progress END,
      result = ${outcome.status === "succeeded" ? JSON.stringify(outcome.result ?? null) : null}::jsonb,
      error_code = ${outcome.status === "failed" ? outcome.errorCode : null},
      error_detail = ${outcome.status === "failed" ? outcome.errorDetail : null}
    WHERE id = ${id} AND worker_id = ${workerId}`);
}

/** Asks for a job to stop: a queued job is cancelled at once, a running one at its next progress report. */
export async function requestJobCancel(db: Queryable, id: number): Promise<JobStatus | undefined> {
  const [row] = await db.query<{ status: JobStatus }>(sql`
    UPDATE job SET cancel_requested = true,
      status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
      finished_at = CASE WHEN status = 'queued' THEN now() ELSE finished_at END
    WHERE id = ${id} RETURNING status`);
  return row?.status;
}
