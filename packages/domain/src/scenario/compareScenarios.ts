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
    /** Ist of this column's own scope (the savings are measured against it). */
    istCostPerYear: money,
    /** How many Kommunen and Leistungsbereiche the column's scope holds. */
    scope: z.object({ kommunen: z.number().int(), domains: z.number().int() }),
    /** Running cost × horizon + one-off costs (undiscounted). */
    totalOverHorizon: money,
    savingPerYear: money,
    savingOverHorizon: money,
    oneOffCost: money,
    migrations: z.number().int(),
    affectedKommunen: z.number().int(),
    providersPerDomain: z.array(z.object({ domainId: z.string(), count: z.number().int() })),
    /** The column's figures rest on synthetic facts („Demodaten (synthetisch)“, ADR 0021). */
    demo: z.boolean(),
  })
  .meta({ id: "ComparisonColumn" });
export type ComparisonColumn = z.infer<typeof ComparisonColumn>;

/** Impact of the scenarios on one Kommune. */
export const ComparisonKommune = z
  .object({
    key: z.string(),
    name: z.string(),
    istCostPerYear: money,
    /** Any of the Kommune's figures rests on synthetic facts. */
    demo: z.boolean(),
    scenarios: z.array(
      z.object({
        scenarioId: z.number().int(),
        /** False when the Kommune is outside this scenario's scope (no figures then). */
        inScope: z.boolean(),
        /** The Kommune's Ist in this scenario's scope. */
        istCostPerYear: money,
        planCostPerYear: money,
        deltaPerYear: money,
        changesProvider: z.boolean(),
        /** Domains in which the Kommune changes provider, e.g. "einwohnerwesen". */
        changedDomains: z.array(z.string()),
        /** Every change: from → to provider per domain (null = eigener Betrieb). */
        changes: z.array(
          z.object({
            domainId: z.string(),
            fromProviderId: z.string().nullable(),
            toProviderId: z.string().nullable(),
          }),
        ),
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
    /** False when the scenarios cover different Kommunen or Leistungsbereiche. */
    sameScope: z.boolean(),
    /** Any figure of the comparison rests on synthetic facts. */
    demo: z.boolean(),
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
  kommunen: Array<{ key: string; name: string; costPerYear: number; demo: boolean }>;
  domains: Array<{ id: string; name: string }>;
  providers: Array<{ id: string; name: string }>;
  /** Ist rests on synthetic facts. */
  demo: boolean;
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
      demo: kommune.demo,
    })),
    domains: plan.domains,
    providers: plan.providers,
    demo: plan.demo,
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

/** The scope of a plan as a comparable key (sorted Kommune keys and domain ids). */
function scopeKey(plan: Pick<ScenarioResultPlan, "kommunen" | "domains">): string {
  return JSON.stringify([
    plan.kommunen.map((kommune) => kommune.key).sort(),
    plan.domains.map((domain) => domain.id).sort(),
  ]);
}

/**
 * Compares scenarios with Ist: cost per year and over the horizon, savings, one-off costs,
 * migrations and affected Kommunen, providers per domain, and per Kommune the cost change and
 * who it changes to (the map diff). Every scenario's saving is measured against the Ist of its
 * own scope (stored with its plan), never against the Ist column, which shows `ist`'s scope;
 * when the scopes differ, `sameScope` is false and a note says so. Scenarios without a plan
 * (infeasible, error) appear with their status and without figures. Pure.
 */
export function compareScenarios(
  ist: ScenarioIst,
  scenarios: readonly ComparedScenario[],
): ScenarioComparison {
  const horizon = ist.horizonYears;
  const notes: string[] = [];
  const providerNames = new Map(ist.providers.map((provider) => [provider.id, provider.name]));
  const domains = new Map(ist.domains.map((domain) => [domain.id, domain.name]));
  for (const scenario of scenarios) {
    for (const domain of scenario.result.plan?.domains ?? []) domains.set(domain.id, domain.name);
  }
  const domainIds = [...domains.keys()];
  const istScope = JSON.stringify([
    ist.kommunen.map((kommune) => kommune.key).sort(),
    ist.domains.map((domain) => domain.id).sort(),
  ]);
  const plans = scenarios.flatMap((scenario) => (scenario.result.plan ? [scenario] : []));
  const sameScope = plans.every((scenario) => scopeKey(scenario.result.plan!) === istScope);
  const columns: ComparisonColumn[] = [
    {
      scenarioId: null,
      name: sameScope ? "Ist" : `Ist (Umfang von „${plans[0]?.name ?? ""}“)`,
      status: null,
      objective: null,
      bound: null,
      gap: null,
      costPerYear: { running: ist.costPerYear, migration: 0, total: ist.costPerYear },
      istCostPerYear: ist.costPerYear,
      scope: { kommunen: ist.kommunen.length, domains: ist.domains.length },
      totalOverHorizon: ist.costPerYear * horizon,
      savingPerYear: 0,
      savingOverHorizon: 0,
      oneOffCost: 0,
      migrations: 0,
      affectedKommunen: 0,
      providersPerDomain: providersPerDomain(ist.assignments, domainIds),
      demo: ist.demo,
    },
  ];
  if (!sameScope) {
    const scopes = plans
      .map(
        (scenario) =>
          `„${scenario.name}“: ${scenario.result.plan!.kommunen.length} Kommunen, ${scenario.result.plan!.domains.length} Leistungsbereiche`,
      )
      .join("; ");
    notes.push(
      `Die Szenarien haben unterschiedlichen Umfang (${scopes}). Jede Einsparung ist gegen das Ist im eigenen Umfang gerechnet; die Spalte „Ist“ zeigt den Umfang des ersten Szenarios. Kosten und Einsparungen verschiedener Umfänge sind nicht direkt vergleichbar.`,
    );
  }
  type Change = { domainId: string; fromProviderId: string | null; toProviderId: string | null };
  const changed = new Map<number, Map<string, Change[]>>();
  const perKommune = new Map<number, Map<string, { ist: number; plan: number; demo: boolean }>>();
  for (const scenario of scenarios) {
    const plan = scenario.result.plan;
    if (plan && plan.horizonYears !== horizon) {
      notes.push(
        `„${scenario.name}“ rechnet mit ${plan.horizonYears} statt ${horizon} Jahren; die Summen über den Zeitraum sind nicht direkt vergleichbar.`,
      );
    }
    const byKommune = new Map<string, Change[]>();
    for (const migration of plan?.migrations ?? []) {
      const list = byKommune.get(migration.kommuneKey) ?? [];
      list.push({
        domainId: migration.domainId,
        fromProviderId: migration.fromProviderId,
        toProviderId: migration.toProviderId,
      });
      byKommune.set(migration.kommuneKey, list);
    }
    changed.set(scenario.scenarioId, byKommune);
    perKommune.set(
      scenario.scenarioId,
      new Map(
        (plan?.kommunen ?? []).map((kommune) => [
          kommune.key,
          {
            ist: kommune.istCostPerYear ?? 0,
            plan: kommune.planCostPerYear ?? 0,
            demo: kommune.demo,
          },
        ]),
      ),
    );
    for (const provider of plan?.providers ?? []) providerNames.set(provider.id, provider.name);
    const running = plan?.costPerYear.running ?? null;
    const total = plan?.costPerYear.total ?? null;
    const oneOff = plan?.oneOffCost ?? null;
    const ownIst = plan?.istCostPerYear ?? null;
    const ownHorizon = plan?.horizonYears ?? horizon;
    const overHorizon = running === null || oneOff === null ? null : running * ownHorizon + oneOff;
    columns.push({
      scenarioId: scenario.scenarioId,
      name: scenario.name,
      status: scenario.result.status,
      objective: scenario.result.objective,
      bound: scenario.result.bound,
      gap: scenario.result.gap,
      costPerYear: { running, migration: plan?.costPerYear.migration ?? null, total },
      istCostPerYear: ownIst,
      scope: plan
        ? { kommunen: plan.kommunen.length, domains: plan.domains.length }
        : { kommunen: 0, domains: 0 },
      totalOverHorizon: overHorizon,
      savingPerYear: total === null || ownIst === null ? null : ownIst - total,
      savingOverHorizon:
        overHorizon === null || ownIst === null ? null : ownIst * ownHorizon - overHorizon,
      oneOffCost: oneOff,
      migrations: plan?.migrations.length ?? 0,
      affectedKommunen: byKommune.size,
      providersPerDomain: plan ? providersPerDomain(plan.assignments, domainIds) : [],
      demo: plan?.demo ?? false,
    });
  }
  // Every Kommune of any scope; its Ist is the one of the Ist column, else of the first scope holding it.
  const istByKommune = new Map(
    ist.kommunen.map((kommune) => [
      kommune.key,
      { name: kommune.name, ist: kommune.costPerYear, demo: kommune.demo },
    ]),
  );
  for (const scenario of plans) {
    for (const kommune of scenario.result.plan!.kommunen) {
      if (istByKommune.has(kommune.key)) continue;
      istByKommune.set(kommune.key, {
        name: kommune.name,
        ist: kommune.istCostPerYear ?? 0,
        demo: kommune.demo,
      });
    }
  }
  const kommunen: ComparisonKommune[] = [...istByKommune].map(([key, kommune]) => ({
    key,
    name: kommune.name,
    istCostPerYear: kommune.ist,
    demo:
      kommune.demo ||
      scenarios.some((scenario) => perKommune.get(scenario.scenarioId)?.get(key)?.demo === true),
    scenarios: scenarios.map((scenario) => {
      const own = perKommune.get(scenario.scenarioId)?.get(key);
      const changes = changed.get(scenario.scenarioId)?.get(key) ?? [];
      return {
        scenarioId: scenario.scenarioId,
        inScope: own !== undefined,
        istCostPerYear: own?.ist ?? null,
        planCostPerYear: own?.plan ?? null,
        deltaPerYear: own === undefined ? null : own.plan - own.ist,
        changesProvider: changes.length > 0,
        changedDomains: changes.map((change) => change.domainId),
        changes,
      };
    }),
  }));
  return {
    horizonYears: horizon,
    columns,
    domains: [...domains].map(([id, name]) => ({ id, name })),
    providers: [...providerNames].map(([id, name]) => ({ id, name })),
    kommunen,
    sameScope,
    demo: columns.some((column) => column.demo),
    notes,
    constraintPrices: scenarios.map((scenario) => ({
      scenarioId: scenario.scenarioId,
      prices: scenario.result.plan?.constraintPrices ?? null,
    })),
    confidentialHidden: false,
  };
}
