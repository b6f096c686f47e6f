import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { PgliteDatabase } from "../client/PgliteDatabase.ts";
import { PostgresDatabase } from "../client/PostgresDatabase.ts";
import { migrate } from "../migrate/migrate.ts";
import { seedDemoLandscape } from "../seed/seedDemoLandscape.ts";
import { seedReferenceData } from "../seed/seedReferenceData.ts";
import { sweepTestDatabases, withAdmin } from "./dropTestDatabase.ts";
import { templateDatabaseUrl, type TestTemplate } from "./testDatabase.ts";
import { newRunPrefix, quoteIdentifier, templateNameOf } from "./testDatabaseNames.ts";

/**
 * Builds the migrated, seeded template once per test run: a dumped PGlite data folder, or a
 * PostgreSQL template database when `ATLAS_TEST_ENGINE=postgres`.
 */
export async function prepareTestTemplate(options: {
  engine: "pglite" | "postgres";
  dumpPath: string;
  adminUrl?: string | undefined;
}): Promise<TestTemplate> {
  if (options.engine === "pglite") {
    const db = await PgliteDatabase.open({});
    try {
      await migrate(db);
      await seedReferenceData(db);
      await seedDemoLandscape(db, true);
      const dump = await db.dump();
      await mkdir(dirname(options.dumpPath), { recursive: true });
      await writeFile(options.dumpPath, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await db.close();
    }
    return { engine: "pglite", dumpPath: options.dumpPath };
  }
  const adminUrl = options.adminUrl;
  if (!adminUrl) {
    throw new Error(
      "ATLAS_TEST_DATABASE_URL fehlt: Verbindung zu einem PostgreSQL-Server angeben.",
    );
  }
  const runPrefix = newRunPrefix();
  const templateName = templateNameOf(runPrefix);
  await withAdmin(adminUrl, async (admin) => {
    // Left-overs of aborted runs; other live runs on the same cluster keep theirs.
    await sweepTestDatabases(admin);
    await admin.query(`CREATE DATABASE ${quoteIdentifier(templateName)}`);
  });
  const db = await PostgresDatabase.open(templateDatabaseUrl(adminUrl, templateName), 2);
  try {
    await migrate(db);
    await seedReferenceData(db);
    await seedDemoLandscape(db, true);
  } finally {
    await db.close();
  }
  // No session may sit on a template while it is copied; refusing connections keeps
  // autovacuum (and everyone else) off it, so CREATE DATABASE … TEMPLATE does not collide.
  await withAdmin(adminUrl, (admin) =>
    admin.query(`ALTER DATABASE ${quoteIdentifier(templateName)} ALLOW_CONNECTIONS false`),
  );
  return { engine: "postgres", adminUrl, templateName, runPrefix };
}

/**
 * Removes this run's template and any of its test databases left behind, plus abandoned
 * ones of earlier runs. Never throws: what is still held is swept by the next run.
 */
export async function cleanupTestTemplate(template: TestTemplate): Promise<void> {
  if (template.engine !== "postgres") return;
  try {
    await withAdmin(template.adminUrl, (admin) =>
      sweepTestDatabases(admin, { ownRunPrefix: template.runPrefix }),
    );
  } catch (error) {
    process.stderr.write(
      `[Testdatenbank] Aufräumen nicht möglich: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
}
