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
 * Capacitated: regret-ordered single-sourcing assignment, shift moves, then close trials.
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
  let current = assignWithCapacities(problem, open);
  for (const facility of byFixedPerUnit) {
    if (current) break;
    if (open[facility]) continue;
    open[facility] = 1;
    current = assignWithCapacities(problem, open);
  }
  if (!current) return undefined;
  // Close trials, least loaded facility first: keep a closure when the reassigned solution is
  // cheaper. Opening is left to the Lagrangian start set and the MIP.
  const load = new Float64Array(facilityCount);
  current.assignment.forEach((pair, customer) => {
    const facility = problem.pairFacility[pair] ?? -1;
    if (facility >= 0) load[facility] = (load[facility] ?? 0) + (demand[customer] ?? 0);
  });
  const closable = Array.from({ length: facilityCount }, (_, facility) => facility)
    .filter((facility) => open[facility])
    .sort(
      (a, b) =>
        (load[a] ?? 0) / Math.max(capacity[a] ?? 1, 1e-9) -
        (load[b] ?? 0) / Math.max(capacity[b] ?? 1, 1e-9),
    );
  for (const facility of closable) {
    if (performance.now() >= deadline) break;
    open[facility] = 0;
    const trial = assignWithCapacities(problem, open);
    if (trial && trial.cost < current.cost - 1e-9) current = trial;
    else open[facility] = 1;
  }
  return current;
}

/**
 * Single-sourcing assignment to the open facilities: customers with the largest regret
 * (second-cheapest minus cheapest option) choose first, then shift moves to cheaper facilities
 * with room. Undefined when some customer finds no room.
 */
function assignWithCapacities(
  problem: SparseFacilityLocation,
  open: Uint8Array,
): HeuristicSolution | undefined {
  const { customerCount, pairStart, pairFacility, pairCost, demand, capacity } = problem;
  const regret = new Float64Array(customerCount);
  for (let customer = 0; customer < customerCount; customer += 1) {
    let first = Infinity;
    let second = Infinity;
    const end = pairStart[customer + 1] ?? 0;
    for (let pair = pairStart[customer] ?? 0; pair < end; pair += 1) {
      const facility = pairFacility[pair] ?? -1;
      if (facility >= 0 && !open[facility]) continue;
      const cost = pairCost[pair] ?? 0;
      if (cost < first) {
        second = first;
        first = cost;
      } else if (cost < second) second = cost;
    }
    if (first === Infinity) return undefined;
    regret[customer] = second === Infinity ? Number.MAX_VALUE : second - first;
  }
  const order = Array.from({ length: customerCount }, (_, customer) => customer).sort(
    (a, b) => (regret[b] ?? 0) - (regret[a] ?? 0) || (demand[b] ?? 0) - (demand[a] ?? 0),
  );
  // Alternatives of one group (a provider's cost lines) share its capacity: room per group.
  const group = (facility: number) => problem.facilityGroup?.[facility] ?? facility;
  const room = new Float64Array(capacity.length).fill(Infinity);
  for (let facility = 0; facility < capacity.length; facility += 1) {
    room[group(facility)] = Math.min(
      room[group(facility)] ?? Infinity,
      capacity[facility] ?? Infinity,
    );
  }
  const assignment = new Int32Array(customerCount).fill(-1);
  for (const customer of order) {
    let chosen = -1;
    let chosenCost = Infinity;
    const need = demand[customer] ?? 0;
    const end = pairStart[customer + 1] ?? 0;
    for (let pair = pairStart[customer] ?? 0; pair < end; pair += 1) {
      const facility = pairFacility[pair] ?? -1;
      if (facility >= 0 && (!open[facility] || (room[group(facility)] ?? 0) < need)) continue;
      const cost = pairCost[pair] ?? 0;
      if (cost < chosenCost) {
        chosenCost = cost;
        chosen = pair;
      }
    }
    if (chosen < 0) return undefined;
    assignment[customer] = chosen;
    const facility = pairFacility[chosen] ?? -1;
    if (facility >= 0) room[group(facility)] = (room[group(facility)] ?? 0) - need;
  }
  // Shift moves: a customer moves to a cheaper open facility that still has room.
  for (let pass = 0; pass < 3; pass += 1) {
    let moved = false;
    for (let customer = 0; customer < customerCount; customer += 1) {
      const current = assignment[customer] ?? 0;
      const need = demand[customer] ?? 0;
      let chosen = current;
      const end = pairStart[customer + 1] ?? 0;
      for (let pair = pairStart[customer] ?? 0; pair < end; pair += 1) {
        const facility = pairFacility[pair] ?? -1;
        if (facility >= 0 && (!open[facility] || (room[group(facility)] ?? 0) < need)) continue;
        if ((pairCost[pair] ?? 0) < (pairCost[chosen] ?? 0) - 1e-12) chosen = pair;
      }
      if (chosen === current) continue;
      const from = pairFacility[current] ?? -1;
      const to = pairFacility[chosen] ?? -1;
      if (from >= 0) room[group(from)] = (room[group(from)] ?? 0) + need;
      if (to >= 0) room[group(to)] = (room[group(to)] ?? 0) - need;
      assignment[customer] = chosen;
      moved = true;
    }
    if (!moved) break;
  }
  const value = evaluateAssignment(problem, assignment);
  return value.feasible ? { cost: value.cost, assignment } : undefined;
}
