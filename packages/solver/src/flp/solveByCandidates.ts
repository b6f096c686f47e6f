import type { MipModel } from "../mip/MipModel.ts";
import type { MipSolver } from "../mip/MipSolver.ts";
import {
  lagrangianBound,
  pairLowerBounds,
  type LagrangianBound,
  type PairLinks,
} from "./lagrangianBound.ts";
import type { SparseFacilityLocation } from "./SparseFacilityLocation.ts";

/** A MIP over candidate pairs and the translation between its columns and assignments. */
export interface CandidateModel {
  model: MipModel;
  /** Chosen pair per customer, one array per core. */
  decode(values: Float64Array): Int32Array[];
  /** Column values of a known solution (a MIP start), if every pair of it is a candidate. */
  encode(assignments: Int32Array[]): Float64Array | undefined;
}

/** What {@link solveByCandidates} needs: the cores, their bounds, and how to build the MIP. */
export interface CandidateSearch {
  cores: SparseFacilityLocation[];
  lagrangians: LagrangianBound[];
  /** Pairs that are always candidates (e.g. staying with today's provider). */
  required?: Uint8Array[];
  /** Adds pairs the side constraints need to stay satisfiable; more candidates keep the proof valid. */
  extend?(candidates: Uint8Array[]): void;
  /** Pairs counted by a budget row, and its limit, if the Lagrangians relax one. */
  budget?: { counted: Uint8Array[]; limit: number };
  /** Link rows (couplings) per core, relaxed when the bounds are refined. */
  links?: Array<PairLinks | undefined>;
  build(candidates: Uint8Array[]): CandidateModel;
  /** True cost of assignments (Infinity when they break a constraint). */
  evaluate(assignments: Int32Array[]): number;
  incumbent?: { cost: number; assignments: Int32Array[] };
  solver: MipSolver;
  relativeGap: number;
  /** `performance.now()` time by which to stop. */
  deadline: number;
}

/** Result of the candidate search: objective and a bound that hold for the full problem. */
export interface CandidateOutcome {
  status: "optimal" | "feasible" | "infeasible" | "error";
  objective: number;
  bound: number;
  assignments: Int32Array[] | undefined;
  message: string | undefined;
  rounds: number;
  /** Columns of the last MIP, to report how small the reduced model stayed. */
  columns: number;
}

/**
 * Solves the problem on candidate pairs and proves the result for all pairs. Each pair p has a
 * Lagrangian lower bound LB_p on every solution that uses it (see `pairLowerBounds`); a pair with
 * LB_p ≥ best objective cannot improve on it and is left out. Per customer at most `k` of the
 * remaining pairs, those with the lowest LB_p, enter the MIP. Every solution of the full
 * problem either uses only candidates — then it costs at least the MIP's dual bound — or uses an
 * excluded pair — then it costs at least min LB_p over excluded pairs. So
 * max(Σ L_d, min(MIP bound, min_excluded LB_p)) is a valid bound for the full problem. While the
 * excluded pairs limit the bound, k grows and the MIP is solved again (Jaillet-style candidate
 * lists with reduced-cost fixing; cf. Beasley 1993 for Lagrangian fixing in location problems).
 */
