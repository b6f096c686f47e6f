import cluster, { type Worker } from "node:cluster";
import { openDatabase } from "@it-atlas/db";
import type { ServerConfig } from "../config.ts";
import { prepareDatabase } from "../startServer.ts";
import { RestartBudget } from "./restartBudget.ts";

/** Crashed workers are started again at most this often within {@link RESTART_WINDOW_MS}. */
export const MAX_RESTARTS = 5;
export const RESTART_WINDOW_MS = 60_000;
/** Workers that have not ended this long after SIGTERM are killed. */
const STOP_TIMEOUT_MS = 20_000;

const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: 100 };

/** The primary's log: JSON lines in the shape of the workers' (pino) lines. */
function primaryLog(level: string) {
  const threshold = LEVELS[level as keyof typeof LEVELS] ?? LEVELS.info;
  const write = (value: number) => (details: object, message: string) => {
    if (value < threshold) return;
    process.stdout.write(
      `${JSON.stringify({ level: value, time: Date.now(), pid: process.pid, role: "primary", ...details, msg: message })}\n`,
    );
  };
  return { info: write(LEVELS.info), warn: write(LEVELS.warn), error: write(LEVELS.error) };
}

/**
 * `ATLAS_WORKERS` > 1 (ADR 0018): prepares the database once (migrations, reference data,
 * demo, first administrator, KPI schedule), then starts `config.workers` server processes with
 * node:cluster that share the port. A worker that ends unexpectedly is started again (at most
 * {@link MAX_RESTARTS} within {@link RESTART_WINDOW_MS}; beyond that the server stops with exit
 * code 1). SIGTERM/SIGINT end every worker gracefully, then the primary.
 */
export async function runPrimary(config: ServerConfig): Promise<void> {
  const log = primaryLog(config.logLevel);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await prepareDatabase(db, config, log);
  } finally {
    await db.close();
  }

  const budget = new RestartBudget(MAX_RESTARTS, RESTART_WINDOW_MS);
  const workers = new Set<Worker>();
  const listening = new Set<Worker>();
  let stopping = false;
  let exitCode = 0;

  const stopAll = (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    log.info({ reason, workers: workers.size }, "Beende alle Serverprozesse …");
    for (const worker of workers) worker.process.kill("SIGTERM");
    const force = setTimeout(() => {
      for (const worker of workers) {
        log.warn({ worker: worker.process.pid }, "Serverprozess reagiert nicht – wird beendet");
        worker.process.kill("SIGKILL");
      }
    }, STOP_TIMEOUT_MS);
    force.unref();
    if (workers.size === 0) process.exit(exitCode);
  };

  const start = () => {
    const worker = cluster.fork();
    workers.add(worker);
    worker.on("listening", (address) => {
      listening.add(worker);
      log.info(
        { worker: worker.process.pid, port: address.port },
        `Serverprozess bereit (${listening.size} von ${config.workers})`,
      );
    });
    worker.on("exit", (code, signal) => {
      workers.delete(worker);
      listening.delete(worker);
      if (stopping) {
        if (workers.size === 0) process.exit(exitCode);
        return;
      }
      if (budget.take(Date.now())) {
        log.warn(
          { worker: worker.process.pid, code, signal },
          "Serverprozess unerwartet beendet – wird neu gestartet",
        );
        start();
      } else {
        log.error(
          { worker: worker.process.pid, code, signal },
          `Serverprozesse brechen wiederholt ab (mehr als ${MAX_RESTARTS} Neustarts in ${RESTART_WINDOW_MS / 1000} s) – IT-Atlas wird beendet`,
        );
        stopAll("Neustart-Grenze erreicht", 1);
      }
    });
  };

  process.once("SIGINT", () => stopAll("SIGINT", 0));
  process.once("SIGTERM", () => stopAll("SIGTERM", 0));
  log.info({ workers: config.workers }, `Starte ${config.workers} Serverprozesse`);
  for (let index = 0; index < config.workers; index += 1) start();
}
