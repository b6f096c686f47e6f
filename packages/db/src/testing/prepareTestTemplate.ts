import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import pg from "pg";
import { PgliteDatabase } from "../client/PgliteDatabase.ts";
import { PostgresDatabase } from "../client/PostgresDatabase.ts";
import { migrate } from "../migrate/migrate.ts";
import { seedDemoLandscape } from "../seed/seedDemoLandscape.ts";
import { seedReferenceData } from "../seed/seedReferenceData.ts";
import { templateDatabaseUrl, type TestTemplate } from "./testDatabase.ts";

const TEMPLATE_NAME = "atlas_test_template";

/** Drops test databases left over by an aborted run (and the template itself). */
async function dropTestDatabases(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'atlas\\_test\\_%'",
  );
  for (const { datname } of rows) {
    await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  }
}

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
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await dropTestDatabases(admin);
    await admin.query(`CREATE DATABASE ${TEMPLATE_NAME}`);
  } finally {
    await admin.end();
  }
  const db = await PostgresDatabase.open(templateDatabaseUrl(adminUrl, TEMPLATE_NAME), 2);
  try {
    await migrate(db);
    await seedReferenceData(db);
    await seedDemoLandscape(db, true);
  } finally {
    await db.close();
  }
  return { engine: "postgres", adminUrl, templateName: TEMPLATE_NAME };
}

/** Removes the PostgreSQL template and any test database left behind. */
export async function cleanupTestTemplate(template: TestTemplate): Promise<void> {
  if (template.engine !== "postgres") return;
  const admin = new pg.Client({ connectionString: template.adminUrl });
  await admin.connect();
  try {
    await dropTestDatabases(admin);
  } finally {
    await admin.end();
  }
}
