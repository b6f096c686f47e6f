import { z } from "zod";
import type { Sourcing } from "../landscape/Sourcing.ts";
import { analyseDomainConcentration, DomainConcentration } from "./domainConcentration.ts";
import { listProviderScales, ProviderScale } from "./providerScale.ts";

/** Drill-down of one domain: concentration, every operator's scale and the in-house part. */
export const DomainAnalysis = z
  .object({
    concentration: DomainConcentration,
    providers: z.array(ProviderScale),
    /** All eigener Betrieb together (each is still a separate operator in the HHI). */
    inHouse: z.object({
      kommunen: z.number().int(),
      volume: z.number().nullable(),
      share: z.number().nullable(),
      runningCost: z.number().nullable(),
    }),
  })
  .meta({ id: "DomainAnalysis" });
export type DomainAnalysis = z.infer<typeof DomainAnalysis>;

/** The drill-down of one domain from its rows as of one day. Pure. */
export function analyseDomain(rows: readonly Sourcing[]): DomainAnalysis {
  const concentration = analyseDomainConcentration(rows);
  const inHouseRows = rows.filter((row) => row.operatingModel === "eigenbetrieb");
  const total = rows.reduce(
    (sum, row) => sum + (row.volume !== null && row.volume > 0 ? row.volume : 0),
    0,
  );
  const withVolume = inHouseRows.filter((row) => row.volume !== null && row.volume > 0);
  const volume =
    withVolume.length === 0 ? null : withVolume.reduce((sum, row) => sum + (row.volume ?? 0), 0);
  const costed = inHouseRows.filter((row) => row.runningCost !== null);
  return {
    concentration,
    providers: listProviderScales(rows),
    inHouse: {
      kommunen: new Set(inHouseRows.map((row) => row.organisation.ags)).size,
      volume,
      share: volume === null || total <= 0 ? null : volume / total,
      runningCost:
        costed.length === 0 ? null : costed.reduce((sum, row) => sum + (row.runningCost ?? 0), 0),
    },
  };
}
