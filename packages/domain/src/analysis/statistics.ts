import { z } from "zod";
import { quantile } from "../landscape/domainSummary.ts";

/**
 * Distribution of cost per unit over the Kommunen of a domain: quartiles by linear
 * interpolation (type 7, as in R and Excel), arithmetic mean and coefficient of variation.
 */
export const CostPerUnitDistribution = z
  .object({
    count: z.number().int(),
    min: z.number(),
    p25: z.number(),
    median: z.number(),
    p75: z.number(),
    max: z.number(),
    mean: z.number(),
    /** Population standard deviation ÷ mean (dimensionless; 0 = every Kommune pays the same). */
    coefficientOfVariation: z.number().nullable(),
  })
  .meta({ id: "CostPerUnitDistribution" });
export type CostPerUnitDistribution = z.infer<typeof CostPerUnitDistribution>;

/** Summary of a list of values, or null for an empty list (non-finite values are ignored). */
export function summariseValues(values: readonly number[]): CostPerUnitDistribution | null {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  const variance = sorted.reduce((sum, value) => sum + (value - mean) ** 2, 0) / sorted.length;
  return {
    count: sorted.length,
    min: sorted[0] ?? 0,
    p25: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    p75: quantile(sorted, 0.75),
    max: sorted[sorted.length - 1] ?? 0,
    mean,
    coefficientOfVariation: mean === 0 ? null : Math.sqrt(variance) / Math.abs(mean),
  };
}
