import { assignByPrices, type PricedAssignment } from "./assignByPrices.ts";
import type { SparseFacilityLocation } from "./SparseFacilityLocation.ts";

/** A capacitated plan: open facilities, the assignment and its total cost. */
export interface CapacitatedPlan {
  open: Uint8Array;
  priced: PricedAssignment;
  /** Fixed costs of the open facilities + assignment cost. */
  cost: number;
}

/** Limits of the search. */
export interface LocalSearchOptions {
  deadline: number;
  /** Moves evaluated exactly per step, best estimate first. */
  evaluationsPerStep?: number;
  /** Price rounds of an evaluation (warm start from the current prices). */
  rounds?: number;
}

/**
 * Local search over the open set of a capacitated facility-location problem: close, open and
 * swap moves (Kuehn & Hamburger's add/drop with interchange, as used for the capacitated case
 * by Jacobsen 1983). Every move is first estimated from the current capacity prices — closing
 * k sends its customers to their next option at current prices, opening l takes the customers
 * who gain most, as far as l's capacity goes — and the best estimates are then evaluated
 * exactly by re-solving the assignment (`assignByPrices`, warm-started). The first evaluated
 * move that lowers the cost is taken; the search ends when none of the best estimates does, or
 * at the deadline. Facilities of one group are alternatives: a group opens at most one.
 */
export function capacitatedLocalSearch(
  problem: SparseFacilityLocation,
  start: CapacitatedPlan,
  options: LocalSearchOptions,
): CapacitatedPlan {
  const evaluations = options.evaluationsPerStep ?? 6;
  const rounds = options.rounds ?? 25;
  let current = start;
  const groupOf = (facility: number) => problem.facilityGroup?.[facility] ?? facility;
  const tried = new Set<string>();
  while (performance.now() < options.deadline) {
    const moves = interleave(estimateMoves(problem, current, groupOf));
    let improved = false;
    let evaluated = 0;
    for (const candidate of moves) {
      if (evaluated >= evaluations || performance.now() >= options.deadline) break;
      const key = `${candidate.close}:${candidate.open}:${current.cost}`;
      if (tried.has(key)) continue;
      tried.add(key);
      const open = Uint8Array.from(current.open);
      if (candidate.close >= 0) open[candidate.close] = 0;
      if (candidate.open >= 0) open[candidate.open] = 1;
      evaluated += 1;
      const plan = evaluatePlan(problem, open, current.priced.price, rounds);
      if (plan && plan.cost < current.cost - 1e-9 * Math.abs(current.cost)) {
        current = plan;
        improved = true;
        break;
      }
    }
    if (!improved) break;
  }
  return current;
}

/** Fixed costs + priced assignment of an open set; undefined when it cannot be feasible. */
export function evaluatePlan(
  problem: SparseFacilityLocation,
  open: Uint8Array,
  price?: Float64Array,
  rounds = 60,
): CapacitatedPlan | undefined {
  const priced = assignByPrices(problem, open, { ...(price ? { price } : {}), rounds });
  if (!priced.feasible) return undefined;
  // Facilities nobody uses close (their fixed cost is saved).
  const used = new Uint8Array(problem.facilityCount);
  for (const pair of priced.assignment) {
    const facility = problem.pairFacility[pair] ?? -1;
    if (facility >= 0) used[facility] = 1;
  }
  let cost = priced.cost;
  for (let facility = 0; facility < problem.facilityCount; facility += 1) {
    if (used[facility]) cost += problem.fixedCost[facility] ?? 0;
  }
  return { open: used, priced, cost };
}

/**
 * Best estimates of each kind in turn (close, open, swap, close, …): the swap estimates add two
 * optimistic parts and would otherwise crowd out the single moves.
 */
function interleave(moves: Move[]): Move[] {
  const kinds: Move[][] = [[], [], []];
  for (const move of moves) {
    const kind = move.open < 0 ? 0 : move.close < 0 ? 1 : 2;
    kinds[kind]?.push(move);
  }
  const result: Move[] = [];
  for (let index = 0; result.length < moves.length; index += 1) {
    for (const list of kinds) {
      const move = list[index];
      if (move) result.push(move);
    }
  }
  return result;
}

interface Move {
  close: number;
  open: number;
  estimate: number;
}

