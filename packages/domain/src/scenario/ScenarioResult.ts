import { z } from "zod";
import { ConstraintPrice } from "./ConstraintPrice.ts";
import { ScenarioDefinition } from "./ScenarioDefinition.ts";

/** Outcome of a run: proven optimal, feasible (gap open), infeasible, or error. */
export const ScenarioResultStatus = z.enum(["optimal", "feasible", "infeasible", "error"]);
export type ScenarioResultStatus = z.infer<typeof ScenarioResultStatus>;

/** German labels of {@link ScenarioResultStatus}. */
export const scenarioResultStatusLabel: Record<ScenarioResultStatus, string> = {
  optimal: "optimal (bewiesen)",
  feasible: "zulässig (Lücke offen)",
  infeasible: "unlösbar",
  error: "Fehler",
};

const CostPerYear = z.object({
  /** Platform and running cost of providers plus eigener Betrieb. */
  running: z.number().nullable(),
  /** One-off migration (and merger) cost as an annuity over the horizon. */
  migration: z.number().nullable(),
  total: z.number().nullable(),
});

/** The stored, readable plan of a run (money in euro per year unless said otherwise). */
export const ScenarioResultPlan = z
  .object({
    horizonYears: z.number().int(),
    /** Factor turning a one-off cost into cost per year over the horizon. */
    annuity: z.number(),
    costPerYear: CostPerYear,
    /** Ist (status quo) under the same cost model. */
    istCostPerYear: z.number().nullable(),
    savingPerYear: z.number().nullable(),
    /** Sum of one-off migration and merger costs (not annualised). */
    oneOffCost: z.number().nullable(),
    assignments: z.array(
      z.object({
        kommuneKey: z.string(),
        domainId: z.string(),
        providerId: z.string().nullable(),
        currentProviderId: z.string().nullable(),
      }),
    ),
    migrations: z.array(
      z.object({
        kommuneKey: z.string(),
        domainId: z.string(),
        fromProviderId: z.string().nullable(),
        toProviderId: z.string().nullable(),
        oneOffCost: z.number().nullable(),
      }),
    ),
    /** Cost per Kommune: shared provider cost split by volume; own operation; migration annuity. */
    kommunen: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        istCostPerYear: z.number().nullable(),
        planCostPerYear: z.number().nullable(),
        /** The Kommune's figures rest on synthetic facts (its Bezüge or the prices). */
        demo: z.boolean().default(true),
      }),
    ),
    providers: z.array(z.object({ id: z.string(), name: z.string() })),
    domains: z.array(z.object({ id: z.string(), name: z.string() })),
    mergers: z.array(z.string()),
    notes: z.array(z.string()),
    /**
     * The plan rests on synthetic facts (ADR 0021): shown as „Demodaten (synthetisch)“. Plans
     * stored before the flag existed read as true: they were computed while every cost figure
     * of the landscape was synthetic, and were labelled so.
     */
    demo: z.boolean().default(true),
    /**
     * „Preis der Vorgabe“: per constraint group the optimum without it (scenario.solve computes
     * it after the plan); null when not computed (hand-made scenarios, older results).
     */
    constraintPrices: z.array(ConstraintPrice).nullable().default(null),
    /** True when money figures were withheld from this viewer. */
    confidentialHidden: z.boolean(),
  })
  .meta({ id: "ScenarioResultPlan" });
export type ScenarioResultPlan = z.infer<typeof ScenarioResultPlan>;

/** One stored run of a scenario. */
export const ScenarioResult = z
  .object({
    id: z.number().int(),
    scenarioId: z.number().int(),
    jobId: z.number().int().nullable(),
    status: ScenarioResultStatus,
    objective: z.number().nullable(),
    bound: z.number().nullable(),
    gap: z.number().nullable(),
    seconds: z.number(),
    plan: ScenarioResultPlan.nullable(),
    /** German sentences naming the constraints in conflict (infeasible runs). */
    conflicts: z.array(z.string()),
    message: z.string().nullable(),
    definition: ScenarioDefinition,
    createdAt: z.string(),
  })
  .meta({ id: "ScenarioResult" });
export type ScenarioResult = z.infer<typeof ScenarioResult>;

/** One point of the Pareto view: saving per year reachable with at most `budget` migrations. */
export const ParetoPoint = z
  .object({
    /** Migration budget; null = unlimited. */
    budget: z.number().int().nullable(),
    /** Share of the unconstrained optimum's migrations (0–1). */
    share: z.number(),
    status: ScenarioResultStatus,
    migrations: z.number().int().nullable(),
    savingPerYear: z.number().nullable(),
    objective: z.number().nullable(),
    /**
     * Why the point is not a proven optimum, in German (no solution under this budget and the
     * conflicting constraints, time limit, open gap); null when proven optimal. Points stored
     * before it existed read as null.
     */
    reason: z.string().nullable().default(null),
  })
  .meta({ id: "ParetoPoint" });
export type ParetoPoint = z.infer<typeof ParetoPoint>;

/** A stored Pareto analysis of a scenario. */
export const ScenarioPareto = z
  .object({
    id: z.number().int(),
    scenarioId: z.number().int(),
    jobId: z.number().int().nullable(),
    points: z.array(ParetoPoint),
    createdAt: z.string(),
  })
  .meta({ id: "ScenarioPareto" });
export type ScenarioPareto = z.infer<typeof ScenarioPareto>;
