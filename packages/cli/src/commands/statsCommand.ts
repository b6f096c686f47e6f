import { getStats } from "@it-atlas/db";
import type { Stats } from "@it-atlas/domain";
import type { Command } from "./Command.ts";

const LABELS: Record<keyof Stats, string> = {
  gemeinden: "Gemeinden",
  kreise: "Kreise (inkl. StädteRegion Aachen)",
  kreisfreieStaedte: "Kreisfreie Städte",
  regierungsbezirke: "Regierungsbezirke",
  landschaftsverbaende: "Landschaftsverbände",
  providers: "IT-Dienstleister (alle, ohne Demo)",
  providersServingKommunen: "  davon kommunale IT-Dienstleister (aktiv)",
  ownAdministrationIt: "  davon IT der eigenen Verwaltung",
  providerPredecessors: "  davon Vorgänger (fusioniert, umbenannt)",
  stateBodies: "  davon Landeseinrichtungen und Dachverband",
  memberships: "Mitgliedschaften",
  events: "Ereignisse",
  ozgLeistungen: "OZG-Leistungen",
  leikaLeistungen: "LeiKa-Leistungen",
  populationZensus2022: "Einwohner (Zensus 2022)",
};

const number = new Intl.NumberFormat("de-DE");

/** `atlas stats [--json]`: prints the key figures of the reference data. */
export const statsCommand: Command = {
  name: "stats",
  summary: "Kennzahlen der Referenzdaten ausgeben (--json für Maschinen)",
  async run(db, args, output) {
    const stats = await getStats(db);
    if (args.includes("--json")) {
      output.out(JSON.stringify(stats));
      return 0;
    }
    const width = Math.max(...Object.values(LABELS).map((label) => label.length));
    for (const [key, label] of Object.entries(LABELS) as Array<[keyof Stats, string]>) {
      output.out(`${label.padEnd(width)}  ${number.format(stats[key]).padStart(10)}`);
    }
    return 0;
  },
};
