import { SmtpMentionMailer } from "./mail/MentionMailer.ts";
import {
  migrate,
  openDatabase,
  seedDemoLandscape,
  seedReferenceData,
  type Database,
} from "@it-atlas/db";
import { buildApp } from "./app.ts";
import type { ServerConfig } from "./config.ts";
import type { ZodApp } from "./http/types.ts";
import { ensureInitialAdministrator } from "./services/accountService.ts";
import { jobHandlers } from "./jobs/jobHandlers.ts";
import { JobRunner } from "./jobs/JobRunner.ts";
import { schedulePeriodicKpiSnapshot } from "./jobs/kpiSnapshotJob.ts";
import { scheduleUploadCleanup, UPLOAD_CLEANUP_INTERVAL_MS } from "./jobs/uploadCleanupJob.ts";
import { closeCpuPool, configureCpuPool } from "./workers/cpuPool.ts";

/** A running server and how to stop it. */
export interface RunningServer {
  app: ZodApp;
  db: Database;
  url: string;
  stop(): Promise<void>;
}

/** What {@link prepareDatabase} reports (a Fastify/pino logger fits). */
export interface PrepareLog {
  info(details: object, message: string): void;
}

/**
 * Applies migrations, seeds the reference data and the demo landscape (idempotent), creates the
 * first administrator and queues the periodic KPI snapshot when it is due. Runs once per start:
 * in the only process, or in the cluster's primary before it starts the workers (ADR 0018).
 */
export async function prepareDatabase(
  db: Database,
  config: ServerConfig,
  log: PrepareLog,
): Promise<void> {
  const applied = await migrate(db);
  const seed = await seedReferenceData(db);
  const demo = await seedDemoLandscape(db, config.demo);
  if (
    await ensureInitialAdministrator(db, config.initialAdmin.email, config.initialAdmin.password)
  ) {
    log.info({ email: config.initialAdmin.email }, "Erstes Administrator-Konto angelegt");
  }
  log.info(
    { engine: db.engine, migrations: applied, seed, demo },
    "Datenbank bereit (Migrationen und Referenzdaten)",
  );
  const kpiJob = await schedulePeriodicKpiSnapshot(db, config.kpiIntervalDays);
  if (kpiJob !== undefined)
    log.info({ job: kpiJob }, "Regelmäßige Kennzahlen-Erfassung eingeplant");
}

/**
 * Opens the database, prepares it ({@link prepareDatabase}, unless `prepare` is false: a cluster
 * worker whose primary has done it), starts the job runner, then listens. `/api/health` answers
 * only once all of that is done.
 */
export async function startServer(
  config: ServerConfig,
  { prepare = true }: { prepare?: boolean } = {},
): Promise<RunningServer> {
  configureCpuPool({ threads: config.cpuWorkers });
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const app = await buildApp({
      db,
      webDist: config.webDist,
      logger: {
        level: config.logLevel,
        redact: ["req.headers.authorization", "req.headers.cookie"],
      },
      trustProxy: config.trustProxy,
      publicUrl: config.publicUrl,
      sessionIdleMinutes: config.sessionIdleMinutes,
      oidc: config.oidc,
      // readConfig refuses ATLAS_SMTP_URL without ATLAS_PUBLIC_URL (issue 15.7).
      mailer:
        config.smtp && config.publicUrl
          ? new SmtpMentionMailer(config.smtp, config.publicUrl)
          : undefined,
      uploads: config.uploads,
    });
    if (prepare) await prepareDatabase(db, config, app.log);
    const jobs = new JobRunner(db, jobHandlers(db), {
      log: app.log,
      concurrency: config.jobConcurrency,
    });
    // Retention of import uploads: a clean-up at start and every hour (ADR 0020).
    const cleanUp = () =>
      scheduleUploadCleanup(db).catch((error: unknown) =>
        app.log.error({ err: error }, "Upload-Aufräumen nicht eingeplant"),
      );
    await cleanUp();
    const cleanupTimer = setInterval(() => void cleanUp(), UPLOAD_CLEANUP_INTERVAL_MS);
    cleanupTimer.unref();
    jobs.start();
    const url = await app.listen({ port: config.port, host: config.host });
    let stopping: Promise<void> | undefined;
    return {
      app,
      db,
      url,
      stop() {
        stopping ??= (async () => {
          clearInterval(cleanupTimer);
          await jobs.stop();
          await app.close();
          await db.close();
          await closeCpuPool();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
