import type { Database } from "./Database.ts";
import { PgliteDatabase } from "./PgliteDatabase.ts";
import { PostgresDatabase } from "./PostgresDatabase.ts";

/** Where the database lives: a PostgreSQL URL, or a PGlite data folder (default). */
export interface DatabaseConfig {
  databaseUrl?: string | undefined;
  dataDir: string;
}

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite in `dataDir`. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) return PostgresDatabase.open(config.databaseUrl);
  return PgliteDatabase.open({ dataDir: config.dataDir });
}
