/**
 * `npm test`: sets up what the tests need, then runs every suite.
 *
 * 0. The Node.js: `npm test` first runs scripts/checkNode.ts (the project's Node 24 from
 *    node_modules/.bin/node, no dependency whose `engines` excludes it; ADR 0026); every
 *    process started here (npx, vitest, its workers) finds that node first on PATH.
 * 1. Chromium for the browser tests: /usr/bin/chromium, installed with apt-get when missing
 *    and running as root; otherwise a clear message.
 * 2. PostgreSQL for the second engine run: ATLAS_TEST_DATABASE_URL, or the local server on
 *    127.0.0.1:5432 (started with pg_ctlcluster, installed with apt-get when missing and root).
 * 3. Builds the web app, then runs: unit + integration on PGlite, integration on PostgreSQL,
 *    end-to-end in Chromium. Prints one closing line "N passed, N failed".
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import pg from "pg";

const ROOT = new URL("..", import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const DEFAULT_PG_URL = "postgres://atlas:atlas@127.0.0.1:5432/postgres";
const isRoot = process.getuid?.() === 0;

function say(message: string): void {
  process.stdout.write(`\n[npm test] ${message}\n`);
}

function fail(message: string): never {
  process.stderr.write(`\n[npm test] FEHLER: ${message}\n`);
  process.exit(1);
}

function run(command: string, args: string[], options: SpawnSyncOptions = {}): number {
  const result = spawnSync(command, args, { stdio: "inherit", cwd: ROOT, ...options });
  return result.status ?? 1;
}

function commandExists(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

let aptUpdated = false;
function aptInstall(packages: string[]): void {
  if (!aptUpdated) {
    run("apt-get", ["update", "-qq"]);
    aptUpdated = true;
  }
  const status = run("apt-get", ["install", "-y", "-qq", ...packages], {
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (status !== 0) fail(`apt-get install ${packages.join(" ")} ist fehlgeschlagen.`);
}

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (!isRoot) {
    fail(`Chromium fehlt (${CHROMIUM}). Bitte als root installieren: apt-get install -y chromium`);
  }
  say("Chromium fehlt – installiere Debians Paket chromium …");
  aptInstall(["chromium"]);
  if (!existsSync(CHROMIUM)) fail(`Chromium ist nach der Installation nicht unter ${CHROMIUM}.`);
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function postgresCommand(sql: string): number {
  return run(
    "runuser",
    ["-u", "postgres", "--", "psql", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql],
    {
      cwd: "/",
    },
  );
}

/**
 * The test role: may create databases (one per test file) and roles (the cleanup test holds
 * a session of another role). It is no superuser and cannot end other roles' sessions, as
 * on a shared developer cluster; the test-database cleanup copes with that (ADR 0006).
 */
const ROLE_SETUP =
  "DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'atlas') THEN " +
  "CREATE ROLE atlas LOGIN PASSWORD 'atlas'; END IF; END$$; " +
  "ALTER ROLE atlas CREATEDB CREATEROLE NOSUPERUSER;";

async function ensurePostgres(): Promise<string> {
  const explicit = process.env.ATLAS_TEST_DATABASE_URL;
  if (explicit) {
    if (await canConnect(explicit)) return explicit;
    fail(`ATLAS_TEST_DATABASE_URL ist gesetzt, aber nicht erreichbar: ${explicit}`);
  }
  if (!isRoot) {
    if (await canConnect(DEFAULT_PG_URL)) return DEFAULT_PG_URL;
    fail(
      "Kein PostgreSQL erreichbar. Entweder ATLAS_TEST_DATABASE_URL=postgres://… setzen (Rolle mit CREATEDB und CREATEROLE) " +
        "oder npm test als root ausführen (startet bzw. installiert PostgreSQL selbst).",
    );
  }
  if (!commandExists("pg_ctlcluster")) {
    say("PostgreSQL fehlt – installiere Debians Paket postgresql …");
    aptInstall(["postgresql"]);
  }
  const clusters = spawnSync("pg_lsclusters", ["--no-header"], { encoding: "utf8" }).stdout ?? "";
  const cluster = clusters
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .find((fields) => fields.length >= 4);
  if (!cluster) fail("Kein PostgreSQL-Cluster gefunden (pg_lsclusters).");
  const [version, name, port, status] = cluster;
  if (status !== "online") {
    say(`Starte PostgreSQL ${version}/${name} …`);
    if (run("pg_ctlcluster", ["--skip-systemctl-redirect", version!, name!, "start"]) !== 0) {
      fail(`PostgreSQL ${version}/${name} ließ sich nicht starten.`);
    }
  }
  if (postgresCommand(ROLE_SETUP) !== 0)
    fail("Die Testrolle 'atlas' konnte nicht angelegt werden.");
  const url = `postgres://atlas:atlas@127.0.0.1:${port}/postgres`;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    if (await canConnect(url)) return url;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  fail(`PostgreSQL läuft, ist aber unter ${url} nicht erreichbar.`);
}

