import { solveInWorker } from "../highs/solveInWorker.ts";
import type { MipSolver } from "../mip/MipSolver.ts";
import { buildFacilityLocationModel } from "./buildFacilityLocationModel.ts";
import { evaluateAssignment } from "./evaluateAssignment.ts";
import type { FacilityLocationInput, SolveResult } from "./FacilityLocationProblem.ts";
import { facilityLocationHeuristic, type HeuristicSolution } from "./facilityLocationHeuristic.ts";
import { lagrangianBound } from "./lagrangianBound.ts";
import { relativeGapOf, solveByCandidates } from "./solveByCandidates.ts";
import type { SparseFacilityLocation } from "./SparseFacilityLocation.ts";
import { toSparseFacilityLocation } from "./toSparseFacilityLocation.ts";

/** How to solve: capacities or not, limits, and which MIP solver. */
export interface FacilityLocationOptions {
  capacitated: boolean;
  timeLimitSeconds?: number;
  /** "optimal" when (objective − bound) / objective ≤ this. */
  relativeGap?: number;
  /** Defaults to HiGHS in a worker thread. */
  solver?: MipSolver;
}

const workerSolver: MipSolver = { solve: solveInWorker };

/**
 * Solves the uncapacitated or capacitated (single-sourcing) facility-location problem:
 * Lagrangian bound and heuristic first, then the MIP on candidate pairs only, with the proof
 * that the result holds for all pairs (see `solveByCandidates` and the README).
 */
export async function solveFacilityLocation(
  input: FacilityLocationInput,
  options: FacilityLocationOptions,
): Promise<SolveResult> {
  const started = performance.now();
  const timeLimit = options.timeLimitSeconds ?? 60;
  const deadline = started + timeLimit * 1000;
  const relativeGap = options.relativeGap ?? 1e-6;
  const seconds = () => (performance.now() - started) / 1000;
  const conflicts = options.capacitated ? capacityConflicts(input) : [];
  if (conflicts.length > 0) return { status: "infeasible", conflicts, seconds: seconds() };
  const problem = toSparseFacilityLocation(input, options.capacitated);

  // Subgradient search with a Lagrangian heuristic every 25 steps: its plans are incumbents and
  // sharpen the step length. Capacitated plans get a short local search (close trials) each.
  let incumbent: HeuristicSolution | undefined;
  const heuristicSeconds = options.capacitated ? Math.min(1, timeLimit / 100) : 0.5;
  const lagrangian = lagrangianBound(problem, {
    upperBound: Infinity,
    maxIterations: 600,
    timeLimitSeconds: timeLimit * 0.3,
    targetGap: relativeGap / 2,
    heuristic: {
      every: 25,
      run(open) {
        const plan = facilityLocationHeuristic(problem, open, heuristicSeconds);
        if (plan && plan.cost < (incumbent?.cost ?? Infinity)) incumbent = plan;
        return plan?.cost ?? Infinity;
      },
    },
  });
  // The last and longest local search starts from the best plan so far: with capacities the
  // open set still has much to gain from close/open/swap moves, which the MIP over 10,000s of
  // customers rarely finds in the time left.
  const lastStart = incumbent ? openFacilities(problem, incumbent.assignment) : lagrangian.openHint;
  const last = facilityLocationHeuristic(
    problem,
    lastStart,
    options.capacitated ? timeLimit * 0.4 : timeLimit * 0.05,
  );
  if (last && last.cost < (incumbent?.cost ?? Infinity)) incumbent = last;
  if (lagrangian.bound === Infinity) {
    return { status: "infeasible", conflicts: [capacityMessage(input)], seconds: seconds() };
  }
  if (incumbent && relativeGapOf(incumbent.cost, lagrangian.bound) <= relativeGap) {
    return toResult(input, problem, "optimal", incumbent.assignment, lagrangian.bound, seconds());
  }

  const outcome = await solveByCandidates({
    cores: [problem],
    lagrangians: [lagrangian],
    build(candidates) {
      const candidate = candidates[0] ?? new Uint8Array(problem.pairCost.length);
      const built = buildFacilityLocationModel(problem, candidate);
      return {
        model: built.model,
        decode: (values) => [
          decodeAssignment(problem, built.pairColumn, built.facilityColumn, values),
        ],
        encode(assignments) {
          const assignment = assignments[0];
          if (!assignment) return undefined;
          const start = new Float64Array(built.model.columnCount);
          for (const pair of assignment) {
            const column = built.pairColumn[pair] ?? -1;
            if (column < 0) return undefined;
            start[column] = 1;
            const facility = problem.pairFacility[pair] ?? -1;
            if (facility >= 0) start[built.facilityColumn[facility] ?? 0] = 1;
          }
          return start;
        },
      };
    },
    evaluate(assignments) {
      const value = evaluateAssignment(problem, assignments[0] ?? new Int32Array());
      return value.feasible ? value.cost : Infinity;
    },
    ...(incumbent
      ? { incumbent: { cost: incumbent.cost, assignments: [incumbent.assignment] } }
      : {}),
    solver: options.solver ?? workerSolver,
    relativeGap,
    deadline,
  });
  if (outcome.status === "infeasible") {
    return { status: "infeasible", conflicts: [capacityMessage(input)], seconds: seconds() };
  }
  const assignment = outcome.assignments?.[0];
  if (!assignment) {
    return {
      status: "error",
      message: outcome.message ?? "Keine zulässige Lösung innerhalb des Zeitlimits gefunden.",
      seconds: seconds(),
    };
  }
  return toResult(
    input,
    problem,
    outcome.status === "optimal" ? "optimal" : "feasible",
    assignment,
    outcome.bound,
    seconds(),
  );
}

