import { randomUUID } from "node:crypto";
import {
  claimJob,
  failExhaustedJobs,
  finishJob,
  heartbeatJobs,
  releaseJob,
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

/** Thrown inside a handler when the server stops; the runner puts the job back in the queue. */
export class JobInterrupted extends Error {
  constructor() {
    super("Auftrag unterbrochen (Server hält an)");
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
  /** How often the runner heart-beats its running jobs (default: a quarter of staleSeconds). */
  heartbeatMilliseconds?: number;
  /** Jobs run at the same time by this process (ATLAS_JOB_CONCURRENCY, default 2). */
  concurrency?: number;
  /** How long stop() waits for running jobs before it interrupts them (default 10 s). */
  graceMilliseconds?: number;
  log?: {
    error(object: unknown, message: string): void;
    info(object: unknown, message: string): void;
  };
}

interface ActiveJob {
  job: JobRecord;
  done: Promise<void>;
}

const delay = (milliseconds: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, milliseconds).unref());

/**
 * Polls the PostgreSQL job table and runs up to `concurrency` jobs at once with registered
 * handlers (ADR 0007, ADR 0015). Works the same on PGlite and on a server: each claim is one
 * short statement (never a transaction held while a handler runs), so PGlite's single
 * connection is free between statements. Jobs survive restarts because their state lives in
 * the table: the runner heart-beats its running jobs, and a job whose worker stopped
 * heart-beating is claimed again by any runner.
 */
export class JobRunner {
  readonly workerId = `worker-${randomUUID()}`;
  private readonly handlers: Map<string, JobHandler>;
  private readonly concurrency: number;
  private readonly staleSeconds: number;
  private timer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private stopped = true;
  /** Set by stop(): a poll under way claims no further job. */
  private stopping = false;
  /** Set when stop() gave up waiting: the next progress report throws JobInterrupted. */
  private interrupting = false;
  private readonly active = new Map<number, ActiveJob>();
  /** Jobs whose cancel the heartbeat saw; their next progress report throws at once. */
  private readonly cancelSeen = new Set<number>();
  private polling: Promise<number> | undefined;

  constructor(
    private readonly db: Database,
    handlers: JobHandler[],
    private readonly options: JobRunnerOptions = {},
  ) {
    this.handlers = new Map(handlers.map((handler) => [handler.kind, handler]));
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 2));
    this.staleSeconds = options.staleSeconds ?? 60;
  }

  /** Number of jobs this runner is running now. */
  get runningCount(): number {
    return this.active.size;
  }

  /** Starts polling and heart-beating. */
  start(): void {
    if (!this.stopped || this.handlers.size === 0) return;
    this.stopped = false;
    this.stopping = false;
    this.interrupting = false;
    this.schedule(0);
    const every = this.options.heartbeatMilliseconds ?? (this.staleSeconds * 1000) / 4;
    this.heartbeatTimer = setInterval(() => void this.heartbeat(), Math.max(50, every));
  }

  /**
   * Stops claiming, waits up to `graceMilliseconds` for running jobs to finish, then
   * interrupts the rest at their next progress report and puts them back into the queue
   * (another process, or this one after its restart, runs them again).
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    const grace = this.options.graceMilliseconds ?? 10_000;
    if (!(await this.settledWithin(grace))) {
      this.interrupting = true;
      this.options.log?.info(
        { jobs: [...this.active.keys()] },
        "Laufende Aufträge werden unterbrochen und wieder eingereiht",
      );
      await this.settledWithin(grace);
    }
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
  }

  /** Resolves when no job of this runner is running (tests). */
  async whenIdle(): Promise<void> {
    while (this.active.size > 0) {
      await Promise.allSettled([...this.active.values()].map((entry) => entry.done));
    }
  }

  /** Claims and runs at most one job now and waits for it (tests). */
  async tick(): Promise<boolean> {
    const started = await this.claimAndStart(1);
    await this.whenIdle();
    return started > 0;
  }

  /**
   * Claims jobs until every slot is busy or the queue is empty, starts them, and returns how
   * many were started without waiting for them. Calls never overlap within one runner.
   */
  async poll(): Promise<number> {
    return this.claimAndStart(this.concurrency);
  }

  private async claimAndStart(limit: number): Promise<number> {
    while (this.polling) await this.polling.catch(() => 0);
    const polling = (async () => {
      await failExhaustedJobs(this.db, this.staleSeconds, this.workerId);
      let started = 0;
      while (this.active.size < this.concurrency && started < limit && !this.stopping) {
        const job = await claimJob(
          this.db,
          this.workerId,
          [...this.handlers.keys()],
          this.staleSeconds,
        );
        if (!job) break;
        this.launch(job);
        started += 1;
      }
      return started;
    })();
    this.polling = polling;
    try {
      return await polling;
    } finally {
      if (this.polling === polling) this.polling = undefined;
    }
  }

  private launch(job: JobRecord): void {
    const done = this.execute(job)
      .catch((error: unknown) =>
        this.options.log?.error({ err: error, jobId: job.id }, "Job-Abschluss fehlgeschlagen"),
      )
      .finally(() => {
        this.active.delete(job.id);
        this.cancelSeen.delete(job.id);
        // A free slot: look for the next job at once instead of waiting for the poll.
        if (!this.stopped) this.schedule(0);
      });
    this.active.set(job.id, { job, done });
  }

  private async settledWithin(milliseconds: number): Promise<boolean> {
    const idle = this.whenIdle().then(() => true);
    return Promise.race([idle, delay(milliseconds).then(() => this.active.size === 0)]);
  }

  private schedule(wait: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.poll()
        .catch((error: unknown) =>
          this.options.log?.error({ err: error }, "Job-Abfrage fehlgeschlagen"),
        )
        .finally(() => {
          if (!this.timer) this.schedule(this.options.pollMilliseconds ?? 500);
        });
    }, wait);
  }

  /** Keeps the heartbeat of every running job fresh and notices cancel requests early. */
  private async heartbeat(): Promise<void> {
    const ids = [...this.active.keys()];
    if (ids.length === 0) return;
    try {
      const held = await heartbeatJobs(this.db, this.workerId, ids);
      for (const { id, cancelRequested } of held) if (cancelRequested) this.cancelSeen.add(id);
    } catch (error) {
      this.options.log?.error({ err: error }, "Job-Heartbeat fehlgeschlagen");
    }
  }

  private async execute(job: JobRecord): Promise<void> {
    const handler = this.handlers.get(job.kind);
    if (!handler) return;
    const context: JobContext = {
      job,
      progress: async (fraction, text) => {
        if (this.cancelSeen.has(job.id)) throw new JobCancelled();
        if (this.interrupting) throw new JobInterrupted();
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
      if (error instanceof JobInterrupted) {
        // A cancel requested meanwhile wins: the job is then recorded as cancelled.
        if (!(await releaseJob(this.db, job.id, this.workerId)))
          await finishJob(this.db, job.id, this.workerId, { status: "cancelled" });
      } else if (error instanceof JobCancelled) {
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
    }
  }
}
