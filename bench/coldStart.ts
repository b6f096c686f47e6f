/**
 * Cold start: time from process spawn to the first 200 from /api/health, on a fresh PGlite
 * data folder (initdb + migrations + seed) and on a reopened one. Prints a table.
 * Run: npm run bench -- cold-start   (needs a built web app: npm run build)
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { printTable } from "./printTable.ts";

const ROOT = new URL("..", import.meta.url).pathname;

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`keine Antwort von ${url} nach ${timeoutMs} ms`);
}

async function measure(dataDir: string, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "packages/server/src/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), ATLAS_DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, 60_000);
    return performance.now() - started;
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

/** Runs the cold-start benchmark and prints the table. */
export async function coldStart(): Promise<void> {
  const rows: Array<[string, string]> = [];
  for (let run = 1; run <= 3; run += 1) {
    const dataDir = await mkdtemp(join(tmpdir(), "atlas-bench-"));
    try {
      const fresh = await measure(dataDir, 3300 + run);
      const reopened = await measure(dataDir, 3310 + run);
      rows.push([
        `Lauf ${run}: neuer Datenordner (initdb, Migration, Seed)`,
        `${(fresh / 1000).toFixed(2)} s`,
      ]);
      rows.push([`Lauf ${run}: vorhandener Datenordner`, `${(reopened / 1000).toFixed(2)} s`]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  printTable("Kaltstart bis zur ersten Antwort von /api/health (PGlite)", ["Fall", "Zeit"], rows);
}
