import { z } from "zod";
import type { Sourcing } from "./Sourcing.ts";

/** Five-number summary of a distribution. */
export const Distribution = z
  .object({
    count: z.number().int(),
    min: z.number(),
    p25: z.number(),
    median: z.number(),
    p75: z.number(),
    max: z.number(),
  })
  .meta({ id: "Distribution" });
export type Distribution = z.infer<typeof Distribution>;

/** How a domain is provided across the Kommunen in scope, as of one day. */
export const DomainSummary = z
  .object({
    kommunen: z.number().int(),
    totalCost: z.number(),
    byOperatingModel: z.array(z.object({ operatingModel: z.string(), count: z.number().int() })),
    byProvider: z.array(
      z.object({
        providerId: z.string(),
        shortName: z.string(),
        count: z.number().int(),
        cost: z.number(),
      }),
    ),
    byProduct: z.array(
      z.object({ productId: z.string(), name: z.string(), count: z.number().int() }),
    ),
    costPerUnit: Distribution.nullable(),
    demo: z.boolean(),
  })
  .meta({ id: "DomainSummary" });
export type DomainSummary = z.infer<typeof DomainSummary>;

/** Quantile by linear interpolation between closest ranks (type 7, as in R and Excel). */
export function quantile(sorted: readonly number[], probability: number): number {
  if (sorted.length === 0) throw new Error("quantile of an empty list");
  const position = (sorted.length - 1) * probability;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] ?? 0;
  const high = sorted[upper] ?? low;
  return low + (high - low) * (position - lower);
}

/** Five-number summary, or null for an empty list. */
export function distribution(values: readonly number[]): Distribution | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    min: sorted[0] ?? 0,
    p25: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    p75: quantile(sorted, 0.75),
    max: sorted[sorted.length - 1] ?? 0,
  };
}

function countBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = key(item);
    if (group === undefined) continue;
    groups.set(group, [...(groups.get(group) ?? []), item]);
  }
  return groups;
}

/**
 * Who provides a domain where, with which products, and the distribution of cost per volume
 * unit (annual cost ÷ volume). Pure.
 */
export function summariseDomain(items: readonly Sourcing[]): DomainSummary {
  const byModel = countBy(items, (item) => item.operatingModel);
  const byProvider = countBy(items, (item) => item.provider?.id);
  const byProduct = countBy(items, (item) => item.product?.id);
  const unitCosts = items
    .filter((item) => item.annualCost !== null && item.volume !== null && item.volume > 0)
    .map((item) => (item.annualCost ?? 0) / (item.volume ?? 1));
  return {
    kommunen: new Set(items.map((item) => item.organisation.ags)).size,
    totalCost: items.reduce((sum, item) => sum + (item.annualCost ?? 0), 0),
    byOperatingModel: [...byModel]
      .map(([operatingModel, group]) => ({ operatingModel, count: group.length }))
      .sort((a, b) => b.count - a.count),
    byProvider: [...byProvider]
      .map(([providerId, group]) => ({
        providerId,
        shortName: group[0]?.provider?.shortName ?? providerId,
        count: group.length,
        cost: group.reduce((sum, item) => sum + (item.annualCost ?? 0), 0),
      }))
      .sort((a, b) => b.count - a.count || a.shortName.localeCompare(b.shortName, "de")),
    byProduct: [...byProduct]
      .map(([productId, group]) => ({
        productId,
        name: group[0]?.product?.name ?? productId,
        count: group.length,
      }))
      .sort((a, b) => b.count - a.count),
    costPerUnit: distribution(unitCosts),
    demo: items.some((item) => item.demo),
  };
}
