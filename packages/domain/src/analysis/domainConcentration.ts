import { z } from "zod";
import type { Sourcing } from "../landscape/Sourcing.ts";
import { effectiveNumber, herfindahlIndex } from "./concentration.ts";
import { operatorOf, runningCostPerUnit } from "./operator.ts";
import { CostPerUnitDistribution, summariseValues } from "./statistics.ts";

/** How fragmented one Leistungsbereich is, as of one day. */
export const DomainConcentration = z
  .object({
    domainId: z.string(),
    domainName: z.string(),
    volumeUnit: z.string().nullable(),
    /** Kommunen with a sourcing in the domain. */
    kommunen: z.number().int(),
    /** Distinct IT-Dienstleister (provider ids). */
    providers: z.number().int(),
    /** Distinct products (Fachverfahren, platforms). */
    products: z.number().int(),
    /** Kommunen that run the domain themselves (eigener Betrieb). */
    inHouse: z.number().int(),
    /** Distinct operators: providers, partner Kommunen, Land, EfA and every eigener Betrieb. */
    operators: z.number().int(),
    /** Herfindahl-Hirschman index over operators' volume shares, 0..1; null without volumes. */
    hhi: z.number().nullable(),
    /** 1/HHI: the number of equally large operators with the same concentration. */
    effectiveOperators: z.number().nullable(),
    /** Share of the rows whose volume is known (HHI rests on these). */
    volumeCoverage: z.number(),
    /** Running cost per volume unit and year across Kommunen; confidential. */
    costPerUnit: CostPerUnitDistribution.nullable(),
    demo: z.boolean(),
  })
  .meta({ id: "DomainConcentration" });
export type DomainConcentration = z.infer<typeof DomainConcentration>;

/** Concentration figures of one domain from its sourcing rows as of one day (rows of other domains are a caller bug). */
export function analyseDomainConcentration(rows: readonly Sourcing[]): DomainConcentration {
  const first = rows[0];
  const volumeByOperator = new Map<string, number>();
  const operators = new Set<string>();
  let withVolume = 0;
  for (const row of rows) {
    const operator = operatorOf(row);
    operators.add(operator.key);
    if (row.volume !== null && row.volume > 0) {
      withVolume += 1;
      volumeByOperator.set(operator.key, (volumeByOperator.get(operator.key) ?? 0) + row.volume);
    }
  }
  const hhi = herfindahlIndex([...volumeByOperator.values()]);
  const unitCosts = rows.map(runningCostPerUnit).filter((value): value is number => value !== null);
  return {
    domainId: first?.domain.id ?? "",
    domainName: first?.domain.name ?? "",
    volumeUnit: first?.volumeUnit ?? null,
    kommunen: new Set(rows.map((row) => row.organisation.ags)).size,
    providers: new Set(rows.flatMap((row) => (row.provider ? [row.provider.id] : []))).size,
    products: new Set(rows.flatMap((row) => (row.product ? [row.product.id] : []))).size,
    inHouse: rows.filter((row) => row.operatingModel === "eigenbetrieb").length,
    operators: operators.size,
    hhi,
    effectiveOperators: effectiveNumber(hhi),
    volumeCoverage: rows.length === 0 ? 0 : withVolume / rows.length,
    costPerUnit: summariseValues(unitCosts),
    demo: rows.some((row) => row.demo),
  };
}

/** Rows grouped by domain id, in first-seen order. */
export function groupByDomain(rows: readonly Sourcing[]): Map<string, Sourcing[]> {
  const groups = new Map<string, Sourcing[]>();
  for (const row of rows) {
    const group = groups.get(row.domain.id);
    if (group) group.push(row);
    else groups.set(row.domain.id, [row]);
  }
  return groups;
}
