import { afterAll, beforeAll, inject } from "vitest";
import type { Database } from "../client/Database.ts";
import { createTestDatabase, type TestDatabase, type TestTemplate } from "./testDatabase.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The seeded template of this run, provided by vitest.globalSetup.ts. */
    testTemplate: TestTemplate;
  }
}

/**
 * Gives a test file its own seeded database (cloned from the run's template) and disposes of
 * it afterwards. Call at the top of a test file; read `.db` inside tests.
 */
export function useTestDatabase(): { readonly db: Database } {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await createTestDatabase(inject("testTemplate"));
  });
  afterAll(async () => {
    await current?.dispose();
  });
  return {
    get db(): Database {
      if (!current) throw new Error("Testdatenbank noch nicht bereit");
      return current.db;
    },
  };
}
