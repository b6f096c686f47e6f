import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sweepTestDatabases, withAdmin } from "./dropTestDatabase.ts";
import { disposeTestDatabase, templateDatabaseUrl, type TestTemplate } from "./testDatabase.ts";
import { newRunPrefix, quoteIdentifier } from "./testDatabaseNames.ts";

// Runs only in the PostgreSQL phase of `npm test` (vitest project "postgres"). The CI failure
// it guards against: DROP DATABASE … WITH (FORCE) by the test role met a backend of another
// role and threw "must be a member of the role whose process is being terminated".

function postgresTemplate(): Extract<TestTemplate, { engine: "postgres" }> {
  const template = inject("testTemplate");
  if (template.engine !== "postgres") {
    throw new Error("Dieses Testprojekt braucht ATLAS_TEST_ENGINE=postgres.");
  }
  return template;
}

const template = postgresTemplate();
const otherRole = `atlas_test_other_${randomBytes(4).toString("hex")}`;
const otherPassword = randomBytes(12).toString("hex");

async function databaseExists(name: string): Promise<boolean> {
  return withAdmin(template.adminUrl, async (admin) => {
    const { rows } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return rows.length === 1;
  });
}

/** A test database as an earlier run (started `ageMs` ago) would have left it. */
async function createDatabaseOfRun(runPrefix: string): Promise<string> {
  const name = `${runPrefix}${randomBytes(3).toString("hex")}`;
  await withAdmin(template.adminUrl, (admin) =>
    admin.query(
      `CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(template.templateName)}`,
    ),
  );
  return name;
}

/** A session of another role on `database`, which the test role may not end. */
async function connectAsOtherRole(database: string): Promise<pg.Client> {
  const url = new URL(templateDatabaseUrl(template.adminUrl, database));
  url.username = otherRole;
  url.password = otherPassword;
  const client = new pg.Client({ connectionString: url.toString() });
  client.on("error", () => undefined);
  await client.connect();
  await client.query("SELECT 1");
  return client;
}

beforeAll(async () => {
  await withAdmin(template.adminUrl, async (admin) => {
    try {
      await admin.query(
        `CREATE ROLE ${quoteIdentifier(otherRole)} LOGIN PASSWORD '${otherPassword}'`,
      );
    } catch (error) {
      throw new Error(
        "Die Testrolle braucht CREATEROLE für diesen Test (npm test richtet das lokal ein): " +
          (error instanceof Error ? error.message : String(error)),
      );
    }
  });
});

afterAll(async () => {
  await withAdmin(template.adminUrl, (admin) =>
    admin.query(`DROP ROLE IF EXISTS ${quoteIdentifier(otherRole)}`),
  );
});

describe("cleanup of a test database that another role's backend holds", () => {
  it("waits for the backend to go and then drops the database", async () => {
    const name = await createDatabaseOfRun(newRunPrefix());
    const other = await connectAsOtherRole(name);
    const released = new Promise<void>((resolve) =>
      setTimeout(() => void other.end().then(resolve, resolve), 700),
    );
    const dropped = await disposeTestDatabase(template.adminUrl, name);
    await released;
    expect(dropped).toBe(true);
    expect(await databaseExists(name)).toBe(false);
  });

  it("does not fail while the backend stays, and the next run's sweep drops it", async () => {
    const earlierRun = newRunPrefix(Date.now() - 4 * 60 * 60 * 1000);
    const name = await createDatabaseOfRun(earlierRun);
    const other = await connectAsOtherRole(name);
    let dropped: boolean;
    try {
      dropped = await disposeTestDatabase(template.adminUrl, name, { deadlineMs: 800 });
      expect(await databaseExists(name)).toBe(true);
    } finally {
      await other.end();
    }
    expect(dropped).toBe(false);
    const swept = await withAdmin(template.adminUrl, (admin) => sweepTestDatabases(admin));
    expect(swept).toContain(name);
    expect(await databaseExists(name)).toBe(false);
  });

  it("leaves the databases of another live run on the same cluster alone", async () => {
    const otherLiveRun = newRunPrefix();
    const name = await createDatabaseOfRun(otherLiveRun);
    try {
      const swept = await withAdmin(template.adminUrl, (admin) => sweepTestDatabases(admin));
      expect(swept).not.toContain(name);
      expect(await databaseExists(name)).toBe(true);
    } finally {
      await disposeTestDatabase(template.adminUrl, name);
    }
  });
});
