import {
  enqueueJob,
  findLatestKpiSnapshot,
  hasOpenJobOfKind,
  lockJobKind,
  type Database,
} from "@it-atlas/db";
import type { KpiTrigger } from "@it-atlas/domain";
import { kpiSources, takeKpiSnapshot } from "../services/kpiService.ts";
import { LandscapeReader } from "../services/landscapeService.ts";
import { OzgBoard } from "../services/ozgReadinessService.ts";
import type { JobHandler } from "./JobRunner.ts";

/** Job kind of KPI snapshots (periodic, or on demand in the background). */
export const KPI_SNAPSHOT_JOB_KIND = "kpi.snapshot";

/** Payload of a KPI snapshot job. */
export interface KpiSnapshotJobPayload {
  trigger: KpiTrigger;
  /** User who asked for it; null for the periodic trigger. */
  userId: number | null;
  actorLabel: string;
}

/** Computes and stores a snapshot of every scope (NRW, Regierungsbezirke, Kreise, Kommunen). */
export function kpiSnapshotJobHandler(db: Database): JobHandler {
  const sources = kpiSources(db, new LandscapeReader(db), new OzgBoard(db));
  return {
    kind: KPI_SNAPSHOT_JOB_KIND,
    async run(payload, context) {
      const { trigger, userId, actorLabel } = payload as KpiSnapshotJobPayload;
      await context.progress(0.1, "Kennzahlen werden berechnet");
      const result = await takeKpiSnapshot(db, sources, trigger, {
        actorUserId: userId,
        actorLabel,
        authorName: actorLabel,
        via: "system",
        requestId: null,
      });
      await context.progress(1, "Kennzahlen gespeichert");
      return result;
    },
  };
}

/**
 * The periodic trigger: enqueues a snapshot when the last one is older than `intervalDays`
 * (or there is none) and none is waiting. 0 days switches it off. Returns the job id, if any.
 */
export async function schedulePeriodicKpiSnapshot(
  db: Database,
  intervalDays: number,
  now = new Date(),
): Promise<number | undefined> {
  if (intervalDays <= 0) return undefined;
  // Several server processes start at once (ATLAS_WORKERS, several hosts): the advisory lock
  // makes check and enqueue one step, so at most one snapshot is queued (ADR 0018).
  return db.transaction(async (tx) => {
    await lockJobKind(tx, KPI_SNAPSHOT_JOB_KIND);
    const latest = await findLatestKpiSnapshot(tx);
    const due =
      !latest || now.getTime() - Date.parse(latest.takenAt) >= intervalDays * 24 * 60 * 60 * 1000;
    if (!due || (await hasOpenJobOfKind(tx, KPI_SNAPSHOT_JOB_KIND))) return undefined;
    const payload: KpiSnapshotJobPayload = {
      trigger: "periodic",
      userId: null,
      actorLabel: "System (regelmäßige Erfassung)",
    };
    return enqueueJob(tx, { kind: KPI_SNAPSHOT_JOB_KIND, payload, createdBy: null });
  });
}
