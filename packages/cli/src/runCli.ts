import { migrate, openDatabase, seedReferenceData, type Database } from "@it-atlas/db";
import { readConfig } from "@it-atlas/server";
import type { Command, Output } from "./commands/Command.ts";
import { demoCommand } from "./commands/demoCommand.ts";
import { createAdminCommand } from "./commands/createAdminCommand.ts";
import { exportCommand } from "./commands/exportCommand.ts";
import { importCommand } from "./commands/importCommand.ts";
import { migrateCommand } from "./commands/migrateCommand.ts";
import { seedCommand } from "./commands/seedCommand.ts";
import { solveFlpCommand } from "./commands/solveFlpCommand.ts";
import { statsCommand } from "./commands/statsCommand.ts";

/** All commands of `npm run atlas -- <command>`. */
export const COMMANDS: readonly Command[] = [
  migrateCommand,
  seedCommand,
  statsCommand,
  createAdminCommand(),
  importCommand,
  exportCommand,
  solveFlpCommand,
  demoCommand,
];

function usage(output: Output): void {
  output.out("Aufruf: npm run atlas -- <Befehl> [Optionen]");
  output.out("");
  output.out("Befehle:");
  for (const command of COMMANDS) output.out(`  ${command.name.padEnd(10)} ${command.summary}`);
  output.out("");
  output.out(
    "Datenbank: DATABASE_URL=postgres://… oder eingebettet in ATLAS_DATA_DIR (Standard ./.atlas-data)",
  );
}

/** Handed to commands with `needsDatabase: false`; touching it is a programming error. */
const noDatabase = new Proxy({} as Database, {
  get() {
    throw new Error("Dieser Befehl arbeitet ohne Datenbank.");
  },
});

/**
 * Brings an empty or outdated database up to date before a command, as `npm start` does:
 * applies pending migrations and loads the reference data when its version changed (both
 * idempotent). The demo landscape stays the server's business (ATLAS_DEMO).
 */
async function prepareDatabase(db: Database, output: Output): Promise<void> {
  const applied = await migrate(db);
  if (applied.length > 0) output.err(`Datenbank aktualisiert: Migrationen ${applied.join(", ")}.`);
  const seed = await seedReferenceData(db);
  if (seed.applied) output.err(`Referenzdaten geladen (Version ${seed.version}).`);
}

function openFromEnvironment(): Promise<Database> {
  const config = readConfig();
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
}

/**
 * Runs one CLI invocation and returns its exit code. By default the database is opened from
 * the environment like the server does, and closed afterwards; tests pass their own opener
 * and `closeAfter: false` to keep a shared database open.
 */
export async function runCli(
  argv: string[],
  output: Output,
  openDb: () => Promise<Database> = openFromEnvironment,
  closeAfter = true,
): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    usage(output);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    output.err(`Unbekannter Befehl „${name}“.`);
    usage(output);
    return 2;
  }
  let db: Database | undefined;
  try {
    if (command.needsDatabase === false) return await command.run(noDatabase, args, output);
    db = await openDb();
    if (command.preparesDatabase !== false) await prepareDatabase(db, output);
    return await command.run(db, args, output);
  } catch (error) {
    const message =
      error instanceof Error && "detail" in error && typeof error.detail === "string"
        ? error.detail
        : error instanceof Error
          ? error.message
          : String(error);
    output.err(`Fehler: ${message}`);
    return 1;
  } finally {
    if (closeAfter) await db?.close();
  }
}
