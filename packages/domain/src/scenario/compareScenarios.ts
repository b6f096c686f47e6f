import { z } from "zod";
import { ConstraintPrice } from "./ConstraintPrice.ts";
import type { ScenarioResult, ScenarioResultPlan } from "./ScenarioResult.ts";
import { ScenarioResultStatus } from "./ScenarioResult.ts";

const money = z.number().nullable();

/** One column of a comparison: Ist or a scenario's latest result. */
export const ComparisonColumn = z
  .object({
    /** null = Ist. */
    scenarioId: z.number().int().nullable(),
    name: z.string(),
    status: ScenarioResultStatus.nullable(),
    objective: money,
    bound: money,
    gap: z.number().nullable(),
    costPerYear: z.object({ running: money, migration: money, total: money }),
    /** Running cost × horizon + one-off costs (undiscounted). */
    totalOverHorizon: money,
    savingPerYear: money,
    savingOverHorizon: money,
    oneOffCost: money,
    migrations: z.number().int(),
    affectedKommunen: z.number().int(),
    providersPerDomain: z.array(z.object({ domainId: z.string(), count: z.number().int() })),
  })
  .meta({ id: "ComparisonColumn" });
export type ComparisonColumn = z.infer<typeof ComparisonColumn>;

/** Impact of the scenarios on one Kommune. */
export const ComparisonKommune = z
  .object({
    key: z.string(),
    name: z.string(),
    istCostPerYear: money,
    scenarios: z.array(
      z.object({
        scenarioId: z.number().int(),
        planCostPerYear: money,
        deltaPerYear: money,
        changesProvider: z.boolean(),
        /** Domains in which the Kommune changes provider, e.g. "einwohnerwesen". */
        changedDomains: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: "ComparisonKommune" });
export type ComparisonKommune = z.infer<typeof ComparisonKommune>;

/** Scenarios side by side with Ist. */
export const ScenarioComparison = z
  .object({
    horizonYears: z.number().int(),
    columns: z.array(ComparisonColumn),
    domains: z.array(z.object({ id: z.string(), name: z.string() })),
    providers: z.array(z.object({ id: z.string(), name: z.string() })),
    kommunen: z.array(ComparisonKommune),
    notes: z.array(z.string()),
    /** „Preis der Vorgabe“ of each compared scenario (prices null = not computed). */
    constraintPrices: z.array(
      z.object({ scenarioId: z.number().int(), prices: z.array(ConstraintPrice).nullable() }),
    ),
    confidentialHidden: z.boolean(),
  })
  .meta({ id: "ScenarioComparison" });
export type ScenarioComparison = z.infer<typeof ScenarioComparison>;

/** Ist as the comparison needs it: cost per year, who serves whom today, cost per Kommune. */
export interface ScenarioIst {
  horizonYears: number;
  costPerYear: number;
  assignments: Array<{ kommuneKey: string; domainId: string; providerId: string | null }>;
  kommunen: Array<{ key: string; name: string; costPerYear: number }>;
  domains: Array<{ id: string; name: string }>;
  providers: Array<{ id: string; name: string }>;
}

/** A scenario and its result to compare. */
export interface ComparedScenario {
  scenarioId: number;
  name: string;
  result: Pick<ScenarioResult, "status" | "objective" | "bound" | "gap" | "plan">;
}

/** Ist as stored with a plan (every run keeps Ist under its own cost model). */
export function istFromPlan(plan: ScenarioResultPlan): ScenarioIst {
  return {
    horizonYears: plan.horizonYears,
    costPerYear: plan.istCostPerYear ?? 0,
    assignments: plan.assignments.map((entry) => ({
      kommuneKey: entry.kommuneKey,
      domainId: entry.domainId,
      providerId: entry.currentProviderId,
    })),
    kommunen: plan.kommunen.map((kommune) => ({
      key: kommune.key,
      name: kommune.name,
      costPerYear: kommune.istCostPerYear ?? 0,
    })),
    domains: plan.domains,
    providers: plan.providers,
  };
}

function providersPerDomain(
  assignments: ReadonlyArray<{ domainId: string; providerId: string | null }>,
  domainIds: readonly string[],
) {
  const sets = new Map(domainIds.map((id) => [id, new Set<string>()]));
  for (const assignment of assignments) {
    if (assignment.providerId === null) continue;
    sets.get(assignment.domainId)?.add(assignment.providerId);
  }
  return domainIds.map((domainId) => ({ domainId, count: sets.get(domainId)?.size ?? 0 }));
}

/**
 * Compares scenarios with Ist: cost per year and over the horizon, savings, one-off costs,
 * migrations and affected Kommunen, providers per domain, and per Kommune the cost change and
 * whether it changes provider (the map diff). Scenarios without a plan (infeasible, error)
 * appear with their status and without figures. Pure.
 */
export function compareScenarios(
  ist: ScenarioIst,
  scenarios: readonly ComparedScenario[],
): ScenarioComparison {
  const domainIds = ist.domains.map((domain) => domain.id);
  const horizon = ist.horizonYears;
  const notes: string[] = [];
  const providerNames = new Map(ist.providers.map((provider) => [provider.id, provider.name]));
  const columns: ComparisonColumn[] = [
    {
      scenarioId: null,
      name: "Ist",
      status: null,
      objective: null,
      bound: null,
      gap: null,
      costPerYear: { running: ist.costPerYear, migration: 0, total: ist.costPerYear },
      totalOverHorizon: ist.costPerYear * horizon,
      savingPerYear: 0,
      savingOverHorizon: 0,
      oneOffCost: 0,
      migrations: 0,
      affectedKommunen: 0,
      providersPerDomain: providersPerDomain(ist.assignments, domainIds),
    },
  ];
  const changed = new Map<number, Map<string, string[]>>();
  const planCosts = new Map<number, Map<string, number>>();
  for (const scenario of scenarios) {
    const plan = scenario.result.plan;
    if (plan && plan.horizonYears !== horizon) {
      notes.push(
        `„${scenario.name}“ rechnet mit ${plan.horizonYears} statt ${horizon} Jahren; die Summen über den Zeitraum sind nicht direkt vergleichbar.`,
      );
    }
    const byKommune = new Map<string, string[]>();
    for (const migration of plan?.migrations ?? []) {
      const list = byKommune.get(migration.kommuneKey) ?? [];
      list.push(migration.domainId);
      byKommune.set(migration.kommuneKey, list);
    }
    changed.set(scenario.scenarioId, byKommune);
    planCosts.set(
      scenario.scenarioId,
      new Map((plan?.kommunen ?? []).map((kommune) => [kommune.key, kommune.planCostPerYear ?? 0])),
    );
    for (const provider of plan?.providers ?? []) providerNames.set(provider.id, provider.name);
    const running = plan?.costPerYear.running ?? null;
    const total = plan?.costPerYear.total ?? null;
    const oneOff = plan?.oneOffCost ?? null;
    const overHorizon =
      running === null || oneOff === null
        ? null
        : running * (plan?.horizonYears ?? horizon) + oneOff;
    columns.push({
      scenarioId: scenario.scenarioId,
      name: scenario.name,
      status: scenario.result.status,
      objective: scenario.result.objective,
      bound: scenario.result.bound,
      gap: scenario.result.gap,
      costPerYear: { running, migration: plan?.costPerYear.migration ?? null, total },
      totalOverHorizon: overHorizon,
      savingPerYear: total === null ? null : ist.costPerYear - total,
      savingOverHorizon: overHorizon === null ? null : ist.costPerYear * horizon - overHorizon,
      oneOffCost: oneOff,
      migrations: plan?.migrations.length ?? 0,
      affectedKommunen: byKommune.size,
      providersPerDomain: plan ? providersPerDomain(plan.assignments, domainIds) : [],
    });
  }
  const kommunen: ComparisonKommune[] = ist.kommunen.map((kommune) => ({
    key: kommune.key,
    name: kommune.name,
    istCostPerYear: kommune.costPerYear,
    scenarios: scenarios.map((scenario) => {
      const hasPlan = scenario.result.plan !== null;
      const planCost = hasPlan
        ? (planCosts.get(scenario.scenarioId)?.get(kommune.key) ?? kommune.costPerYear)
        : null;
      const domains = changed.get(scenario.scenarioId)?.get(kommune.key) ?? [];
      return {
        scenarioId: scenario.scenarioId,
        planCostPerYear: planCost,
        deltaPerYear: planCost === null ? null : planCost - kommune.costPerYear,
        changesProvider: domains.length > 0,
        changedDomains: domains,
      };
    }),
  }));
  return {
    horizonYears: horizon,
    columns,
    domains: ist.domains,
    providers: [...providerNames].map(([id, name]) => ({ id, name })),
    kommunen,
    notes,
    constraintPrices: scenarios.map((scenario) => ({
      scenarioId: scenario.scenarioId,
      prices: scenario.result.plan?.constraintPrices ?? null,
    })),
    confidentialHidden: false,
  };
}
