import cluster from "node:cluster";
import { runPrimary } from "./cluster/primary.ts";
import { readConfig } from "./config.ts";
import { startServer } from "./startServer.ts";

// Entry point of `npm start`. Errors at start are printed in German without a stack trace.
try {
  const config = readConfig();
  if (cluster.isPrimary && config.workers > 1) {
    // ATLAS_WORKERS > 1: this process only supervises; the workers run this file again.
    await runPrimary(config);
  } else {
    // A cluster worker skips migrations and seeding: its primary has done them.
    const server = await startServer(config, { prepare: cluster.isPrimary });
    server.app.log.info({ node: process.version }, `IT-Atlas NRW läuft: ${server.url}`);
    const shutdown = (signal: string) => {
      server.app.log.info({ signal }, "Beende IT-Atlas …");
      server.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          server.app.log.error({ err: error }, "Fehler beim Beenden");
          process.exit(1);
        },
      );
    };
    process.once("SIGINT", () => shutdown("SIGINT"));
    process.once("SIGTERM", () => shutdown("SIGTERM"));
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`IT-Atlas konnte nicht starten: ${message}\n`);
  process.exit(1);
}
