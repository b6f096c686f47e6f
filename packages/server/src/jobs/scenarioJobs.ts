import {
  insertScenarioPareto,
  insertScenarioResult,
  type Database,
  type ScenarioResultRecord,
} from "@it-atlas/db";
import { constraintGroupLabel, type ParetoPoint } from "@it-atlas/domain";
import { priceConstraints, solveScenario, type ScenarioInput } from "@it-atlas/solver";
import {
  buildScenarioModel,
  solveBuiltModel,
  type ScenarioRunOptions,
} from "../scenarios/runScenario.ts";
import type { JobContext, JobHandler } from "./JobRunner.ts";

/** Job kind: solve (or cost) one scenario and store the result. */
export const SCENARIO_SOLVE_JOB_KIND = "scenario.solve";
/** Job kind: re-solve a scenario under migration budgets (savings vs. migrations). */
export const SCENARIO_PARETO_JOB_KIND = "scenario.pareto";

/** Payload of both scenario jobs. */
export interface ScenarioJobPayload {
  scenarioId: number;
}

/** Shares of the unconstrained optimum's migrations tried by the Pareto job (1 = unlimited). */
export const PARETO_SHARES = [0, 0.25, 0.5, 0.75, 1] as const;

/**
 * Awaits `work` while reporting progress about once a second, moving from `from` towards `to`
 * as the expected time passes. Reporting throws JobCancelled when a cancel was requested; the
 * abandoned solve then ends on its own (its result is dropped).
 */
async function withProgress<T>(
  work: Promise<T>,
  context: JobContext,
  range: { from: number; to: number; expectedSeconds: number; text: string },
): Promise<T> {
  const started = performance.now();
  let done = false;
  const settled = work.finally(() => {
    done = true;
  });
  await context.progress(range.from, range.text);
  while (!done) {
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 1000))]);
    if (done) break;
    const elapsed = (performance.now() - started) / 1000;
    const share = Math.min(0.95, elapsed / range.expectedSeconds);
    await context.progress(range.from + (range.to - range.from) * share, range.text);
  }
  return settled;
}

/**
 * Time for all re-solves of „Preis der Vorgabe“ together: as much as the plan's own solve
 * (`timeLimitSeconds`, 30 s by default), shared by the constraint groups (ADR 0023).
 */
export function constraintPriceSeconds(options: ScenarioRunOptions): number {
  return options.constraintPriceSeconds ?? options.timeLimitSeconds ?? 30;
}

async function storeResult(db: Database, record: ScenarioResultRecord): Promise<number> {
  return db.transaction((tx) => insertScenarioResult(tx, record));
}

/** Runs `scenario.solve`: load the landscape, build, solve, store; returns the result id. */
export function scenarioSolveJobHandler(
  db: Database,
  options: ScenarioRunOptions = {},
): JobHandler {
  return {
    kind: SCENARIO_SOLVE_JOB_KIND,
    async run(payload, context) {
      const { scenarioId } = payload as ScenarioJobPayload;
      await context.progress(0.02, "Landkarte zum Stichtag laden");
      const built = await buildScenarioModel(db, scenarioId);
      if (!built.ok) {
        const resultId = await storeResult(db, {
          scenarioId,
          jobId: context.job.id,
          status: "error",
          objective: null,
          bound: null,
          gap: null,
          seconds: 0,
          plan: null,
          conflicts: [],
          message: built.message,
          definition: built.scenario.definition,
        });
        return { resultId, status: "error" };
      }
      const timeLimit = options.timeLimitSeconds ?? 60;
      const optimised = built.scenario.definition.mode === "optimised";
      const record = await withProgress(solveBuiltModel(built, options), context, {
        from: 0.1,
        to: optimised ? 0.6 : 0.95,
        expectedSeconds: Math.min(timeLimit, 10),
        text:
          built.scenario.definition.mode === "manual"
            ? "Zuordnungen bewerten"
            : `Optimieren (${built.input.demands.length} Bezüge)`,
      });
      if (optimised && record.plan && record.objective !== null && record.bound !== null) {
        record.plan.constraintPrices = await priceConstraints(
          built.input,
          { objective: record.objective, bound: record.bound },
          {
            ...(options.solver ? { solver: options.solver } : {}),
            timeLimitSeconds: constraintPriceSeconds(options),
            relativeGap: options.relativeGap ?? 1e-3,
            around: (work, step) =>
              withProgress(work, context, {
                from: 0.6 + (0.35 * step.index) / step.steps,
                to: 0.6 + (0.35 * (step.index + 1)) / step.steps,
                expectedSeconds: Math.max(1, constraintPriceSeconds(options) / step.steps),
                text: `Preis der Vorgabe: ${constraintGroupLabel[step.group]} (${step.index + 1} von ${step.steps})`,
              }),
          },
        );
      }
      await context.progress(0.97, "Ergebnis speichern");
      const resultId = await storeResult(db, { ...record, jobId: context.job.id });
      return { resultId, status: record.status };
    },
  };
}

