import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { findUserByEmail } from "@it-atlas/db";
import { readConfig, startServer, type RunningServer } from "@it-atlas/server";
import { enrolTotp } from "@it-atlas/server/testing";

/**
 * The administrator every e2e server starts with (test credentials, not a default). The role
 * requires a second factor (ADR 0029): the server is seeded with this known TOTP secret, and
 * `signInViaApi` computes the code from it as an authenticator app would.
 */
export const E2E_ADMIN = {
  email: "e2e-admin@example.org",
  password: "e2e-Administrator-Passwort",
  totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
};

/** A real IT-Atlas server (embedded PGlite in a temporary folder) serving the built web app. */
export interface TestServer {
  url: string;
  server: RunningServer;
  stop(): Promise<void>;
}

/** Starts the server on a free port exactly as `npm start` does, but with a fresh data folder. */
export async function startTestServer(): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), "atlas-e2e-"));
  const server = await startServer(
    readConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      ATLAS_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      // Snapshots only when a test takes them (no periodic one at start).
      ATLAS_KPI_INTERVAL_DAYS: "0",
      ATLAS_ADMIN_EMAIL: E2E_ADMIN.email,
      ATLAS_ADMIN_PASSWORD: E2E_ADMIN.password,
      ATLAS_WEB_DIST: fileURLToPath(new URL("../../packages/web/dist/", import.meta.url)),
    }),
  );
  const admin = await findUserByEmail(server.db, E2E_ADMIN.email);
  if (!admin) throw new Error("Das e2e-Administratorkonto fehlt");
  await server.db.transaction((tx) => enrolTotp(tx, admin.id, E2E_ADMIN.totpSecret));
  return {
    url: server.url,
    server,
    async stop() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
