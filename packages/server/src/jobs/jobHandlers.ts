import type { Database } from "@it-atlas/db";
import { importJobHandler } from "./importJob.ts";
import { kpiSnapshotJobHandler } from "./kpiSnapshotJob.ts";
import type { JobHandler } from "./JobRunner.ts";
import { scenarioParetoJobHandler, scenarioSolveJobHandler } from "./scenarioJobs.ts";
import { uploadCleanupJobHandler } from "./uploadCleanupJob.ts";

/**
 * The job kinds this server runs (imports, optimisations). Each feature adds its handler
 * here; the runner polls only for registered kinds.
 */
export function jobHandlers(db: Database): JobHandler[] {
  return [
    importJobHandler(db),
    kpiSnapshotJobHandler(db),
    scenarioSolveJobHandler(db),
    scenarioParetoJobHandler(db),
    uploadCleanupJobHandler(db),
  ];
}
