/**
 * Test helpers: exhaustive search over tiny instances. Deliberately naive and independent of
 * the solver's code, so that agreement means something.
 */
import type { FacilityLocationInput } from "../flp/FacilityLocationProblem.ts";
import type { SparseFacilityLocation } from "../flp/SparseFacilityLocation.ts";

/** Calls `visit` with every tuple (t_0 … t_{n−1}), 0 ≤ t_k < sizes[k]. */
export function forEachTuple(sizes: readonly number[], visit: (tuple: number[]) => void): void {
  const tuple = sizes.map(() => 0);
  if (sizes.some((size) => size === 0)) return;
  for (;;) {
    visit(tuple);
    let position = 0;
    while (position < sizes.length) {
      tuple[position] = (tuple[position] ?? 0) + 1;
      if ((tuple[position] ?? 0) < (sizes[position] ?? 0)) break;
      tuple[position] = 0;
      position += 1;
    }
    if (position === sizes.length) return;
  }
}

/** Cost of serving customer j from facility assignment[j], straight from the JSON input. */
export function flpCost(
  input: FacilityLocationInput,
  assignment: readonly number[],
  capacitated: boolean,
): number {
  const load = input.facilities.map(() => 0);
  let cost = 0;
  input.customers.forEach((customer, index) => {
    const facility = assignment[index] ?? 0;
    cost += customer.costs[facility] ?? Infinity;
    load[facility] = (load[facility] ?? 0) + customer.demand;
  });
  input.facilities.forEach((facility, index) => {
    if ((load[index] ?? 0) === 0 && !assignment.includes(index)) return;
    cost += facility.fixedCost;
    const capacity = facility.capacity ?? Infinity;
    if (capacitated && (load[index] ?? 0) > capacity) cost = Infinity;
  });
  return cost;
}

/** Optimum of a tiny JSON instance by enumerating every single-sourcing assignment. */
export function bruteForceFlp(input: FacilityLocationInput, capacitated: boolean): number {
  let best = Infinity;
  forEachTuple(
    input.customers.map(() => input.facilities.length),
    (tuple) => {
      best = Math.min(best, flpCost(input, tuple, capacitated));
    },
  );
  return best;
}

/**
 * For each pair of a sparse core, the cheapest feasible solution that uses it (Infinity if none);
 * with `budget`, solutions using more than `limit` counted pairs are not feasible.
 */
export function bruteForcePairs(
  problem: SparseFacilityLocation,
  budget?: { counted: Uint8Array; limit: number },
): { optimum: number; perPair: number[] } {
  const perPair = Array.from(problem.pairCost, () => Infinity);
  let optimum = Infinity;
  const sizes = Array.from(
    { length: problem.customerCount },
    (_, customer) => (problem.pairStart[customer + 1] ?? 0) - (problem.pairStart[customer] ?? 0),
  );
  forEachTuple(sizes, (tuple) => {
    const pairs = tuple.map((offset, customer) => (problem.pairStart[customer] ?? 0) + offset);
    if (budget && pairs.filter((pair) => budget.counted[pair]).length > budget.limit) return;
    const load = new Map<number, number>();
    let cost = 0;
    pairs.forEach((pair, customer) => {
      cost += problem.pairCost[pair] ?? 0;
      const facility = problem.pairFacility[pair] ?? -1;
      if (facility >= 0)
        load.set(facility, (load.get(facility) ?? 0) + (problem.demand[customer] ?? 0));
    });
    for (const [facility, used] of load) {
      cost += problem.fixedCost[facility] ?? 0;
      if (used > (problem.capacity[facility] ?? Infinity)) return;
    }
    optimum = Math.min(optimum, cost);
    for (const pair of pairs) perPair[pair] = Math.min(perPair[pair] ?? Infinity, cost);
  });
  return { optimum, perPair };
}
