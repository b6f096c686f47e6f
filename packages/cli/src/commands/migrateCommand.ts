import { migrate } from "@it-atlas/db";
import type { Command } from "./Command.ts";

/** `atlas migrate`: applies pending migrations (idempotent). */
export const migrateCommand: Command = {
  name: "migrate",
  preparesDatabase: false,
  summary: "Datenbank-Migrationen anwenden (idempotent)",
  async run(db, _args, output) {
    const applied = await migrate(db);
    output.out(
      applied.length === 0
        ? "Keine ausstehenden Migrationen – die Datenbank ist aktuell."
        : `Migrationen angewendet: ${applied.join(", ")}`,
    );
    return 0;
  },
};
