/**
 * Migration and reference seed on both engines (PostgreSQL from ATLAS_BENCH_DATABASE_URL or
 * the local test role). Prints a table.
 */
import {
  migrate,
  PgliteDatabase,
  PostgresDatabase,
  seedReferenceData,
  type Database,
} from "@it-atlas/db";
import pg from "pg";
import { printTable } from "./printTable.ts";

const ADMIN_URL =
  process.env.ATLAS_BENCH_DATABASE_URL ?? "postgres://atlas:atlas@127.0.0.1:5432/postgres";

async function timed(db: Database): Promise<[number, number]> {
  const started = performance.now();
  await migrate(db);
  const migrated = performance.now();
  await seedReferenceData(db);
  return [migrated - started, performance.now() - migrated];
}

/** Seeds a new database on each engine three times. */
export async function seedBenchmark(): Promise<void> {
  const rows: string[][] = [];
  for (let run = 1; run <= 3; run += 1) {
    const startedOpen = performance.now();
    const lite = await PgliteDatabase.open({});
    const open = performance.now() - startedOpen;
    const [migrateMs, seedMs] = await timed(lite);
    await lite.close();
    rows.push([
      "PGlite (im Speicher)",
      String(run),
      open.toFixed(0),
      migrateMs.toFixed(0),
      seedMs.toFixed(0),
    ]);
  }
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch {
    rows.push(["PostgreSQL", "–", "nicht erreichbar", "–", "–"]);
    printTable("Migration und Seed (ms)", ["Engine", "Lauf", "Öffnen", "Migration", "Seed"], rows);
    return;
  }
  for (let run = 1; run <= 3; run += 1) {
    const name = `atlas_bench_${process.pid}_${run}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const startedOpen = performance.now();
    const server = await PostgresDatabase.open(url.toString(), 2);
    const open = performance.now() - startedOpen;
    const [migrateMs, seedMs] = await timed(server);
    await server.close();
    await admin.query(`DROP DATABASE ${name}`);
    rows.push([
      "PostgreSQL 15",
      String(run),
      open.toFixed(0),
      migrateMs.toFixed(0),
      seedMs.toFixed(0),
    ]);
  }
  await admin.end();
  printTable("Migration und Seed (ms)", ["Engine", "Lauf", "Öffnen", "Migration", "Seed"], rows);
}