/** Facilities that serve someone in an assignment. */
function openFacilities(problem: SparseFacilityLocation, assignment: Int32Array): Uint8Array {
  const open = new Uint8Array(problem.facilityCount);
  for (const pair of assignment) {
    const facility = problem.pairFacility[pair] ?? -1;
    if (facility >= 0) open[facility] = 1;
  }
  return open;
}

/**
 * Reads an assignment from MIP values. Capacitated: the pair with the largest x per customer.
 * Uncapacitated: every customer takes its cheapest open facility among all pairs — never worse
 * than the MIP's choice, which only saw candidates.
 */
function decodeAssignment(
  problem: SparseFacilityLocation,
  pairColumn: Int32Array,
  facilityColumn: Int32Array,
  values: Float64Array,
): Int32Array {
  const capacitated = problem.capacity.some((capacity) => Number.isFinite(capacity));
  const assignment = new Int32Array(problem.customerCount).fill(-1);
  for (let customer = 0; customer < problem.customerCount; customer += 1) {
    let chosen = -1;
    let score = -Infinity;
    const end = problem.pairStart[customer + 1] ?? 0;
    for (let pair = problem.pairStart[customer] ?? 0; pair < end; pair += 1) {
      const facility = problem.pairFacility[pair] ?? -1;
      let value: number;
      if (capacitated) {
        const column = pairColumn[pair] ?? -1;
        value = column >= 0 ? (values[column] ?? 0) : -Infinity;
      } else {
        const column = facility >= 0 ? (facilityColumn[facility] ?? -1) : -2;
        const open = column === -2 || (column >= 0 && (values[column] ?? 0) > 0.5);
        value = open ? -(problem.pairCost[pair] ?? 0) : -Infinity;
      }
      if (value > score) {
        score = value;
        chosen = pair;
      }
    }
    assignment[customer] = chosen;
  }
  return assignment;
}

function toResult(
  input: FacilityLocationInput,
  problem: SparseFacilityLocation,
  status: "optimal" | "feasible",
  assignment: Int32Array,
  bound: number,
  seconds: number,
): SolveResult {
  const value = evaluateAssignment(problem, assignment);
  const open: Array<string | number> = [];
  value.open.forEach((isOpen, facility) => {
    const id = input.facilities[facility]?.id;
    if (isOpen && id !== undefined) open.push(id);
  });
  const assigned = Array.from(
    assignment,
    (pair) => input.facilities[problem.pairFacility[pair] ?? 0]?.id ?? 0,
  );
  const finalBound = Math.min(bound, value.cost);
  return {
    status,
    objective: value.cost,
    bound: finalBound,
    gap: relativeGapOf(value.cost, finalBound),
    seconds,
    open,
    assignment: assigned,
  };
}

/** Obvious reasons why no single-sourcing assignment can exist, in German. */
function capacityConflicts(input: FacilityLocationInput): string[] {
  const number = new Intl.NumberFormat("de-DE");
  const capacities = input.facilities.map((facility) => facility.capacity ?? Infinity);
  const largest = Math.max(...capacities);
  const conflicts: string[] = [];
  for (const customer of input.customers) {
    if (customer.demand > largest) {
      conflicts.push(
        `Kunde ${String(customer.id)} (Nachfrage ${number.format(customer.demand)}) passt in keinen Standort: die größte Kapazität ist ${number.format(largest)}.`,
      );
    }
  }
  const demand = input.customers.reduce((sum, customer) => sum + customer.demand, 0);
  const capacity = capacities.reduce((sum, value) => sum + value, 0);
  if (capacity < demand) conflicts.push(capacityMessage(input));
  return conflicts;
}

function capacityMessage(input: FacilityLocationInput): string {
  const number = new Intl.NumberFormat("de-DE");
  const demand = input.customers.reduce((sum, customer) => sum + customer.demand, 0);
  const capacity = input.facilities.reduce(
    (sum, facility) => sum + (facility.capacity ?? Infinity),
    0,
  );
  return capacity < demand
    ? `Die Gesamtkapazität aller Standorte (${number.format(capacity)}) ist kleiner als die Gesamtnachfrage (${number.format(demand)}).`
    : `Die Kapazitäten (gesamt ${number.format(capacity)}) reichen für die Nachfrage (${number.format(demand)}) nicht aus, wenn jeder Kunde ganz von einem Standort beliefert wird (Einzelbelieferung).`;
}
