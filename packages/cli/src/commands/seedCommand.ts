import { migrate, seedReferenceData } from "@it-atlas/db";
import type { Command } from "./Command.ts";

/** `atlas seed`: loads the shipped NRW reference data (idempotent). */
export const seedCommand: Command = {
  name: "seed",
  preparesDatabase: false,
  summary: "NRW-Referenzdaten aus data/ laden (idempotent)",
  async run(db, _args, output) {
    await migrate(db);
    const result = await seedReferenceData(db);
    output.out(
      result.applied
        ? `Referenzdaten geladen (Version ${result.version}) in ${result.milliseconds} ms.`
        : `Referenzdaten sind bereits aktuell (Version ${result.version}).`,
    );
    return 0;
  },
};