type SolveOutcome = Awaited<ReturnType<typeof solveScenario>>;

function budgetText(budget: number | null): string {
  if (budget === null) return "Ohne Wechselbudget";
  return budget === 1 ? "Mit höchstens 1 Wechsel" : `Mit höchstens ${budget} Wechseln`;
}

/** German reason of a Pareto point that is not a proven optimum; null when it is. */
export function paretoReason(result: SolveOutcome, budget: number | null): string | null {
  switch (result.status) {
    case "optimal":
      return null;
    case "feasible":
      return `Zeitlimit erreicht: zulässige Lösung, Abstand zum Optimum höchstens ${(
        result.gap * 100
      ).toLocaleString("de-DE", { maximumFractionDigits: 2 })} %.`;
    case "infeasible":
      return `${budgetText(budget)} gibt es keine zulässige Lösung${
        result.conflicts.length > 0 ? `: ${result.conflicts.join(" ")}` : "."
      }`;
    case "error":
      return `${budgetText(budget)} wurde keine Lösung gefunden: ${result.message}`;
  }
}

/**
 * Runs `scenario.pareto`: solves without a migration budget, then with budgets of 0, 25 %,
 * 50 % and 75 % of that optimum's migrations; each point is the best saving reachable. Every
 * budget is stored with its status and, unless proven optimal, a German reason (issue 16).
 */
export function scenarioParetoJobHandler(
  db: Database,
  options: ScenarioRunOptions = {},
): JobHandler {
  return {
    kind: SCENARIO_PARETO_JOB_KIND,
    async run(payload, context) {
      const { scenarioId } = payload as ScenarioJobPayload;
      await context.progress(0.02, "Landkarte zum Stichtag laden");
      const built = await buildScenarioModel(db, scenarioId);
      if (!built.ok) return { paretoId: null, message: built.message };
      const solveOptions = {
        ...(options.solver ? { solver: options.solver } : {}),
        timeLimitSeconds: options.timeLimitSeconds ?? 30,
        relativeGap: options.relativeGap ?? 1e-3,
      };
      const withBudget = (budget: number | null): ScenarioInput => ({
        ...built.input,
        constraints: {
          ...built.input.constraints,
          maxMigrationsPerYear: null,
          maxMigrationsTotal: budget,
        },
      });
      const steps = PARETO_SHARES.length;
      const free = await withProgress(solveScenario(withBudget(null), solveOptions), context, {
        from: 0.05,
        to: 0.05 + 0.9 / steps,
        expectedSeconds: 10,
        text: "Optimum ohne Wechselbudget",
      });
      const unconstrainedMigrations =
        free.status === "optimal" || free.status === "feasible"
          ? free.plan.migrations.length
          : null;
      const points: ParetoPoint[] = [];
      for (const [index, share] of PARETO_SHARES.entries()) {
        if (share !== 1 && unconstrainedMigrations === null) {
          // A budget only adds a constraint: without a plan unconstrained there is none with one.
          points.push({
            budget: null,
            share,
            status: free.status,
            migrations: null,
            savingPerYear: null,
            objective: null,
            reason:
              free.status === "infeasible"
                ? "Nicht eigens berechnet: Schon ohne Wechselbudget gibt es keine zulässige Lösung, ein Budget schränkt nur weiter ein."
                : "Nicht eigens berechnet: Schon ohne Wechselbudget wurde keine Lösung gefunden, ein Budget schränkt nur weiter ein.",
          });
          continue;
        }
        const budget = share === 1 ? null : Math.floor(share * (unconstrainedMigrations ?? 0));
        const result =
          budget === null
            ? free
            : await withProgress(solveScenario(withBudget(budget), solveOptions), context, {
                from: 0.05 + (0.9 * index) / steps,
                to: 0.05 + (0.9 * (index + 1)) / steps,
                expectedSeconds: 10,
                text: `Wechselbudget ${budget}`,
              });
        const solved = result.status === "optimal" || result.status === "feasible";
        points.push({
          budget,
          share,
          status: result.status,
          migrations: solved ? result.plan.migrations.length : null,
          savingPerYear: solved ? result.plan.statusQuoCostPerYear - result.objective : null,
          objective: solved ? result.objective : null,
          reason: paretoReason(result, budget),
        });
      }
      await context.progress(0.97, "Ergebnis speichern");
      const paretoId = await db.transaction((tx) =>
        insertScenarioPareto(tx, { scenarioId, jobId: context.job.id, points }),
      );
      return { paretoId, points: points.length };
    },
  };
}
