import {
  annuityFactor,
  costPerKommune,
  costScenarioPlan,
  type PlanAssignment,
  type PlanMigration,
  type PlanProviderLoad,
} from "./costScenarioPlan.ts";
import type { BuiltScenario } from "./buildScenarioInput.ts";
import type { ScenarioModel } from "./ScenarioModel.ts";
import type { ScenarioResultPlan } from "./ScenarioResult.ts";

/** The parts of a solved plan the result needs (the solver's `ScenarioPlan`, with Kommune keys). */
export interface SolvedPlan {
  assignments: PlanAssignment[];
  migrations: PlanMigration[];
  providerLoads: PlanProviderLoad[];
  mergers: string[];
  costPerYear: { running: number; migration: number; total: number };
}

/**
 * The stored plan of a run: cost per year against Ist under the same model, one-off costs,
 * and cost per Kommune (for the impact table and the map diff).
 */
export function toResultPlan(
  model: ScenarioModel,
  plan: SolvedPlan,
  notes: string[],
  demo: BuiltScenario["demo"] = { kommuneKeys: [], prices: false },
): ScenarioResultPlan {
  const demoKommunen = new Set(demo.kommuneKeys);
  const annuity = annuityFactor(model.horizonYears, model.discountRate);
  const ist = costScenarioPlan(model);
  const istPerKommune = costPerKommune(model, ist.assignments, ist.providerLoads, [], annuity);
  const planPerKommune = costPerKommune(
    model,
    plan.assignments,
    plan.providerLoads,
    plan.migrations,
    annuity,
  );
  const mergerCost = model.constraints.mergers
    .filter((merger) => plan.mergers.includes(merger.id))
    .reduce((sum, merger) => sum + merger.oneOffCost, 0);
  const oneOff = plan.migrations.reduce((sum, migration) => sum + migration.oneOffCost, 0);
  const used = new Set(
    plan.assignments.flatMap((entry) => [entry.providerId, entry.currentProviderId]),
  );
  return {
    horizonYears: model.horizonYears,
    annuity,
    costPerYear: { ...plan.costPerYear },
    istCostPerYear: ist.running,
    savingPerYear: ist.running - plan.costPerYear.total,
    oneOffCost: oneOff + mergerCost,
    assignments: plan.assignments,
    migrations: plan.migrations,
    kommunen: model.kommunen.map((kommune) => ({
      key: kommune.id,
      name: kommune.name,
      istCostPerYear: istPerKommune.get(kommune.id) ?? 0,
      planCostPerYear: planPerKommune.get(kommune.id) ?? 0,
      demo: demo.prices || demoKommunen.has(kommune.id),
    })),
    providers: model.providers.filter((provider) => used.has(provider.id)),
    domains: model.domains.map((domain) => ({ id: domain.id, name: domain.name })),
    mergers: plan.mergers,
    notes,
    demo: demo.prices || demoKommunen.size > 0,
    constraintPrices: null,
    confidentialHidden: false,
  };
}

/**
 * The plan of a hand-made scenario: the given assignments (others keep Ist), costed without
 * an optimiser. Mergers do not apply to hand-made plans.
 */
export function manualPlan(
  model: ScenarioModel,
  chosen: ReadonlyMap<string, string | null>,
): SolvedPlan {
  const costed = costScenarioPlan(model, chosen);
  const annuity = annuityFactor(model.horizonYears, model.discountRate);
  const migration = costed.oneOff * annuity;
  return {
    assignments: costed.assignments,
    migrations: costed.migrations,
    providerLoads: costed.providerLoads,
    mergers: [],
    costPerYear: { running: costed.running, migration, total: costed.running + migration },
  };
}
