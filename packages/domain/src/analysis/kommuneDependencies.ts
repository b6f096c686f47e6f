import { z } from "zod";
import type { Sourcing } from "../landscape/Sourcing.ts";
import { operatorOf } from "./operator.ts";

/** How many different operators one Kommune depends on across its domains. */
export const KommuneDependency = z
  .object({
    ags: z.string(),
    name: z.string(),
    kind: z.string(),
    /** Distinct operators other than itself: IT-Dienstleister, partner Kommunen, Land, EfA. */
    providers: z.number().int(),
    /** Names of those operators, sorted. */
    providerNames: z.array(z.string()),
    /** Domains it runs itself (eigener Betrieb). */
    inHouseDomains: z.number().int(),
    /** Domains with a sourcing. */
    domains: z.number().int(),
  })
  .meta({ id: "KommuneDependency" });
export type KommuneDependency = z.infer<typeof KommuneDependency>;

/** Per Kommune: the distinct external operators it depends on and how much it runs itself, sorted by AGS. */
export function listKommuneDependencies(rows: readonly Sourcing[]): KommuneDependency[] {
  const byKommune = new Map<string, Sourcing[]>();
  for (const row of rows) {
    const group = byKommune.get(row.organisation.ags);
    if (group) group.push(row);
    else byKommune.set(row.organisation.ags, [row]);
  }
  return [...byKommune.entries()]
    .map(([ags, group]) => {
      const external = new Map<string, string>();
      let inHouse = 0;
      for (const row of group) {
        const operator = operatorOf(row);
        if (operator.kind === "eigenbetrieb") inHouse += 1;
        else external.set(operator.key, operator.name);
      }
      const first = group[0];
      return {
        ags,
        name: first?.organisation.name ?? ags,
        kind: first?.organisation.kind ?? "gemeinde",
        providers: external.size,
        providerNames: [...external.values()].sort((a, b) => a.localeCompare(b, "de")),
        inHouseDomains: inHouse,
        domains: new Set(group.map((row) => row.domain.id)).size,
      };
    })
    .sort((a, b) => a.ags.localeCompare(b.ags));
}
