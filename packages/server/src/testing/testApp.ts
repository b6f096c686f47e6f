import type { Database } from "@it-atlas/db";
import { useTestDatabase } from "@it-atlas/db/testing";
import { afterAll, beforeAll } from "vitest";
import { buildApp, type AppOptions } from "../app.ts";
import type { ZodApp } from "../http/types.ts";

/**
 * Gives a test file the whole HTTP application on its own seeded database, built once before
 * the file's tests and closed after them. Call at the top of a test file; use `app.inject`.
 */
export function useTestApp(options: Omit<AppOptions, "db"> = {}): {
  readonly app: ZodApp;
  readonly db: Database;
} {
  const database = useTestDatabase();
  let current: ZodApp | undefined;
  // Registered after useTestDatabase's hooks: vitest runs beforeAll in order (the database
  // exists before the app) and afterAll in reverse (the app closes before the database).
  beforeAll(async () => {
    current = await buildApp({ ...options, db: database.db });
    await current.ready();
  });
  afterAll(async () => {
    await current?.close();
  });
  return {
    get app(): ZodApp {
      if (!current) throw new Error("Test-App noch nicht bereit");
      return current;
    },
    get db(): Database {
      return database.db;
    },
  };
}
