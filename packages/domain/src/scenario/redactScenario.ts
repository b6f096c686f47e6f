import type { Principal } from "../auth/Principal.ts";
import { canSeeConfidential, seesAllConfidential } from "../auth/permissions.ts";
import type { ScenarioComparison } from "./compareScenarios.ts";
import type { ScenarioDefinition } from "./ScenarioDefinition.ts";
import type { ParetoPoint, ScenarioResult } from "./ScenarioResult.ts";

const noMoney = { running: null, migration: null, total: null };

/**
 * Hides scenario costs from viewers who may not see every Kommune's costs: scenario totals
 * aggregate confidential figures of all Kommunen (ADR 0009). Who changes to whom stays visible;
 * a Kommune still sees its own row.
 */
export function redactScenarioResult(principal: Principal, result: ScenarioResult): ScenarioResult {
  if (seesAllConfidential(principal)) return result;
  const plan = result.plan;
  return {
    ...result,
    definition: redactScenarioDefinition(principal, result.definition),
    objective: null,
    bound: null,
    plan: plan && {
      ...plan,
      costPerYear: noMoney,
      istCostPerYear: null,
      savingPerYear: null,
      oneOffCost: null,
      migrations: plan.migrations.map((migration) => ({ ...migration, oneOffCost: null })),
      kommunen: plan.kommunen.map((kommune) =>
        canSeeConfidential(principal, { organisationKey: kommune.key, providerId: null })
          ? kommune
          : { ...kommune, istCostPerYear: null, planCostPerYear: null },
      ),
      confidentialHidden: true,
    },
  };
}

/**
 * Hides the cost curves of a definition from viewers who may not see every Kommune's costs:
 * they are fitted on confidential costs of the landscape (issue 15.3), as at
 * `/api/analysis/cost-curves`. Only KDN and administrators edit scenarios, so a definition
 * saved by an editor always has its curves.
 */
export function redactScenarioDefinition<Definition extends Pick<ScenarioDefinition, "costs">>(
  principal: Principal,
  definition: Definition,
): Definition {
  if (seesAllConfidential(principal) || definition.costs.costCurves.length === 0) return definition;
  return { ...definition, costs: { ...definition.costs, costCurves: [] } };
}

/** {@link redactScenarioResult} for a comparison. */
export function redactComparison(
  principal: Principal,
  comparison: ScenarioComparison,
): ScenarioComparison {
  if (seesAllConfidential(principal)) return comparison;
  return {
    ...comparison,
    columns: comparison.columns.map((column) => ({
      ...column,
      objective: null,
      bound: null,
      costPerYear: noMoney,
      totalOverHorizon: null,
      savingPerYear: null,
      savingOverHorizon: null,
      oneOffCost: null,
    })),
    kommunen: comparison.kommunen.map((kommune) =>
      canSeeConfidential(principal, { organisationKey: kommune.key, providerId: null })
        ? kommune
        : {
            ...kommune,
            istCostPerYear: null,
            scenarios: kommune.scenarios.map((entry) => ({
              ...entry,
              planCostPerYear: null,
              deltaPerYear: null,
            })),
          },
    ),
    confidentialHidden: true,
  };
}

/** {@link redactScenarioResult} for Pareto points. */
export function redactParetoPoints(principal: Principal, points: ParetoPoint[]): ParetoPoint[] {
  if (seesAllConfidential(principal)) return points;
  return points.map((point) => ({ ...point, savingPerYear: null, objective: null }));
}
