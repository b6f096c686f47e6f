import { z } from "zod";
import type { Sourcing } from "../landscape/Sourcing.ts";
import {
  analyseDomainConcentration,
  DomainConcentration,
  groupByDomain,
} from "./domainConcentration.ts";
import { KommuneDependency, listKommuneDependencies } from "./kommuneDependencies.ts";

/**
 * NRW fragmentation index: F = (1/D) · Σ_d (1 − HHI_d) over the D domains with known volumes.
 * 1 − HHI_d is the probability that two volume units of domain d, drawn at random, are served by
 * different operators (Gini-Simpson index); F averages it with equal weight per domain, so a
 * small Fachverfahren counts as much as the network. 0 = every domain has one operator for
 * all of NRW; values near 1 = every domain is split among many operators of similar size.
 */
export const FragmentationIndex = z
  .object({
    value: z.number().nullable(),
    /** Mean of 1/HHI over the same domains. */
    meanEffectiveOperators: z.number().nullable(),
    /** Domains the index averages over. */
    domains: z.number().int(),
  })
  .meta({ id: "FragmentationIndex" });
export type FragmentationIndex = z.infer<typeof FragmentationIndex>;

/** The NRW fragmentation index over a list of domain HHIs (nulls are skipped). */
export function fragmentationIndex(hhis: ReadonlyArray<number | null>): FragmentationIndex {
  const known = hhis.filter((hhi): hhi is number => hhi !== null && hhi > 0);
  if (known.length === 0) return { value: null, meanEffectiveOperators: null, domains: 0 };
  return {
    value: known.reduce((sum, hhi) => sum + (1 - hhi), 0) / known.length,
    meanEffectiveOperators: known.reduce((sum, hhi) => sum + 1 / hhi, 0) / known.length,
    domains: known.length,
  };
}

/** The fragmentation overview of NRW as of one day. */
export const FragmentationOverview = z
  .object({
    index: FragmentationIndex,
    /** Kommunen with any sourcing. */
    kommunen: z.number().int(),
    /** Distinct IT-Dienstleister across all domains. */
    providers: z.number().int(),
    /** Share of Kommune × domain rows run in eigener Betrieb. */
    inHouseShare: z.number().nullable(),
    /** Median number of external operators a Kommune depends on. */
    medianProvidersPerKommune: z.number().nullable(),
    domains: z.array(DomainConcentration),
    kommuneDependencies: z.array(KommuneDependency),
    demo: z.boolean(),
  })
  .meta({ id: "FragmentationOverview" });
export type FragmentationOverview = z.infer<typeof FragmentationOverview>;

/** Fragmentation of the whole landscape (rows as of one day, all domains). Pure. */
export function analyseFragmentation(rows: readonly Sourcing[]): FragmentationOverview {
  const domains = [...groupByDomain(rows).values()]
    .map(analyseDomainConcentration)
    .sort((a, b) => a.domainName.localeCompare(b.domainName, "de"));
  const kommuneDependencies = listKommuneDependencies(rows);
  const counts = kommuneDependencies.map((kommune) => kommune.providers).sort((a, b) => a - b);
  const middle = (counts.length - 1) / 2;
  return {
    index: fragmentationIndex(domains.map((domain) => domain.hhi)),
    kommunen: kommuneDependencies.length,
    providers: new Set(rows.flatMap((row) => (row.provider ? [row.provider.id] : []))).size,
    inHouseShare:
      rows.length === 0
        ? null
        : rows.filter((row) => row.operatingModel === "eigenbetrieb").length / rows.length,
    medianProvidersPerKommune:
      counts.length === 0
        ? null
        : ((counts[Math.floor(middle)] ?? 0) + (counts[Math.ceil(middle)] ?? 0)) / 2,
    domains,
    kommuneDependencies,
    demo: rows.some((row) => row.demo),
  };
}