/** Estimated cost change of every close, open and swap move, best first (negative = saves). */
function estimateMoves(
  problem: SparseFacilityLocation,
  plan: CapacitatedPlan,
  groupOf: (facility: number) => number,
): Move[] {
  const { customerCount, facilityCount, pairStart, pairFacility, pairCost, demand, capacity } =
    problem;
  const { open, priced } = plan;
  const price = priced.price;
  const effective = (pair: number, customer: number) => {
    const facility = pairFacility[pair] ?? -1;
    return (
      (pairCost[pair] ?? 0) +
      (facility >= 0 ? (price[groupOf(facility)] ?? 0) * (demand[customer] ?? 0) : 0)
    );
  };
  const closeEstimate = new Float64Array(facilityCount);
  const openRoom = new Float64Array(facilityCount);
  let totalRoom = 0;
  let totalDemand = 0;
  const groupOpen = new Uint8Array(facilityCount + 1);
  for (let facility = 0; facility < facilityCount; facility += 1) {
    if (!open[facility]) continue;
    closeEstimate[facility] = -(problem.fixedCost[facility] ?? 0);
    openRoom[facility] = capacity[facility] ?? Infinity;
    totalRoom += capacity[facility] ?? Infinity;
    const group = groupOf(facility);
    if (group < groupOpen.length) groupOpen[group] = 1;
  }
  // Gains per closed facility: customers who would rather be there (at price 0).
  const gains: Array<Array<{ gain: number; need: number }>> = Array.from(
    { length: facilityCount },
    () => [],
  );
  for (let customer = 0; customer < customerCount; customer += 1) {
    const at = priced.assignment[customer] ?? -1;
    const need = demand[customer] ?? 0;
    totalDemand += need;
    const atFacility = pairFacility[at] ?? -1;
    const atCost = effective(at, customer);
    let next = Infinity;
    const end = pairStart[customer + 1] ?? 0;
    for (let pair = pairStart[customer] ?? 0; pair < end; pair += 1) {
      const facility = pairFacility[pair] ?? -1;
      if (pair === at) continue;
      if (facility >= 0 && !open[facility]) {
        const gain = atCost - (pairCost[pair] ?? 0);
        if (gain > 0) gains[facility]?.push({ gain, need });
        continue;
      }
      next = Math.min(next, effective(pair, customer));
    }
    if (atFacility >= 0) {
      closeEstimate[atFacility] =
        (closeEstimate[atFacility] ?? 0) + (next === Infinity ? Infinity : next - atCost);
    }
  }
  const openEstimate = new Float64Array(facilityCount).fill(Infinity);
  for (let facility = 0; facility < facilityCount; facility += 1) {
    if (open[facility]) continue;
    const list = gains[facility] ?? [];
    list.sort((a, b) => b.gain / Math.max(b.need, 1e-9) - a.gain / Math.max(a.need, 1e-9));
    let room = capacity[facility] ?? Infinity;
    let saving = 0;
    for (const entry of list) {
      if (entry.need > room) continue;
      room -= entry.need;
      saving += entry.gain;
    }
    openEstimate[facility] = (problem.fixedCost[facility] ?? 0) - saving;
  }
  const moves: Move[] = [];
  const closable: number[] = [];
  for (let facility = 0; facility < facilityCount; facility += 1) {
    if (!open[facility]) continue;
    closable.push(facility);
    if (totalRoom - (openRoom[facility] ?? 0) >= totalDemand)
      moves.push({ close: facility, open: -1, estimate: closeEstimate[facility] ?? 0 });
  }
  const openable: number[] = [];
  const groupIsOpen = (facility: number) => {
    const group = groupOf(facility);
    return group < groupOpen.length && groupOpen[group] === 1;
  };
  for (let facility = 0; facility < facilityCount; facility += 1) {
    const estimate = openEstimate[facility] ?? Infinity;
    if (estimate === Infinity) continue;
    openable.push(facility);
    if (!groupIsOpen(facility)) moves.push({ close: -1, open: facility, estimate });
  }
  // Swaps: the customers of the closed facility are part of the gain of the new one only
  // approximately, so the estimate is the sum of both. Within a group a swap changes the line
  // (cost curve segment) of an open provider; across groups the new group must be closed.
  for (const close of closable) {
    for (const add of openable) {
      if (
        totalRoom - (openRoom[close] ?? 0) + (capacity[add] ?? Infinity) < totalDemand ||
        (groupOf(close) !== groupOf(add) && groupIsOpen(add))
      )
        continue;
      moves.push({
        close,
        open: add,
        estimate: (closeEstimate[close] ?? 0) + (openEstimate[add] ?? 0),
      });
    }
  }
  moves.sort((a, b) => a.estimate - b.estimate);
  return moves;
}
