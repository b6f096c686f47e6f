import { z } from "zod";
import { OperatingModel } from "../landscape/OperatingModel.ts";
import type { Sourcing } from "../landscape/Sourcing.ts";
import { CostCurveFit, fitCostCurve, type CostCurveOptions, type CostPoint } from "./costCurve.ts";
import { groupByDomain } from "./domainConcentration.ts";

/** The cost curve of one domain, fitted to its Kommunen's (volume, running cost) pairs. */
export const DomainCostCurve = z
  .object({
    domainId: z.string(),
    domainName: z.string(),
    volumeUnit: z.string().nullable(),
    /** Operating models whose rows were fitted (empty = all). */
    operatingModels: z.array(OperatingModel),
    /** Null when fewer than three rows have both volume and running cost. */
    fit: CostCurveFit.nullable(),
    demo: z.boolean(),
  })
  .meta({ id: "DomainCostCurve" });
export type DomainCostCurve = z.infer<typeof DomainCostCurve>;

/** (volume, running cost) of the rows that have both, volume > 0. */
export function costPointsOf(rows: readonly Sourcing[]): CostPoint[] {
  return rows.flatMap((row) =>
    row.volume !== null && row.volume > 0 && row.runningCost !== null
      ? [{ volume: row.volume, cost: row.runningCost }]
      : [],
  );
}

/**
 * One fitted cost curve per domain (sorted by name), over the rows of the given operating
 * models (all when empty). Running cost only: investment is kept apart (docs/cost-model.md).
 */
export function fitDomainCostCurves(
  rows: readonly Sourcing[],
  operatingModels: readonly OperatingModel[] = [],
  options: CostCurveOptions = {},
): DomainCostCurve[] {
  const selected =
    operatingModels.length === 0
      ? rows
      : rows.filter((row) => operatingModels.includes(row.operatingModel));
  return [...groupByDomain(selected).values()]
    .map((group) => {
      const first = group[0];
      return {
        domainId: first?.domain.id ?? "",
        domainName: first?.domain.name ?? "",
        volumeUnit: first?.volumeUnit ?? null,
        operatingModels: [...operatingModels],
        fit: fitCostCurve(costPointsOf(group), options),
        demo: group.some((row) => row.demo),
      };
    })
    .sort((a, b) => a.domainName.localeCompare(b.domainName, "de"));
}
