import { migrate, seedDemoLandscape } from "@it-atlas/db";
import type { Command } from "./Command.ts";

/**
 * `atlas demo remove`: removes every synthetic row ("Demodaten (synthetisch)") and keeps what
 * people entered, the same as a start with ATLAS_DEMO=0 (ADR 0021).
 */
export const demoCommand: Command = {
  name: "demo",
  summary: "Demodaten (synthetisch) entfernen: demo remove",
  async run(db, args, output) {
    if (args[0] !== "remove" || args.length > 1) {
      output.err("Aufruf: npm run atlas -- demo remove");
      return 2;
    }
    await migrate(db);
    const result = await seedDemoLandscape(db, false);
    if (!result.removed) {
      output.out("Keine Demodaten vorhanden – es wurde nichts entfernt.");
    } else {
      const removal = result.removal;
      output.out(
        `Demodaten entfernt: ${removal?.sourcing ?? 0} Bezüge, ${removal?.offers ?? 0} Angebote, ` +
          `${removal?.products ?? 0} Produkte, ${removal?.reorganisations ?? 0} nachgespielte Umstrukturierungen.`,
      );
      if ((removal?.clearedRows ?? 0) > 0) {
        output.out(
          `${removal?.clearedRows} von Personen erfasste Bezüge behalten nur ihre eigenen Werte (übernommene Demowerte geleert).`,
        );
      }
    }
    output.out("Damit sie nicht zurückkehren: den Server mit ATLAS_DEMO=0 starten.");
    return 0;
  },
};
