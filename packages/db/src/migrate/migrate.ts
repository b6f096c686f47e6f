import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Database } from "../client/Database.ts";
import { sql } from "../client/sql.ts";

/** Folder of the versioned migrations (`NNNN_name.sql`, applied in order). */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations/", import.meta.url));

/** A migration file read from disk. */
export interface Migration {
  version: number;
  name: string;
  script: string;
  checksum: string;
}

/** Reads migration files in version order. */
export async function readMigrations(directory = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(directory)).filter((file) => /^\d{4}_.+\.sql$/.test(file)).sort();
  return Promise.all(
    files.map(async (file) => {
      const script = await readFile(new URL(file, `file://${directory}`), "utf8");
      return {
        version: Number(file.slice(0, 4)),
        name: file.slice(5, -4),
        script,
        checksum: createHash("sha256").update(script).digest("hex"),
      };
    }),
  );
}

// Any constant works; it only has to be the same for every IT-Atlas process.
const MIGRATION_LOCK_ID = 7_240_513;

/**
 * Applies pending migrations in one transaction. Idempotent: applied versions are skipped;
 * a changed applied migration is refused (edit history, never rewrite it).
 * Returns the versions applied now.
 */
export async function migrate(db: Database, migrations?: Migration[]): Promise<number[]> {
  const all = migrations ?? (await readMigrations());
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  return db.transaction(async (tx) => {
    // Serialises concurrent starts against one PostgreSQL server.
    await tx.query(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_ID})`);
    const applied = await tx.query<{ version: number; checksum: string }>(
      sql`SELECT version, checksum FROM schema_migration`,
    );
    const appliedByVersion = new Map(applied.map((row) => [row.version, row.checksum]));
    const done: number[] = [];
    for (const migration of all) {
      const checksum = appliedByVersion.get(migration.version);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(
            `Migration ${migration.version}_${migration.name} wurde nach dem Anwenden geändert.`,
          );
        }
        continue;
      }
      await tx.exec(migration.script);
      await tx.query(
        sql`INSERT INTO schema_migration (version, name, checksum)
            VALUES (${migration.version}, ${migration.name}, ${migration.checksum})`,
      );
      done.push(migration.version);
    }
    return done;
  });
}