export async function solveByCandidates(search: CandidateSearch): Promise<CandidateOutcome> {
  const { cores, solver, relativeGap, deadline } = search;
  const lagrangians = [...search.lagrangians];
  let incumbent = search.incumbent;
  let rounds = 0;
  let columns = 0;
  // Without an incumbent nothing can be fixed yet: a first, small MIP (one pair per customer
  // plus the required ones) looks for any good solution to fix against.
  let bootstrap = !incumbent;
  let perCustomer = bootstrap ? 1 : 4;
  let lastBound = -Infinity;
  let message: string | undefined;
  const initialBound = lagrangians.reduce((sum, lagrangian) => sum + lagrangian.bound, 0);
  if (incumbent && relativeGapOf(incumbent.cost, initialBound) <= relativeGap) {
    // The bound already proves the heuristic's plan: no MIP needed.
    return {
      status: "optimal",
      objective: incumbent.cost,
      bound: initialBound,
      assignments: incumbent.assignments,
      message,
      rounds,
      columns,
    };
  }
  for (;;) {
    rounds += 1;
    const lagrangianTotal = lagrangians.reduce((sum, lagrangian) => sum + lagrangian.bound, 0);
    if (lagrangianTotal === Infinity) {
      return {
        status: "infeasible",
        objective: Infinity,
        bound: Infinity,
        assignments: undefined,
        message,
        rounds,
        columns,
      };
    }
    const upper = incumbent?.cost ?? Infinity;
    const selection = selectCandidates(
      search,
      lagrangians,
      lagrangianTotal,
      upper,
      perCustomer,
      incumbent?.assignments,
    );
    search.extend?.(selection.candidates);
    const candidateModel = search.build(selection.candidates);
    columns = candidateModel.model.columnCount;
    const start = incumbent ? candidateModel.encode(incumbent.assignments) : undefined;
    const secondsLeft = (deadline - performance.now()) / 1000;
    if (secondsLeft < 0.05 && incumbent) {
      const bound = Math.max(lagrangianTotal, lastBound);
      return {
        status: relativeGapOf(incumbent.cost, bound) <= relativeGap ? "optimal" : "feasible",
        objective: incumbent.cost,
        bound,
        assignments: incumbent.assignments,
        message,
        rounds,
        columns,
      };
    }
    const result = await solver.solve(candidateModel.model, {
      // Without any solution yet, a little over the deadline is better than nothing.
      timeLimitSeconds: incumbent
        ? Math.max(0.05, secondsLeft)
        : Math.max(1, bootstrap ? secondsLeft / 4 : secondsLeft),
      relativeGap: bootstrap ? Math.max(relativeGap, 0.005) : relativeGap / 2,
      ...(start ? { start } : {}),
    });
    let mipBound = -Infinity;
    if (result.status === "optimal" || result.status === "feasible") {
      mipBound = result.bound;
      const assignments = candidateModel.decode(result.values);
      const cost = search.evaluate(assignments);
      if (cost < (incumbent?.cost ?? Infinity)) incumbent = { cost, assignments };
    } else if (result.status === "infeasible") {
      mipBound = Infinity;
    } else if (result.status === "no-solution") {
      mipBound = result.bound;
    } else if (result.status === "error") {
      message = result.message;
    }
    const bound = Math.max(lagrangianTotal, Math.min(mipBound, selection.excludedBound), lastBound);
    lastBound = bound;
    const objective = incumbent?.cost ?? Infinity;
    if (!incumbent) {
      if (selection.excludedBound === Infinity && mipBound === Infinity) {
        return {
          status: "infeasible",
          objective,
          bound: Infinity,
          assignments: undefined,
          message,
          rounds,
          columns,
        };
      }
      if (result.status === "error") {
        return {
          status: "error",
          objective,
          bound,
          assignments: undefined,
          message,
          rounds,
          columns,
        };
      }
    }
    const gap = relativeGapOf(objective, bound);
    const timeLeft = deadline - performance.now() > 1000;
    if (incumbent && gap <= relativeGap) {
      return {
        status: "optimal",
        objective,
        bound,
        assignments: incumbent.assignments,
        message,
        rounds,
        columns,
      };
    }
    const exclusionLimits =
      selection.excludedBound <= mipBound && selection.excludedBound < objective;
    const growing = bootstrap || exclusionLimits;
    if (!timeLeft || result.status === "error" || !growing) {
      const status = incumbent ? "feasible" : "error";
      return {
        status,
        objective,
        bound,
        assignments: incumbent?.assignments,
        message,
        rounds,
        columns,
      };
    }
    perCustomer = bootstrap && incumbent ? 4 : perCustomer * 3;
    bootstrap = false;
    // A better incumbent sharpens the Polyak steps: tighten the bounds a little more.
    for (let index = 0; index < cores.length; index += 1) {
      const core = cores[index];
      const previous = lagrangians[index];
      if (!core || !previous) continue;
      const share = objective - (lagrangianTotal - previous.bound);
      const counted = search.budget?.counted[index];
      const links = search.links?.[index];
      const again = lagrangianBound(core, {
        upperBound: share,
        start: previous.multipliers,
        budgetMultiplierStart: previous.budgetMultiplier,
        maxIterations: links ? 300 : 100,
        ...(links ? { links } : {}),
        ...(counted && search.budget ? { budget: { counted, limit: search.budget.limit } } : {}),
        timeLimitSeconds: Math.max(0.1, (deadline - performance.now()) / 4000),
      });
      if (again.bound > previous.bound) lagrangians[index] = again;
    }
  }
}

/** (objective − bound) / |objective|, 0 when both are equal (also when both are 0). */
export function relativeGapOf(objective: number, bound: number): number {
  if (objective === bound) return 0;
  if (!Number.isFinite(objective) || !Number.isFinite(bound)) return Infinity;
  return Math.max(0, (objective - bound) / Math.max(Math.abs(objective), 1e-9));
}

interface Selection {
  candidates: Uint8Array[];
  excludedBound: number;
}

function selectCandidates(
  search: CandidateSearch,
  lagrangians: LagrangianBound[],
  total: number,
  upper: number,
  perCustomer: number,
  incumbent: Int32Array[] | undefined,
): Selection {
  let excludedBound = Infinity;
  const candidates = search.cores.map((core, index) => {
    const lagrangian = lagrangians[index];
    const candidate = search.required?.[index]?.slice() ?? new Uint8Array(core.pairCost.length);
    if (!lagrangian) return candidate.fill(1);
    // The incumbent's pairs stay in: the MIP can start from it and never does worse.
    for (const pair of incumbent?.[index] ?? []) if (pair >= 0) candidate[pair] = 1;
    const bounds = pairLowerBounds(core, lagrangian, search.budget?.counted[index]);
    const order: number[] = [];
    for (let customer = 0; customer < core.customerCount; customer += 1) {
      const end = core.pairStart[customer + 1] ?? 0;
      order.length = 0;
      for (let pair = core.pairStart[customer] ?? 0; pair < end; pair += 1) {
        if (candidate[pair]) continue;
        // The bound of pair p for the whole problem: other cores contribute their L_d.
        const bound = total + ((bounds[pair] ?? 0) - lagrangian.bound);
        bounds[pair] = bound;
        if (bound < upper) order.push(pair);
        else excludedBound = Math.min(excludedBound, bound);
      }
      if (order.length > perCustomer) {
        order.sort((a, b) => (bounds[a] ?? 0) - (bounds[b] ?? 0));
        for (let rank = perCustomer; rank < order.length; rank += 1) {
          excludedBound = Math.min(excludedBound, bounds[order[rank] ?? 0] ?? Infinity);
        }
        order.length = perCustomer;
      }
      for (const pair of order) candidate[pair] = 1;
    }
    return candidate;
  });
  return { candidates, excludedBound };
}
