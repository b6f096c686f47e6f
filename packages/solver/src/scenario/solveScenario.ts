import { solveInWorker } from "../highs/solveInWorker.ts";
import { relativeGapOf } from "../flp/solveByCandidates.ts";
import type { MipSolver } from "../mip/MipSolver.ts";
import { decomposeScenario, type DecomposedOutcome } from "./decomposeScenario.ts";
import { explainInfeasibility } from "./explainInfeasibility.ts";
import { indexScenario } from "./indexScenario.ts";
import { interpretSolution } from "./interpretSolution.ts";
import type { ScenarioInput } from "./Scenario.ts";
import type { ScenarioSolveResult } from "./ScenarioPlan.ts";
import type { BlockOutcome } from "./solveBlock.ts";

/** Limits of a scenario solve. */
export interface ScenarioSolveOptions {
  timeLimitSeconds?: number;
  /** "optimal" when (objective − bound) / objective ≤ this. */
  relativeGap?: number;
  /** Defaults to HiGHS in worker threads. */
  solver?: MipSolver;
  /** Blocks solved at once (default 2, one per core). */
  concurrency?: number;
}

/** Merger options are enumerated (2^n solves, cached per block); more would be slow. */
const MAX_MERGER_OPTIONS = 4;

const workerSolver: MipSolver = { solve: solveInWorker };

/**
 * Finds the cheapest plan per year for a scenario, with a proven bound — or names the
 * constraints that make it infeasible. Merger options are decided by enumeration: for each
 * choice of mergers the scenario decomposes into independent blocks (see `decomposeScenario`);
 * the best choice wins and the smallest bound over all choices bounds the whole.
 */
export async function solveScenario(
  input: ScenarioInput,
  options: ScenarioSolveOptions = {},
): Promise<ScenarioSolveResult> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const limit = options.timeLimitSeconds ?? 60;
  // Long solves plan with a margin: on large scenarios the blocks' last heuristic and MIP steps
  // overrun their shares by a few percent (Germany-sized benchmark: 55 s limit, 59.6 s used).
  const deadline = started + (limit > 20 ? limit * 0.92 : limit) * 1000;
  const relativeGap = options.relativeGap ?? 1e-4;
  const solver = options.solver ?? workerSolver;
  const mergerCount = input.constraints.mergers.length;
  if (mergerCount > MAX_MERGER_OPTIONS) {
    return {
      status: "error",
      message: `Höchstens ${MAX_MERGER_OPTIONS} Fusionsoptionen je Szenario (angegeben: ${mergerCount}).`,
      seconds: seconds(),
    };
  }
  const scenario = indexScenario(input);
  const empty = scenario.domains.some((domain) =>
    domain.customers.some((customer) => customer.options.length === 0),
  );
  if (empty) {
    return {
      status: "infeasible",
      conflicts: await explainInfeasibility(input, solver),
      seconds: seconds(),
    };
  }
  const cache = new Map<string, BlockOutcome>();
  const combinations = 2 ** mergerCount;
  let best: { outcome: DecomposedOutcome; mergers: Set<number> } | undefined;
  let bound = Infinity;
  let infeasible = 0;
  let message: string | undefined;
  for (let mask = 0; mask < combinations; mask += 1) {
    const mergers = new Set<number>();
    let oneOff = 0;
    for (let merger = 0; merger < mergerCount; merger += 1) {
      if (!(mask & (1 << merger))) continue;
      mergers.add(merger);
      oneOff += scenario.annuity * (input.constraints.mergers[merger]?.oneOffCost ?? 0);
    }
    const remaining = Math.max(0, deadline - performance.now());
    const outcome = await decomposeScenario(scenario, mergers, {
      solver,
      relativeGap,
      deadline: performance.now() + remaining / (combinations - mask),
      concurrency: options.concurrency ?? 2,
      cache,
    });
    message ??= outcome.message;
    if (outcome.status === "infeasible") {
      infeasible += 1;
      continue;
    }
    bound = Math.min(bound, outcome.bound + oneOff);
    if (outcome.status === "error") continue;
    const total = { ...outcome, objective: outcome.objective + oneOff };
    if (!best || total.objective < best.outcome.objective) best = { outcome: total, mergers };
  }
  if (!best) {
    if (infeasible === combinations) {
      return {
        status: "infeasible",
        conflicts: await explainInfeasibility(input, solver),
        seconds: seconds(),
      };
    }
    return {
      status: "error",
      message: message ?? "Keine zulässige Lösung innerhalb des Zeitlimits gefunden.",
      seconds: seconds(),
    };
  }
  const plan = interpretSolution(scenario, best.outcome.choices, best.mergers);
  const objective = plan.costPerYear.total;
  const finalBound = Math.min(bound, objective);
  const gap = relativeGapOf(objective, finalBound);
  return {
    status: gap <= relativeGap ? "optimal" : "feasible",
    objective,
    bound: finalBound,
    gap,
    seconds: seconds(),
    plan,
    blocks: best.outcome.blocks,
  };
}
