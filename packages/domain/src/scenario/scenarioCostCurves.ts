import type { DomainCostCurve } from "../analysis/domainCostCurves.ts";
import type { ScenarioCostCurve } from "./ScenarioDefinition.ts";

/**
 * The landscape's fitted cost curves (`fitDomainCostCurves`) as a scenario's cost curves: one
 * per domain with a fit, fixed cost and segments unchanged, with R², the number of rows and the
 * demo flag as the source. Domains without a fit (fewer than three rows) get none, so their
 * providers keep the landscape's offer prices. Segments whose upper end does not rise (possible
 * with tied volume quantiles) are merged into the next, keeping the curve as fitted.
 */
export function scenarioCostCurvesFromFits(
  curves: readonly DomainCostCurve[],
  asOf: string,
): ScenarioCostCurve[] {
  return curves.flatMap((curve) => {
    const { fit } = curve;
    if (!fit || fit.segments.length === 0) return [];
    const segments: ScenarioCostCurve["segments"] = [];
    let lastUpTo = 0;
    fit.segments.forEach((segment, index) => {
      const isLast = index === fit.segments.length - 1;
      if (!isLast && (segment.upTo === null || segment.upTo <= lastUpTo)) return;
      segments.push({
        upTo: isLast ? null : segment.upTo,
        costPerUnit: Math.max(0, segment.costPerUnit),
      });
      lastUpTo = segment.upTo ?? lastUpTo;
    });
    return [
      {
        domainId: curve.domainId,
        fixedCost: Math.max(0, fit.fixedCost),
        segments,
        source: {
          kind: "fit" as const,
          asOf,
          rSquared: fit.rSquared,
          points: fit.points,
          demo: curve.demo,
        },
      },
    ];
  });
}
