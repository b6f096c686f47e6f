import { availableParallelism } from "node:os";
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  RateLimitedError,
  TooLargeError,
  UnauthenticatedError,
  type AppError,
} from "@it-atlas/domain";
import { Piscina } from "piscina";
import type {
  WorkerAppError,
  WorkerMessage,
  WorkerOutcome,
  WorkerTaskName,
  WorkerTasks,
} from "./workerTasks.ts";

/** Settings of the CPU pool (ATLAS_CPU_WORKERS, ATLAS_CPU_WORKER_MEMORY_MB). */
export interface CpuPoolOptions {
  /** Worker threads at most (default: cores − 1, at least 1, at most 4). */
  threads?: number;
  /** Heap limit of one worker in MB; a task past it fails instead of the server. */
  memoryMb?: number;
}

/** Default number of worker threads: one core stays with the event loop. */
export function defaultCpuThreads(): number {
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

function toAppError(error: WorkerAppError): AppError {
  switch (error.category) {
    case "input":
      return new InputError(error.code, error.detail, error.problems ?? []);
    case "not_found":
      return new NotFoundError(error.code, error.detail);
    case "conflict":
      return new ConflictError(error.code, error.detail);
    case "not_allowed":
      return new NotAllowedError(error.code, error.detail);
    case "unauthenticated":
      return new UnauthenticatedError(error.code, error.detail);
    case "rate_limited":
      return new RateLimitedError(error.code, error.detail);
    case "too_large":
      return new TooLargeError(error.code, error.detail);
    default: {
      const unreachable: never = error.category;
      throw new Error(`Unbekannte Fehlerkategorie: ${String(unreachable)}`);
    }
  }
}

/**
 * The worker-thread pool (piscina) for CPU-heavy work: reading and checking import files
 * and the ZIP budget check. Tasks take and return plain data; database access stays on the
 * main thread. Threads start on first use and end when idle.
 */
export class CpuPool {
  private readonly pool: Piscina;

  constructor(options: CpuPoolOptions = {}) {
    const threads = options.threads ?? defaultCpuThreads();
    this.pool = new Piscina({
      filename: new URL("./workerEntry.mjs", import.meta.url).href,
      name: "run",
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: 30_000,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb ?? 1024 },
    });
  }

  /** Runs a task in a worker; application errors are re-thrown as their own classes. */
  async run<Name extends WorkerTaskName>(
    task: Name,
    input: WorkerTasks[Name]["input"],
  ): Promise<WorkerTasks[Name]["output"]> {
    const message: WorkerMessage<Name> = { task, input };
    let outcome: WorkerOutcome<WorkerTasks[Name]["output"]>;
    try {
      outcome = (await this.pool.run(message)) as WorkerOutcome<WorkerTasks[Name]["output"]>;
    } catch (error) {
      if ((error as { code?: unknown }).code === "ERR_WORKER_OUT_OF_MEMORY") {
        throw new TooLargeError(
          "import_too_complex",
          "Die Datei ist zu umfangreich, um sie zu verarbeiten (Speichergrenze erreicht). Bitte die Daten auf mehrere kleinere Dateien aufteilen.",
        );
      }
      throw error;
    }
    if (!outcome.ok) throw toAppError(outcome.error);
    return outcome.value;
  }

  /** Threads that exist now (for tests and the bench). */
  get threads(): number {
    return this.pool.threads.length;
  }

  /** Ends all threads; waits for running tasks. */
  async close(): Promise<void> {
    await this.pool.close();
  }
}

let shared: CpuPool | undefined;
let sharedOptions: CpuPoolOptions = {};

/** Sets the options of the shared pool (from the server config) before its first use. */
export function configureCpuPool(options: CpuPoolOptions): void {
  sharedOptions = options;
}

/** The process's shared CPU pool, started on first use. */
export function cpuPool(): CpuPool {
  shared ??= new CpuPool(sharedOptions);
  return shared;
}

/** Ends the shared pool's threads (server stop). */
export async function closeCpuPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
