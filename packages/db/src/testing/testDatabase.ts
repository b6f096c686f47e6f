import { readFile } from "node:fs/promises";
import type { Database, Engine } from "../client/Database.ts";
import { PgliteDatabase } from "../client/PgliteDatabase.ts";
import { PostgresDatabase } from "../client/PostgresDatabase.ts";
import { dropTestDatabase, warnLeftBehind, withAdmin } from "./dropTestDatabase.ts";
import { cloneNameOf, quoteIdentifier } from "./testDatabaseNames.ts";

/** Where the test template lives, handed from the global setup to the test files. */
export type TestTemplate =
  | { engine: "pglite"; dumpPath: string }
  | { engine: "postgres"; adminUrl: string; templateName: string; runPrefix: string };

/** The engine the test run uses: `ATLAS_TEST_ENGINE=postgres` or PGlite by default. */
export function testEngine(): Engine {
  return process.env.ATLAS_TEST_ENGINE === "postgres" ? "postgres" : "pglite";
}

/** A migrated and seeded database for one test file, and how to dispose of it. */
export interface TestDatabase {
  db: Database;
  /** Where another process can open the same database: a PostgreSQL URL (PGlite: undefined). */
  url?: string;
  /** The PostgreSQL database's name (PGlite: undefined). */
  name?: string;
  dispose(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Clones the seeded template: PGlite loads the dumped data folder in its worker thread (the
 * production code path, ADR 0017), PostgreSQL creates a database from the template database.
 * Each test file gets its own copy.
 */
export async function createTestDatabase(template: TestTemplate): Promise<TestDatabase> {
  if (template.engine === "pglite") {
    const dump = await readFile(template.dumpPath);
    const db = await PgliteDatabase.open({ loadDataDir: new Blob([dump]) });
    return { db, dispose: () => db.close() };
  }
  const name = cloneNameOf(template.runPrefix);
  await withAdmin(template.adminUrl, (admin) =>
    createFromTemplate(admin, name, template.templateName),
  );
  const url = withDatabase(template.adminUrl, name);
  const db = await PostgresDatabase.open(url, 5);
  return {
    db,
    url,
    name,
    async dispose() {
      await db.close();
      await disposeTestDatabase(template.adminUrl, name);
    },
  };
}

/**
 * Drops a test file's database. Never throws: a database another backend still holds is
 * left for the sweep at the end of this run or the start of the next (ADR 0006).
 */
export async function disposeTestDatabase(
  adminUrl: string,
  name: string,
  options: { deadlineMs?: number } = {},
): Promise<boolean> {
  try {
    const outcome = await withAdmin(adminUrl, (admin) =>
      dropTestDatabase(admin, name, { deadlineMs: options.deadlineMs }),
    );
    if (!outcome.dropped) warnLeftBehind(name, outcome.reason);
    return outcome.dropped;
  } catch (error) {
    warnLeftBehind(name, error instanceof Error ? error.message : String(error));
    return false;
  }
}

/**
 * `CREATE DATABASE … TEMPLATE` fails while any other session is on the template (55006);
 * the template refuses connections after seeding, so this is rare, but it is waited for.
 */
async function createFromTemplate(
  admin: { query(text: string): Promise<unknown> },
  name: string,
  templateName: string,
): Promise<void> {
  const statement = `CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(templateName)}`;
  let delay = 100;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await admin.query(statement);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== "55006" || attempt >= 12) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 2_000);
    }
  }
}

/** Connection URL of a PostgreSQL database for the template (used by the global setup). */
export function templateDatabaseUrl(adminUrl: string, templateName: string): string {
  return withDatabase(adminUrl, templateName);
}
