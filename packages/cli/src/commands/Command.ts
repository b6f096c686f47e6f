import type { Database } from "@it-atlas/db";

/** Where a command writes: lines for people (stdout) and problems (stderr). */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/** A CLI command: runs against an open database and returns the exit code. */
export interface Command {
  name: string;
  summary: string;
  /** False for commands that never touch the database: `runCli` then opens none. */
  needsDatabase?: false;
  /**
   * False for commands that migrate or seed themselves (`migrate`, `seed`); every other
   * command runs on a database that was migrated and seeded first.
   */
  preparesDatabase?: false;
  run(db: Database, args: string[], output: Output): Promise<number>;
}
