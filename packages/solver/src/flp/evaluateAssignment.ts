import type { SparseFacilityLocation } from "./SparseFacilityLocation.ts";

/** Cost of an assignment and whether it keeps every capacity. */
export interface AssignmentValue {
  cost: number;
  feasible: boolean;
  /** 1 for facilities that serve at least one customer. */
  open: Uint8Array;
}

/**
 * Recomputes the cost of an assignment from scratch (pair index per customer): the fixed cost of
 * every facility that serves someone plus every chosen pair's cost. Independent of any model, so
 * it checks what the solver reports.
 */
export function evaluateAssignment(
  problem: SparseFacilityLocation,
  assignment: Int32Array,
): AssignmentValue {
  const open = new Uint8Array(problem.facilityCount);
  const load = new Float64Array(problem.facilityCount);
  let cost = 0;
  let feasible = assignment.length === problem.customerCount;
  for (let customer = 0; customer < problem.customerCount; customer += 1) {
    const pair = assignment[customer] ?? -1;
    const inRange =
      pair >= (problem.pairStart[customer] ?? 0) && pair < (problem.pairStart[customer + 1] ?? 0);
    if (!inRange) {
      feasible = false;
      cost = Infinity;
      continue;
    }
    cost += problem.pairCost[pair] ?? 0;
    const facility = problem.pairFacility[pair] ?? -1;
    if (facility < 0) continue;
    open[facility] = 1;
    load[facility] = (load[facility] ?? 0) + (problem.demand[customer] ?? 0);
  }
  for (let facility = 0; facility < problem.facilityCount; facility += 1) {
    if (!open[facility]) continue;
    cost += problem.fixedCost[facility] ?? 0;
    // Relative tolerance: demands summed in floating point.
    const capacity = problem.capacity[facility] ?? Infinity;
    if ((load[facility] ?? 0) > capacity * (1 + 1e-9) + 1e-9) feasible = false;
  }
  return { cost, feasible, open };
}
