import { z } from "zod";
import type { Sourcing } from "./Sourcing.ts";

/** Five-number summary of a distribution. */
export const Distribution = z
  .object({
    count: z.number().int(),
    /** Extremes are single Kommunen's values: hidden (null) from viewers without full access. */
    min: z.number().nullable(),
    p25: z.number(),
    median: z.number(),
    p75: z.number(),
    max: z.number().nullable(),
  })
  .meta({ id: "Distribution" });
export type Distribution = z.infer<typeof Distribution>;

/** How a domain is provided across the Kommunen in scope, as of one day. */
export const DomainSummary = z
  .object({
    kommunen: z.number().int(),
    totalCost: z.number().nullable(),
    byOperatingModel: z.array(z.object({ operatingModel: z.string(), count: z.number().int() })),
    byProvider: z.array(
      z.object({
        providerId: z.string(),
        shortName: z.string(),
        count: z.number().int(),
        cost: z.number().nullable(),
      }),
    ),
    byProduct: z.array(
      z.object({ productId: z.string(), name: z.string(), count: z.number().int() }),
    ),
    costPerUnit: Distribution.nullable(),
    demo: z.boolean(),
    /** True when cost aggregates of groups smaller than the minimum are hidden. */
    restricted: z.boolean(),
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
 * unit (annual cost ÷ volume). Pure. With `restricted` (a viewer without access to every
 * Kommune's costs) cost aggregates over fewer than `minGroup` Kommunen and the extremes of the
 * distribution are withheld, so that no single Kommune's cost can be read off.
 */
export function summariseDomain(
  items: readonly Sourcing[],
  options: { restricted?: boolean; minGroup?: number } = {},
): DomainSummary {
  const restricted = options.restricted ?? false;
  const minGroup = options.minGroup ?? 3;
  const byModel = countBy(items, (item) => item.operatingModel);
  const byProvider = countBy(items, (item) => item.provider?.id);
  const byProduct = countBy(items, (item) => item.product?.id);
  const unitCosts = items
    .filter((item) => item.annualCost !== null && item.volume !== null && item.volume > 0)
    .map((item) => (item.annualCost ?? 0) / (item.volume ?? 1));
  const kommunen = new Set(items.map((item) => item.organisation.ags)).size;
  const allowed = (groupSize: number) => !restricted || groupSize >= minGroup;
  const spread = distribution(unitCosts);
  return {
    kommunen,
    totalCost: allowed(kommunen)
      ? items.reduce((sum, item) => sum + (item.annualCost ?? 0), 0)
      : null,
    byOperatingModel: [...byModel]
      .map(([operatingModel, group]) => ({ operatingModel, count: group.length }))
      .sort((a, b) => b.count - a.count),
    byProvider: [...byProvider]
      .map(([providerId, group]) => ({
        providerId,
        shortName: group[0]?.provider?.shortName ?? providerId,
        count: group.length,
        cost: allowed(new Set(group.map((item) => item.organisation.ags)).size)
          ? group.reduce((sum, item) => sum + (item.annualCost ?? 0), 0)
          : null,
      }))
      .sort((a, b) => b.count - a.count || a.shortName.localeCompare(b.shortName, "de")),
    byProduct: [...byProduct]
      .map(([productId, group]) => ({
        productId,
        name: group[0]?.product?.name ?? productId,
        count: group.length,
      }))
      .sort((a, b) => b.count - a.count),
    costPerUnit:
      spread && restricted
        ? spread.count >= minGroup
          ? { ...spread, min: null, max: null }
          : null
        : spread,
    demo: items.some((item) => item.demo),
    restricted,
  };
}
