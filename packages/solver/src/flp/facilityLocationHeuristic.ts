import {
  capacitatedLocalSearch,
  evaluatePlan,
  type CapacitatedPlan,
} from "./capacitatedLocalSearch.ts";
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
    if (move < 0) {
      // No single add or drop pays: try exchanging an open facility for a closed one.
      const swap = bestSwap(problem, open, best, bestCost, secondCost, deadline);
      if (!swap) break;
      open[swap.drop] = 0;
      open[swap.add] = 1;
    } else open[move] = open[move] ? 0 : 1;
    refresh();
  }
  const cost = evaluateAssignment(problem, best).cost;
  return { cost, assignment: best };
}

/**
 * The exchange (close `drop`, open `add`) that saves most, if any saves: per exchange, the
 * customers of `drop` go to the cheaper of their second option and `add`, the others move to
 * `add` where it is cheaper — O(customers of drop + pairs of add) per exchange.
 */
function bestSwap(
  problem: SparseFacilityLocation,
  open: Uint8Array,
  best: Int32Array,
  bestCost: Float64Array,
  secondCost: Float64Array,
  deadline: number,
): { drop: number; add: number } | undefined {
  const { facilityCount, customerCount, pairFacility, fixedCost } = problem;
  const lists = facilityPairs(problem);
  const served: number[][] = Array.from({ length: facilityCount }, () => []);
  for (let customer = 0; customer < customerCount; customer += 1) {
    const facility = pairFacility[best[customer] ?? -1] ?? -1;
    if (facility >= 0) served[facility]?.push(customer);
  }
  const costAtAdd = new Float64Array(customerCount).fill(Infinity);
  let chosen: { drop: number; add: number } | undefined;
  let chosenGain = 1e-9;
  for (let add = 0; add < facilityCount; add += 1) {
    if (open[add] || performance.now() > deadline) continue;
    const first = lists.start[add] ?? 0;
    const last = lists.start[add + 1] ?? 0;
    if (first === last) continue;
    // Saving of the customers not at `drop` who prefer `add` (computed once per add).
    let movers = 0;
    for (let entry = first; entry < last; entry += 1) {
      const customer = lists.customer[entry] ?? 0;
      const cost = lists.cost[entry] ?? 0;
      costAtAdd[customer] = cost;
      movers += Math.max(0, (bestCost[customer] ?? 0) - cost);
    }
    for (let drop = 0; drop < facilityCount; drop += 1) {
      if (!open[drop]) continue;
      let gain = (fixedCost[drop] ?? 0) - (fixedCost[add] ?? 0) + movers;
      for (const customer of served[drop] ?? []) {
        const current = bestCost[customer] ?? 0;
        const atAdd = costAtAdd[customer] ?? Infinity;
        // Counted in `movers` already as max(0, current − atAdd); correct it to the true move.
        gain -= Math.max(0, current - atAdd);
        gain -= Math.min(secondCost[customer] ?? Infinity, atAdd) - current;
      }
      if (gain > chosenGain) {
        chosenGain = gain;
        chosen = { drop, add };
      }
    }
    for (let entry = first; entry < last; entry += 1)
      costAtAdd[lists.customer[entry] ?? 0] = Infinity;
  }
  return chosen;
}

const facilityPairLists = new WeakMap<
  SparseFacilityLocation,
  { start: Int32Array; customer: Int32Array; cost: Float64Array }
>();

