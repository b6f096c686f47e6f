import { randomUUID } from "node:crypto";
import {
  claimJob,
  failExhaustedJobs,
  finishJob,
  reportJobProgress,
  type Database,
  type JobRecord,
} from "@it-atlas/db";
import { isAppError } from "@it-atlas/domain";

/** Thrown inside a handler when the job was cancelled; the runner records "cancelled". */
export class JobCancelled extends Error {
  constructor() {
    super("Auftrag abgebrochen");
  }
}

/** What a running handler can do: report progress (throws JobCancelled when asked to stop). */
export interface JobContext {
  job: JobRecord;
  progress(fraction: number, text?: string): Promise<void>;
}

/** Runs jobs of one kind. The result is stored as JSON with the job. */
export interface JobHandler {
  kind: string;
  run(payload: unknown, context: JobContext): Promise<unknown>;
}

/** Settings of the runner. */
export interface JobRunnerOptions {
  pollMilliseconds?: number;
  /** A running job without heartbeat for this long is taken over (its worker died). */
  staleSeconds?: number;
  /** Jobs run at the same time by this process (the machine has 2 cores). */
  concurrency?: number;
  log?: {
    error(object: unknown, message: string): void;
    info(object: unknown, message: string): void;
  };
}

/**
 * Polls the PostgreSQL job table and runs jobs with registered handlers. Works the same on
 * PGlite and on a server; jobs survive restarts because state lives in the table and a job
 * whose worker stopped heart-beating is claimed again.
 */
export class JobRunner {
  readonly workerId = `worker-${randomUUID()}`;
  private readonly handlers: Map<string, JobHandler>;
  private timer: NodeJS.Timeout | undefined;
  private running = 0;
  private stopped = true;
  private readonly active = new Set<Promise<void>>();

  constructor(
    private readonly db: Database,
    handlers: JobHandler[],
    private readonly options: JobRunnerOptions = {},
  ) {
    this.handlers = new Map(handlers.map((handler) => [handler.kind, handler]));
  }

  /** Starts polling. */
  start(): void {
    if (!this.stopped || this.handlers.size === 0) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops polling and waits for running jobs to finish their current step. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.allSettled([...this.active]);
  }

  /** Claims and runs at most one job now (used by tests and by the poll loop). */
  async tick(): Promise<boolean> {
    if (this.running >= (this.options.concurrency ?? 1)) return false;
    const stale = this.options.staleSeconds ?? 60;
    await failExhaustedJobs(this.db, stale);
    const job = await claimJob(this.db, this.workerId, [...this.handlers.keys()], stale);
    if (!job) return false;
    const done = this.execute(job);
    this.active.add(done);
    void done.finally(() => this.active.delete(done));
    await done;
    return true;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.tick()
        .catch((error: unknown) =>
          this.options.log?.error({ err: error }, "Job-Abfrage fehlgeschlagen"),
        )
        .finally(() => this.schedule(this.options.pollMilliseconds ?? 500));
    }, delay);
  }

  private async execute(job: JobRecord): Promise<void> {
    const handler = this.handlers.get(job.kind);
    if (!handler) return;
    this.running += 1;
    const context: JobContext = {
      job,
      progress: async (fraction, text) => {
        const { cancelRequested } = await reportJobProgress(
          this.db,
          job.id,
          this.workerId,
          fraction,
          text ?? null,
        );
        if (cancelRequested) throw new JobCancelled();
      },
    };
    try {
      const result = await handler.run(job.payload, context);
      await finishJob(this.db, job.id, this.workerId, { status: "succeeded", result });
    } catch (error) {
      if (error instanceof JobCancelled) {
        await finishJob(this.db, job.id, this.workerId, { status: "cancelled" });
      } else if (isAppError(error)) {
        await finishJob(this.db, job.id, this.workerId, {
          status: "failed",
          errorCode: error.code,
          errorDetail: error.detail,
        });
      } else {
        this.options.log?.error({ err: error, jobId: job.id }, "Job fehlgeschlagen");
        await finishJob(this.db, job.id, this.workerId, {
          status: "failed",
          errorCode: "internal_error",
          errorDetail: "Bei der Verarbeitung ist ein interner Fehler aufgetreten.",
        });
      }
    } finally {
      this.running -= 1;
    }
  }
}
