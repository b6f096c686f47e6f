import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import pg from "pg";
import type { Database, Engine } from "../client/Database.ts";
import { PgliteDatabase } from "../client/PgliteDatabase.ts";
import { PostgresDatabase } from "../client/PostgresDatabase.ts";

/** Where the test template lives, handed from the global setup to the test files. */
export type TestTemplate =
  | { engine: "pglite"; dumpPath: string }
  | { engine: "postgres"; adminUrl: string; templateName: string };

/** The engine the test run uses: `ATLAS_TEST_ENGINE=postgres` or PGlite by default. */
export function testEngine(): Engine {
  return process.env.ATLAS_TEST_ENGINE === "postgres" ? "postgres" : "pglite";
}

/** A migrated and seeded database for one test file, and how to dispose of it. */
export interface TestDatabase {
  db: Database;
  /** Where another process can open the same database: a PostgreSQL URL (PGlite: undefined). */
  url?: string;
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
  const name = `atlas_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: template.adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.templateName}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(template.adminUrl, name);
  const db = await PostgresDatabase.open(url, 5);
  return {
    db,
    url,
    async dispose() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: template.adminUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** Connection URL of a PostgreSQL database for the template (used by the global setup). */
export function templateDatabaseUrl(adminUrl: string, templateName: string): string {
  return withDatabase(adminUrl, templateName);
}
