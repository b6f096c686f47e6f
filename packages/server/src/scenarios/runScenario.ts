import {
  findScenario,
  loadLandscapeFacts,
  type Database,
  type ScenarioResultRecord,
} from "@it-atlas/db";
import {
  buildScenarioInput,
  manualPlan,
  NotFoundError,
  toResultPlan,
  type BuiltScenario,
  type ScenarioModel,
  type SolvedPlan,
  type Scenario,
} from "@it-atlas/domain";
import {
  ScenarioInput,
  solveScenario,
  type MipSolver,
  type ScenarioPlan,
  type ScenarioSolveResult,
} from "@it-atlas/solver";

/** Settings of scenario runs (tests pass an in-process solver and short limits). */
export interface ScenarioRunOptions {
  /** Defaults to HiGHS in the process-wide worker pool (HighsWorkerPool, 2 threads). */
  solver?: MipSolver;
  timeLimitSeconds?: number;
  relativeGap?: number;
  /** Time for all re-solves of „Preis der Vorgabe“ together; default `timeLimitSeconds`. */
  constraintPriceSeconds?: number;
}

/** A built model with the notes of the builder, or the German reasons it cannot be built. */
export type BuiltModel =
  | {
      ok: true;
      scenario: Scenario;
      model: ScenarioModel;
      input: ScenarioInput;
      notes: string[];
      demo: BuiltScenario["demo"];
    }
  | { ok: false; scenario: Scenario; message: string };

/** Loads a scenario and the landscape at its base date and builds the optimiser input. */
export async function buildScenarioModel(db: Database, scenarioId: number): Promise<BuiltModel> {
  const scenario = await findScenario(db, scenarioId);
  if (!scenario) {
    throw new NotFoundError("scenario_not_found", `Es gibt kein Szenario ${scenarioId}.`);
  }
  const facts = await loadLandscapeFacts(db, scenario.definition.baseDate);
  const {
    input: model,
    notes,
    demo,
  } = buildScenarioInput(facts, scenario.definition, scenario.name);
  if (model.demands.length === 0) {
    return {
      ok: false,
      scenario,
      message: `Zum Stichtag ${scenario.definition.baseDate} gibt es im Umfang des Szenarios keine Bezüge.`,
    };
  }
  const parsed = ScenarioInput.safeParse(model);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((issue) => issue.message);
    return { ok: false, scenario, message: `Das Modell ist ungültig: ${issues.join(" ")}` };
  }
  return { ok: true, scenario, model, input: parsed.data, notes, demo };
}

/** The solver's plan with Kommune keys, as the domain's result plan expects. */
export function toSolvedPlan(plan: ScenarioPlan): SolvedPlan {
  return {
    assignments: plan.assignments.map((entry) => ({
      kommuneKey: entry.kommuneId,
      domainId: entry.domainId,
      providerId: entry.providerId,
      currentProviderId: entry.currentProviderId,
    })),
    migrations: plan.migrations.map((migration) => ({
      kommuneKey: migration.kommuneId,
      domainId: migration.domainId,
      fromProviderId: migration.fromProviderId,
      toProviderId: migration.toProviderId,
      oneOffCost: migration.oneOffCost,
    })),
    providerLoads: plan.providerLoads,
    mergers: plan.mergers,
    costPerYear: plan.costPerYear,
  };
}

/** Solves (or, for hand-made scenarios, costs) a built model into the record that is stored. */
export async function solveBuiltModel(
  built: Extract<BuiltModel, { ok: true }>,
  options: ScenarioRunOptions,
): Promise<Omit<ScenarioResultRecord, "jobId">> {
  const { scenario, model, input, notes, demo } = built;
  const base = { scenarioId: scenario.id, definition: scenario.definition };
  if (scenario.definition.mode === "manual") {
    const started = performance.now();
    const chosen = new Map(
      scenario.assignments.map((entry) => [
        `${entry.kommuneKey}|${entry.domainId}`,
        entry.providerId,
      ]),
    );
    const plan = manualPlan(model, chosen);
    if (!Number.isFinite(plan.costPerYear.total)) {
      return {
        ...base,
        status: "infeasible",
        objective: null,
        bound: null,
        gap: null,
        seconds: (performance.now() - started) / 1000,
        plan: null,
        conflicts: [
          "Eine Zuordnung nennt einen Anbieter ohne Angebot im betreffenden Leistungsbereich.",
        ],
        message: null,
      };
    }
    return {
      ...base,
      status: "feasible",
      objective: plan.costPerYear.total,
      bound: null,
      gap: null,
      seconds: (performance.now() - started) / 1000,
      plan: toResultPlan(model, plan, notes, demo),
      conflicts: [],
      message: null,
    };
  }
  const result = await solveScenario(input, {
    ...(options.solver ? { solver: options.solver } : {}),
    timeLimitSeconds: options.timeLimitSeconds ?? 30,
    relativeGap: options.relativeGap ?? 1e-3,
  });
  return toRecord(base, model, notes, demo, result);
}

function toRecord(
  base: Pick<ScenarioResultRecord, "scenarioId" | "definition">,
  model: ScenarioModel,
  notes: string[],
  demo: BuiltScenario["demo"],
  result: ScenarioSolveResult,
): Omit<ScenarioResultRecord, "jobId"> {
  switch (result.status) {
    case "optimal":
    case "feasible":
      return {
        ...base,
        status: result.status,
        objective: result.objective,
        bound: result.bound,
        gap: result.gap,
        seconds: result.seconds,
        plan: toResultPlan(model, toSolvedPlan(result.plan), notes, demo),
        conflicts: [],
        message: null,
      };
    case "infeasible":
      return {
        ...base,
        status: "infeasible",
        objective: null,
        bound: null,
        gap: null,
        seconds: result.seconds,
        plan: null,
        conflicts: result.conflicts,
        message: "Das Szenario ist mit diesen Vorgaben nicht lösbar.",
      };
    case "error":
      return {
        ...base,
        status: "error",
        objective: null,
        bound: null,
        gap: null,
        seconds: result.seconds,
        plan: null,
        conflicts: [],
        message: result.message,
      };
  }
}
