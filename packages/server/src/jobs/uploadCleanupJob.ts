import {
  deleteExpiredImportUploads,
  enqueueJob,
  hasOpenJobOfKind,
  type Database,
} from "@it-atlas/db";
import type { JobHandler } from "./JobRunner.ts";

/** Job kind of the periodic clean-up of expired import uploads. */
export const UPLOAD_CLEANUP_JOB_KIND = "import.cleanup";

/** Deletes uploads past their expiry (not while their preview or commit job still runs). */
export function uploadCleanupJobHandler(db: Database): JobHandler {
  return {
    kind: UPLOAD_CLEANUP_JOB_KIND,
    async run(_payload, context) {
      const deleted = await deleteExpiredImportUploads(db);
      await context.progress(1, `${deleted} abgelaufene Upload(s) gelöscht`);
      return { deleted };
    },
  };
}

/**
 * Queues a clean-up unless one is waiting or running. Several server processes may call it
 * at the same time: at worst two clean-ups run, and the second finds nothing to delete.
 */
export async function scheduleUploadCleanup(db: Database): Promise<number | undefined> {
  if (await hasOpenJobOfKind(db, UPLOAD_CLEANUP_JOB_KIND)) return undefined;
  return enqueueJob(db, { kind: UPLOAD_CLEANUP_JOB_KIND, payload: {}, createdBy: null });
}

/** How often the server queues the clean-up. */
export const UPLOAD_CLEANUP_INTERVAL_MS = 60 * 60 * 1000;