/** Customers and costs of each facility's pairs, facility by facility (built once). */
function facilityPairs(problem: SparseFacilityLocation) {
  const cached = facilityPairLists.get(problem);
  if (cached) return cached;
  const { facilityCount, customerCount, pairStart, pairFacility, pairCost } = problem;
  const start = new Int32Array(facilityCount + 1);
  for (const facility of pairFacility)
    if (facility >= 0) start[facility + 1] = (start[facility + 1] ?? 0) + 1;
  for (let facility = 0; facility < facilityCount; facility += 1)
    start[facility + 1] = (start[facility + 1] ?? 0) + (start[facility] ?? 0);
  const fill = Int32Array.from(start);
  const customers = new Int32Array(start[facilityCount] ?? 0);
  const costs = new Float64Array(start[facilityCount] ?? 0);
  for (let customer = 0; customer < customerCount; customer += 1) {
    const end = pairStart[customer + 1] ?? 0;
    for (let pair = pairStart[customer] ?? 0; pair < end; pair += 1) {
      const facility = pairFacility[pair] ?? -1;
      if (facility < 0) continue;
      const entry = fill[facility] ?? 0;
      customers[entry] = customer;
      costs[entry] = pairCost[pair] ?? 0;
      fill[facility] = entry + 1;
    }
  }
  const lists = { start, customer: customers, cost: costs };
  facilityPairLists.set(problem, lists);
  return lists;
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
  const now = performance.now();
  const priced = priceDirectedPlan(problem, start, now + (deadline - now) * 0.4);
  if (priced && (!plan || priced.cost < plan.cost)) plan = priced;
  if (!plan) return undefined;
  plan = capacitatedLocalSearch(problem, plan, { deadline });
  return { cost: plan.cost, assignment: plan.priced.assignment };
}

/**
 * Open sets chosen by the uncapacitated search at capacity prices: each round adds to every
 * overloaded facility's pairs a price per unit of demand (raised in proportion to the overload,
 * lowered where room is left), re-runs the interchange search from the last open set and
 * costs that open set with capacities (`evaluatePlan`). Where one cheap provider would serve
 * everyone without its capacity, this finds which others should share the load, which the
 * close/open/swap search from a capacity-blind start rarely does. Returns the best plan seen.
 */
function priceDirectedPlan(
  problem: SparseFacilityLocation,
  start: Uint8Array,
  deadline: number,
): CapacitatedPlan | undefined {
  const { facilityCount, capacity, demand, pairFacility, pairCost, pairStart, customerCount } =
    problem;
  const customerOf = new Int32Array(pairCost.length);
  let costPerUnit = 0;
  let totalDemand = 0;
  for (let customer = 0; customer < customerCount; customer += 1) {
    let cheapest = Infinity;
    const end = pairStart[customer + 1] ?? 0;
    for (let pair = pairStart[customer] ?? 0; pair < end; pair += 1) {
      customerOf[pair] = customer;
      cheapest = Math.min(cheapest, pairCost[pair] ?? Infinity);
    }
    if (Number.isFinite(cheapest)) costPerUnit += cheapest;
    totalDemand += demand[customer] ?? 0;
  }
  const scale = totalDemand > 0 ? Math.max(costPerUnit / totalDemand, 1e-9) : 1;
  const price = new Float64Array(facilityCount);
  const pricedCost = Float64Array.from(pairCost);
  const load = new Float64Array(facilityCount);
  let open = Uint8Array.from(start);
  let best: CapacitatedPlan | undefined;
  let step = 1;
  for (let round = 0; round < 30 && performance.now() < deadline; round += 1) {
    for (let pair = 0; pair < pairCost.length; pair += 1) {
      const facility = pairFacility[pair] ?? -1;
      pricedCost[pair] =
        (pairCost[pair] ?? 0) +
        (facility >= 0 ? (price[facility] ?? 0) * (demand[customerOf[pair] ?? 0] ?? 0) : 0);
    }
    const loose = uncapacitatedSearch({ ...problem, pairCost: pricedCost }, open, deadline);
    open = new Uint8Array(facilityCount);
    load.fill(0);
    loose.assignment.forEach((pair, customer) => {
      const facility = pairFacility[pair] ?? -1;
      if (facility < 0) return;
      open[facility] = 1;
      load[facility] = (load[facility] ?? 0) + (demand[customer] ?? 0);
    });
    const plan = evaluatePlan(problem, open);
    if (plan && plan.cost < (best?.cost ?? Infinity)) best = plan;
    let overloaded = false;
    for (let facility = 0; facility < facilityCount; facility += 1) {
      const room = capacity[facility] ?? Infinity;
      if (!Number.isFinite(room) || room <= 0) continue;
      const relative = ((load[facility] ?? 0) - room) / room;
      if (relative > 0) overloaded = true;
      if (relative > 0 || (price[facility] ?? 0) > 0)
        price[facility] = Math.max(0, (price[facility] ?? 0) + step * scale * relative);
    }
    if (!overloaded) break;
    step *= 0.9;
  }
  return best;
}
