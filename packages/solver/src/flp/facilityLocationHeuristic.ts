import { capacitatedLocalSearch, evaluatePlan } from "./capacitatedLocalSearch.ts";
import { evaluateAssignment } from "./evaluateAssignment.ts";
import type { SparseFacilityLocation } from "./SparseFacilityLocation.ts";

/** A feasible solution: the chosen pair of every customer and its cost. */
export interface HeuristicSolution {
  cost: number;
  assignment: Int32Array;
}

/**
 * Upper bound by local search from a start set of open facilities (e.g. the Lagrangian's).
 * Uncapacitated: add/drop moves with best and second-best open option per customer (the
 * classic interchange heuristic, Kuehn & Hamburger 1963), each move evaluated in one pass.
 * Capacitated: assignment by capacity prices (`assignByPrices`), then close, open and swap moves
 * (`capacitatedLocalSearch`) until no estimated move pays or the time is up.
 * Returns undefined when it finds no feasible solution (only possible with capacities).
 * `ignoreCapacities` gives a quick estimate that may overload facilities.
 */
export function facilityLocationHeuristic(
  problem: SparseFacilityLocation,
  start: Uint8Array,
  timeLimitSeconds = 10,
  ignoreCapacities = false,
): HeuristicSolution | undefined {
  const deadline = performance.now() + timeLimitSeconds * 1000;
  const capacitated =
    !ignoreCapacities && problem.capacity.some((capacity) => Number.isFinite(capacity));
  return capacitated
    ? capacitatedSearch(problem, start, deadline)
    : uncapacitatedSearch(problem, start, deadline);
}

function uncapacitatedSearch(
  problem: SparseFacilityLocation,
  start: Uint8Array,
  deadline: number,
): HeuristicSolution {
  const { customerCount, facilityCount, pairStart, pairFacility, pairCost, fixedCost } = problem;
  const open = Uint8Array.from(start);
  const best = new Int32Array(customerCount);
  const bestCost = new Float64Array(customerCount);
  const secondCost = new Float64Array(customerCount);
  const gain = new Float64Array(facilityCount);
  const refresh = () => {
    for (let customer = 0; customer < customerCount; customer += 1) {
      let first = -1;
      let firstCost = Infinity;
      let second = Infinity;
      const end = pairStart[customer + 1] ?? 0;
      for (let pair = pairStart[customer] ?? 0; pair < end; pair += 1) {
        const facility = pairFacility[pair] ?? -1;
        if (facility >= 0 && !open[facility]) continue;
        const cost = pairCost[pair] ?? 0;
        if (cost < firstCost) {
          second = firstCost;
          firstCost = cost;
          first = pair;
        } else if (cost < second) second = cost;
      }
      best[customer] = first;
      bestCost[customer] = firstCost;
      secondCost[customer] = second;
    }
  };
  // Make the start feasible: a customer without an open option opens its cheapest facility.
  refresh();
  for (let customer = 0; customer < customerCount; customer += 1) {
    if (best[customer] !== -1) continue;
    let cheapest = -1;
    const end = pairStart[customer + 1] ?? 0;
    for (let pair = pairStart[customer] ?? 0; pair < end; pair += 1) {
      const total = (pairCost[pair] ?? 0) + (fixedCost[pairFacility[pair] ?? 0] ?? 0);
      const current =
        cheapest < 0
          ? Infinity
          : (pairCost[cheapest] ?? 0) + (fixedCost[pairFacility[cheapest] ?? 0] ?? 0);
      if (total < current) cheapest = pair;
    }
    if (cheapest >= 0) open[pairFacility[cheapest] ?? 0] = 1;
  }
  refresh();
  while (performance.now() < deadline) {
    // Gain of each move: dropping an open facility, adding a closed one.
    for (let facility = 0; facility < facilityCount; facility += 1) {
      gain[facility] = open[facility] ? (fixedCost[facility] ?? 0) : -(fixedCost[facility] ?? 0);
    }
    for (let customer = 0; customer < customerCount; customer += 1) {
      const chosen = best[customer] ?? -1;
      const chosenFacility = chosen >= 0 ? (pairFacility[chosen] ?? -1) : -1;
      if (chosenFacility >= 0) {
        gain[chosenFacility] =
          (gain[chosenFacility] ?? 0) - ((secondCost[customer] ?? 0) - (bestCost[customer] ?? 0));
      }
      const current = bestCost[customer] ?? 0;
      const end = pairStart[customer + 1] ?? 0;
      for (let pair = pairStart[customer] ?? 0; pair < end; pair += 1) {
        const facility = pairFacility[pair] ?? -1;
        if (facility < 0 || open[facility]) continue;
        const saving = current - (pairCost[pair] ?? 0);
        if (saving > 0) gain[facility] = (gain[facility] ?? 0) + saving;
      }
    }
    let move = -1;
    let moveGain = 1e-9;
    for (let facility = 0; facility < facilityCount; facility += 1) {
      if ((gain[facility] ?? 0) > moveGain) {
        moveGain = gain[facility] ?? 0;
        move = facility;
      }
    }
    if (move < 0) break;
    open[move] = open[move] ? 0 : 1;
    refresh();
  }
  const cost = evaluateAssignment(problem, best).cost;
  return { cost, assignment: best };
}

function capacitatedSearch(
  problem: SparseFacilityLocation,
  start: Uint8Array,
  deadline: number,
): HeuristicSolution | undefined {
  const { facilityCount, fixedCost, capacity, customerCount, demand } = problem;
  let totalDemand = 0;
  for (let customer = 0; customer < customerCount; customer += 1)
    totalDemand += demand[customer] ?? 0;
  const open = Uint8Array.from(start);
  // Cheapest capacity first when the start set cannot hold the demand.
  const byFixedPerUnit = Array.from({ length: facilityCount }, (_, facility) => facility).sort(
    (a, b) =>
      (fixedCost[a] ?? 0) / Math.max(capacity[a] ?? 1, 1e-9) -
      (fixedCost[b] ?? 0) / Math.max(capacity[b] ?? 1, 1e-9),
  );
  let openCapacity = 0;
  for (let facility = 0; facility < facilityCount; facility += 1) {
    if (open[facility]) openCapacity += capacity[facility] ?? 0;
  }
  for (const facility of byFixedPerUnit) {
    if (openCapacity >= totalDemand * 1.05) break;
    if (open[facility]) continue;
    open[facility] = 1;
    openCapacity += capacity[facility] ?? 0;
  }
  let plan = evaluatePlan(problem, open);
  for (const facility of byFixedPerUnit) {
    if (plan || performance.now() >= deadline) break;
    if (open[facility]) continue;
    open[facility] = 1;
    plan = evaluatePlan(problem, open);
  }
  if (!plan) return undefined;
  plan = capacitatedLocalSearch(problem, plan, { deadline });
  return { cost: plan.cost, assignment: plan.priced.assignment };
}