interface VitestReport {
  testResults?: Array<{
    name: string;
    assertionResults: Array<{ fullName: string; status: string; failureMessages?: string[] }>;
  }>;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const runs: string[] = [];
const failures: string[] = [];

function vitest(label: string, projects: string[], env: NodeJS.ProcessEnv): boolean {
  say(`${label} …`);
  const reportDir = join(ROOT, ".atlas-test");
  mkdirSync(reportDir, { recursive: true });
  const report = join(reportDir, `report-${label.replace(/\W+/g, "-")}.json`);
  rmSync(report, { force: true });
  const args = ["vitest", "run", ...projects.flatMap((project) => ["--project", project])];
  const status = run(
    "npx",
    [...args, "--reporter=default", "--reporter=json", `--outputFile=${report}`],
    {
      env: { ...process.env, ...env },
    },
  );
  if (existsSync(report)) {
    const result = JSON.parse(readFileSync(report, "utf8")) as VitestReport;
    totals.passed += result.numPassedTests;
    totals.failed += result.numFailedTests;
    totals.skipped += result.numPendingTests + result.numTodoTests;
    runs.push(`${label}: ${result.numPassedTests} passed, ${result.numFailedTests} failed`);
    for (const file of result.testResults ?? []) {
      for (const test of file.assertionResults) {
        if (test.status !== "failed") continue;
        const message = (test.failureMessages ?? []).join(" ").split("\n")[0]?.slice(0, 300);
        failures.push(
          `${label} › ${relative(ROOT, file.name)} › ${test.fullName}\n      ${message}`,
        );
      }
    }
    if (status !== 0 && result.numFailedTests === 0) totals.failed += 1;
  } else {
    runs.push(`${label}: kein Ergebnis (Exit ${status})`);
    totals.failed += 1;
  }
  return status === 0;
}

ensureChromium();
const postgresUrl = await ensurePostgres();
say(`PostgreSQL für Tests: ${postgresUrl.replace(/:[^:@/]+@/, ":***@")}`);

say("Baue die Weboberfläche …");
if (run("npm", ["run", "build", "--silent"]) !== 0)
  fail("Der Build der Weboberfläche ist fehlgeschlagen.");

const okPglite = vitest("PGlite (Unit, Web, Integration)", ["domain", "web", "integration"], {
  ATLAS_TEST_ENGINE: "pglite",
});
const okPostgres = vitest("PostgreSQL (Integration)", ["integration", "postgres"], {
  ATLAS_TEST_ENGINE: "postgres",
  ATLAS_TEST_DATABASE_URL: postgresUrl,
});
const okE2e = vitest("End-to-End (Chromium)", ["e2e"], { ATLAS_TEST_ENGINE: "pglite" });

say(`Zusammenfassung (Node.js ${process.version})`);
for (const line of runs) process.stdout.write(`  ${line}\n`);
if (failures.length > 0) {
  process.stdout.write("\nFehlgeschlagen:\n");
  for (const line of failures) process.stdout.write(`  ${line}\n`);
}
process.stdout.write(
  `\nTests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}\n`,
);
process.exit(okPglite && okPostgres && okE2e && totals.failed === 0 ? 0 : 1);
