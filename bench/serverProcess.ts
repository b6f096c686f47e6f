import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nextTotpCode } from "@it-atlas/server/testing";
import pg from "pg";

const ROOT = new URL("..", import.meta.url).pathname;
/** Admin connection for PostgreSQL benchmarks (a role with CREATEDB). */
export const BENCH_ADMIN_URL =
  process.env.ATLAS_BENCH_DATABASE_URL ?? "postgres://atlas:atlas@127.0.0.1:5432/postgres";

/** A server started as its own process for a benchmark, and how to stop it. */
export interface BenchServer {
  url: string;
  engine: "PGlite" | "PostgreSQL";
  /** Authorization header of an administrator's API token (the landscape needs sign-in). */
  authorization: string;
  /** Process id of the server (the primary process when it starts workers). */
  pid: number;
  stop(): Promise<void>;
}

const ADMIN = { email: "bench-admin@example.org", password: "bench-passwort-nicht-produktiv" };

/** Signs in as the bench administrator and creates an API token. */
async function adminToken(url: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN),
  });
  if (!login.ok) throw new Error(`Anmeldung fehlgeschlagen: ${login.status}`);
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  // The administrator role needs a second factor (ADR 0029): enrol TOTP in this session, as
  // the account page would, so that the token created next carries the role.
  const session = { "content-type": "application/json", cookie, "x-csrf-token": csrfToken };
  const setup = await fetch(`${url}/api/me/totp/setup`, {
    method: "POST",
    headers: { cookie, "x-csrf-token": csrfToken },
  });
  if (!setup.ok) throw new Error(`TOTP-Einrichtung fehlgeschlagen: ${setup.status}`);
  const { secret } = (await setup.json()) as { secret: string };
  const confirm = await fetch(`${url}/api/me/totp/confirm`, {
    method: "POST",
    headers: session,
    body: JSON.stringify({ code: await nextTotpCode(secret) }),
  });
  if (!confirm.ok) throw new Error(`TOTP-Bestätigung fehlgeschlagen: ${confirm.status}`);
  const token = await fetch(`${url}/api/me/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken },
    body: JSON.stringify({ name: "Benchmark", expiresInDays: 1 }),
  });
  if (!token.ok) throw new Error(`Token nicht erstellt: ${token.status}`);
  return `Bearer ${((await token.json()) as { token: string }).token}`;
}

/** How long a server may take to migrate and seed (ATLAS_BENCH_START_SECONDS; busy machines). */
const START_TIMEOUT_MS = Number(process.env.ATLAS_BENCH_START_SECONDS ?? 300) * 1000;

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Server beendet (Exit ${child.exitCode})`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("Server antwortet nicht");
}

/**
 * Starts `node packages/server/src/main.ts` on a fresh database: a temporary PGlite folder, or
 * a new PostgreSQL database when `engine` is PostgreSQL. Returns undefined when PostgreSQL is
 * not reachable. `workers` is passed as ATLAS_WORKERS (ADR 0018; more than 1 only on
 * PostgreSQL); it is 1 unless given, so that figures stay comparable with earlier runs.
 */
export async function startBenchServer(
  engine: "PGlite" | "PostgreSQL",
  port: number,
  options: { workers?: number } = {},
): Promise<BenchServer | undefined> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ATLAS_WORKERS: String(options.workers ?? 1),
    PORT: String(port),
    LOG_LEVEL: "warn",
    ATLAS_ADMIN_EMAIL: ADMIN.email,
    ATLAS_ADMIN_PASSWORD: ADMIN.password,
  };
  let cleanup: () => Promise<void>;
  if (engine === "PGlite") {
    const folder = await mkdtemp(join(tmpdir(), "atlas-bench-"));
    env.ATLAS_DATA_DIR = folder;
    cleanup = () => rm(folder, { recursive: true, force: true });
  } else {
    const name = `atlas_bench_${process.pid}_${port}`;
    const admin = new pg.Client({ connectionString: BENCH_ADMIN_URL });
    try {
      await admin.connect();
    } catch {
      return undefined;
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(BENCH_ADMIN_URL);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    cleanup = async () => {
      const client = new pg.Client({ connectionString: BENCH_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  }
  // ATLAS_BENCH_SERVER_ROOT: run another checkout's server (e.g. main, for before/after figures).
  const child = spawn(process.execPath, ["--import", "tsx", "packages/server/src/main.ts"], {
    cwd: process.env.ATLAS_BENCH_SERVER_ROOT ?? ROOT,
    env,
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  let authorization: string;
  try {
    await waitForHealth(url, child);
    authorization = await adminToken(url);
  } catch (error) {
    // Never leave a half-started server behind (it would hold the port and the database).
    child.kill("SIGTERM");
    if (child.exitCode === null) await new Promise((resolve) => child.once("exit", resolve));
    await cleanup();
    throw error;
  }
  return {
    url,
    engine,
    authorization,
    pid: child.pid ?? 0,
    async stop() {
      child.kill("SIGTERM");
      if (child.exitCode === null) await new Promise((resolve) => child.once("exit", resolve));
      await cleanup();
    },
  };
}
