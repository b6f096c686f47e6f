import pg from "pg";
import {
  parseTestDatabaseName,
  quoteIdentifier,
  TEST_DATABASE_PREFIX,
} from "./testDatabaseNames.ts";

/**
 * SQLSTATEs that mean "another backend is still on the database": worth waiting for.
 * - 55006 object_in_use: a plain DROP found other sessions.
 * - 42501 insufficient_privilege: DROP … WITH (FORCE) met a backend of a role this test role
 *   may not signal (another role's session; on busy clusters an autovacuum worker).
 */
const RETRYABLE = new Set(["55006", "42501"]);

/** The part of node-postgres the drop needs (a fake in unit tests). */
export interface AdminConnection {
  query(text: string): Promise<unknown>;
}

export interface DropOutcome {
  dropped: boolean;
  attempts: number;
  /** The last refusal (German summary for the log) when the database is still there. */
  reason?: string;
}

export interface DropOptions {
  /** How long to keep trying before leaving the database to a later sweep (ms). */
  deadlineMs?: number;
  /** Whether to use `WITH (FORCE)` after a plain DROP was refused (not for foreign runs). */
  force?: boolean;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function sqlState(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error
    ? String(error.code)
    : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Drops one test database and never throws. Each attempt tries a plain DROP first (it
 * ends autovacuum workers itself and waits for them), then `WITH (FORCE)` (ends our own
 * left-over sessions); while another backend keeps the database, it waits with a growing
 * pause until the deadline. A database still held then is left for the sweep of a later
 * run (`sweepTestDatabases`): a busy cluster must never fail a test run.
 */
export async function dropTestDatabase(
  admin: AdminConnection,
  name: string,
  options: DropOptions = {},
): Promise<DropOutcome> {
  const { deadlineMs = 20_000, force = true, sleep = pause, now = Date.now } = options;
  const deadline = now() + deadlineMs;
  const target = quoteIdentifier(name);
  const statements = [`DROP DATABASE IF EXISTS ${target}`];
  if (force) statements.push(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
  let delay = 100;
  let attempts = 0;
  for (;;) {
    let reason = "";
    for (const statement of statements) {
      attempts += 1;
      try {
        await admin.query(statement);
        return { dropped: true, attempts };
      } catch (error) {
        reason = `${sqlState(error) ?? "?"}: ${describe(error)}`;
        if (!RETRYABLE.has(sqlState(error) ?? "")) return { dropped: false, attempts, reason };
      }
    }
    if (now() + delay > deadline) return { dropped: false, attempts, reason };
    await sleep(delay);
    delay = Math.min(delay * 2, 2_000);
  }
}

/** Runs `work` with an admin connection; a connection that fails is reported, not thrown. */
export async function withAdmin<T>(
  adminUrl: string,
  work: (admin: pg.Client) => Promise<T>,
): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  // A backend ended from outside must not crash the test process.
  admin.on("error", () => undefined);
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end().catch(() => undefined);
  }
}

export function warnLeftBehind(name: string, reason: string | undefined): void {
  process.stderr.write(
    `[Testdatenbank] ${name} ist noch in Benutzung und bleibt vorerst stehen ` +
      `(${reason ?? "unbekannt"}); der nächste Testlauf räumt sie auf.\n`,
  );
}

/** Runs older than this are taken as abandoned (a full run takes about 15 minutes). */
export const ABANDONED_AFTER_MS = 3 * 60 * 60 * 1000;

export interface SweepOptions {
  /** This run's prefix: its databases are dropped (with FORCE) whatever their age. */
  ownRunPrefix?: string;
  now?: number;
  deadlineMs?: number;
}

/**
 * Drops the test databases that no live run needs: this run's own, those of runs started
 * more than `ABANDONED_AFTER_MS` ago, and names of older versions that nobody is connected to
 * (plain DROP only, so a running old-style suite keeps its databases). Databases of other
 * recent runs are left alone: two suites may share one cluster. Returns what it dropped.
 */
export async function sweepTestDatabases(
  admin: pg.Client,
  options: SweepOptions = {},
): Promise<string[]> {
  const now = options.now ?? Date.now();
  const { rows } = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname",
    [TEST_DATABASE_PREFIX],
  );
  const dropped: string[] = [];
  for (const { datname } of rows) {
    const parsed = parseTestDatabaseName(datname);
    const own = parsed !== undefined && parsed.runPrefix === options.ownRunPrefix;
    const abandoned = parsed !== undefined && now - parsed.startedAt > ABANDONED_AFTER_MS;
    const legacy = parsed === undefined;
    if (!own && !abandoned && !legacy) continue;
    const outcome = await dropTestDatabase(admin, datname, {
      force: !legacy,
      deadlineMs: legacy ? 0 : (options.deadlineMs ?? 20_000),
    });
    if (outcome.dropped) dropped.push(datname);
    else if (!legacy) warnLeftBehind(datname, outcome.reason);
  }
  return dropped;
}
