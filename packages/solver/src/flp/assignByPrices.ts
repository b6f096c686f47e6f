import type { SparseFacilityLocation } from "./SparseFacilityLocation.ts";

/** A single-sourcing assignment to a fixed set of open facilities, with its capacity prices. */
export interface PricedAssignment {
  /** Chosen pair per customer. */
  assignment: Int32Array;
  /** Σ cost of the chosen pairs (fixed costs not included). */
  cost: number;
  /** Every group's load fits its room. */
  feasible: boolean;
  /** Capacity price per group (the dual of its capacity row), for a warm start. */
  price: Float64Array;
}

/** Options: prices from an earlier, similar open set and the number of rounds. */
export interface PriceOptions {
  price?: Float64Array;
  rounds?: number;
}

/**
 * Assigns every customer to one open facility (or its private option) within the capacities,
 * for a given open set: the transportation problem with single sourcing. Each group (a
 * provider's alternative cost lines share one capacity) has a price per unit of demand; a
 * customer takes the option with the least cost + price × demand. Rounds of price changes,
 * group by group, as in the auction algorithm for transportation problems (Bertsekas &
 * Castañon 1989): an overloaded group raises its price just enough for the customers who lose
 * least to leave for their next option; an underloaded group with a positive price lowers it to
 * admit the customers who gain most while they fit. Whole customers move, so every state is a
 * single-sourcing assignment; with many small customers it ends close to the transportation
 * LP's optimum. What still overloads after the rounds is repaired greedily (cheapest move to
 * a group with room), then shift moves lower the cost where room allows.
 */
export function assignByPrices(
  problem: SparseFacilityLocation,
  open: Uint8Array,
  options: PriceOptions = {},
): PricedAssignment {
  const { customerCount, demand, capacity } = problem;
  const groupOf = (facility: number) => problem.facilityGroup?.[facility] ?? facility;
  const groupCount = groupCountOf(problem);
  const room = new Float64Array(groupCount).fill(Infinity);
  for (let facility = 0; facility < problem.facilityCount; facility += 1) {
    if (!open[facility]) continue;
    const group = groupOf(facility);
    room[group] = Math.min(room[group] ?? Infinity, capacity[facility] ?? Infinity);
  }
  const price = options.price ? Float64Array.from(options.price) : new Float64Array(groupCount);
  /** Group of each open facility, −2 for closed ones. */
  const openGroup = new Int32Array(problem.facilityCount).fill(-2);
  for (let facility = 0; facility < problem.facilityCount; facility += 1) {
    if (open[facility]) openGroup[facility] = groupOf(facility);
  }
  const { start, optionPair, optionGroup, optionCost, groupStart, groupOption, optionCustomer } =
    usableOptions(problem, openGroup, groupCount);
  const assignment = new Int32Array(customerCount).fill(-1);
  /** Chosen option (index into the compact lists) per customer. */
  const chosen = new Int32Array(customerCount).fill(-1);
  const load = new Float64Array(groupCount);
  const effective = (option: number, need: number) => {
    const group = optionGroup[option] ?? -1;
    return (optionCost[option] ?? 0) + (group >= 0 ? (price[group] ?? 0) * need : 0);
  };
  /** Best option of a customer at current prices, not in group `skip`. */
  const bestOption = (customer: number, skip: number): number => {
    let best = -1;
    let bestCost = Infinity;
    const need = demand[customer] ?? 0;
    const end = start[customer + 1] ?? 0;
    for (let option = start[customer] ?? 0; option < end; option += 1) {
      const group = optionGroup[option] ?? -1;
      if (group >= 0 && group === skip) continue;
      const cost = effective(option, need);
      if (cost < bestCost) {
        bestCost = cost;
        best = option;
      }
    }
    return best;
  };
  const move = (customer: number, option: number) => {
    const from = chosen[customer] ?? -1;
    const need = demand[customer] ?? 0;
    const fromGroup = from >= 0 ? (optionGroup[from] ?? -1) : -1;
    if (fromGroup >= 0) load[fromGroup] = (load[fromGroup] ?? 0) - need;
    chosen[customer] = option;
    const toGroup = optionGroup[option] ?? -1;
    if (toGroup >= 0) load[toGroup] = (load[toGroup] ?? 0) + need;
  };
  for (let customer = 0; customer < customerCount; customer += 1) {
    const option = bestOption(customer, -3);
    if (option < 0) return { assignment, cost: Infinity, feasible: false, price };
    move(customer, option);
  }

  const rounds = options.rounds ?? 30;
  const candidates: Array<{ customer: number; threshold: number; to: number }> = [];
  for (let round = 0; round < rounds; round += 1) {
    let changed = false;
    for (let group = 0; group < groupCount; group += 1) {
      const capacityLeft = room[group] ?? Infinity;
      if (capacityLeft === Infinity) continue;
      const groupLoad = load[group] ?? 0;
      const first = groupStart[group] ?? 0;
      const last = groupStart[group + 1] ?? 0;
      if (groupLoad > capacityLeft * (1 + 1e-12)) {
        // Raise the price until enough customers leave; those who lose least go first.
        candidates.length = 0;
        for (let index = first; index < last; index += 1) {
          const option = groupOption[index] ?? 0;
          const customer = optionCustomer[option] ?? 0;
          if (chosen[customer] !== option) continue;
          const next = bestOption(customer, group);
          if (next < 0) continue;
          const need = demand[customer] ?? 1;
          const threshold = (effective(next, need) - effective(option, need)) / need;
          candidates.push({ customer, threshold, to: next });
        }
        candidates.sort((a, b) => a.threshold - b.threshold);
        let excess = groupLoad - capacityLeft;
        let raise = 0;
        for (const leaver of candidates) {
          if (excess <= 1e-9 * capacityLeft) break;
          raise = Math.max(raise, leaver.threshold);
          move(leaver.customer, leaver.to);
          excess -= demand[leaver.customer] ?? 0;
          changed = true;
        }
        price[group] = (price[group] ?? 0) + Math.max(0, raise) * (1 + 1e-9) + 1e-12;
      } else if ((price[group] ?? 0) > 0 && groupLoad < capacityLeft) {
        // Lower the price to admit the customers who gain most, while they fit.
        candidates.length = 0;
        const current = price[group] ?? 0;
        for (let index = first; index < last; index += 1) {
          const option = groupOption[index] ?? 0;
          const customer = optionCustomer[option] ?? 0;
          const at = chosen[customer] ?? -1;
          if (at < 0 || (optionGroup[at] ?? -1) === group) continue;
          const need = demand[customer] ?? 1;
          // Joins when its cost + price · demand is below what it pays now.
          const joinPrice = (effective(at, need) - (optionCost[option] ?? 0)) / need;
          if (joinPrice >= 0 && joinPrice < current)
            candidates.push({ customer, threshold: joinPrice, to: option });
        }
        candidates.sort((a, b) => b.threshold - a.threshold);
        let left = capacityLeft - groupLoad;
        let newPrice = 0;
        for (const joiner of candidates) {
          const need = demand[joiner.customer] ?? 0;
          if (need > left) {
            newPrice = joiner.threshold * (1 + 1e-9) + 1e-12;
            break;
          }
          left -= need;
          move(joiner.customer, joiner.to);
          changed = true;
        }
        if (newPrice < current) price[group] = newPrice;
      }
    }
    if (!changed) break;
  }
  const lists = { start, optionGroup, optionCost };
  repair(problem, lists, room, load, chosen, move);
  shiftMoves(problem, lists, room, load, chosen, move);
  let cost = 0;
  let feasible = true;
  for (let customer = 0; customer < customerCount; customer += 1) {
    const option = chosen[customer] ?? 0;
    assignment[customer] = optionPair[option] ?? -1;
    cost += optionCost[option] ?? 0;
  }
  for (let group = 0; group < groupCount; group += 1) {
    if ((load[group] ?? 0) > (room[group] ?? Infinity) * (1 + 1e-9) + 1e-9) feasible = false;
  }
  return { assignment, cost, feasible, price };
}

/** Pairs facility by facility (and the private pairs), built once per problem. */
interface PairIndex {
  facilityStart: Int32Array;
  facilityPairs: Int32Array;
  privatePairs: Int32Array;
  customerOf: Int32Array;
}

const pairIndexes = new WeakMap<SparseFacilityLocation, PairIndex>();

function pairIndex(problem: SparseFacilityLocation): PairIndex {
  const cached = pairIndexes.get(problem);
  if (cached) return cached;
  const { pairFacility, facilityCount } = problem;
  const customerOf = new Int32Array(pairFacility.length);
  for (let customer = 0; customer < problem.customerCount; customer += 1) {
    const end = problem.pairStart[customer + 1] ?? 0;
    for (let pair = problem.pairStart[customer] ?? 0; pair < end; pair += 1)
      customerOf[pair] = customer;
  }
  const counts = new Int32Array(facilityCount + 1);
  let privateCount = 0;
  for (const facility of pairFacility) {
    if (facility >= 0) counts[facility + 1] = (counts[facility + 1] ?? 0) + 1;
    else privateCount += 1;
  }
  for (let facility = 0; facility < facilityCount; facility += 1)
    counts[facility + 1] = (counts[facility + 1] ?? 0) + (counts[facility] ?? 0);
  const facilityStart = Int32Array.from(counts);
  const fill = Int32Array.from(counts);
  const facilityPairs = new Int32Array(pairFacility.length - privateCount);
  const privatePairs = new Int32Array(privateCount);
  let privateFill = 0;
  for (let pair = 0; pair < pairFacility.length; pair += 1) {
    const facility = pairFacility[pair] ?? -1;
    if (facility < 0) {
      privatePairs[privateFill] = pair;
      privateFill += 1;
    } else {
      facilityPairs[fill[facility] ?? 0] = pair;
      fill[facility] = (fill[facility] ?? 0) + 1;
    }
  }
  const index = { facilityStart, facilityPairs, privatePairs, customerOf };
  pairIndexes.set(problem, index);
  return index;
}

/**
 * The usable options (private or at an open facility), customer-major and group-major. Built
 * from the pairs of the open facilities only, so its cost grows with the open set, not with
 * all pairs.
 */
function usableOptions(problem: SparseFacilityLocation, openGroup: Int32Array, groupCount: number) {
  const { customerCount, pairCost, facilityCount } = problem;
  const { facilityStart, facilityPairs, privatePairs, customerOf } = pairIndex(problem);
  const perCustomer = new Int32Array(customerCount + 1);
  const usable = (visit: (pair: number, group: number) => void) => {
    for (const pair of privatePairs) visit(pair, -1);
    for (let facility = 0; facility < facilityCount; facility += 1) {
      const group = openGroup[facility] ?? -2;
      if (group === -2) continue;
      const end = facilityStart[facility + 1] ?? 0;
      for (let entry = facilityStart[facility] ?? 0; entry < end; entry += 1)
        visit(facilityPairs[entry] ?? 0, group);
    }
  };
  usable((pair) => {
    const customer = customerOf[pair] ?? 0;
    perCustomer[customer + 1] = (perCustomer[customer + 1] ?? 0) + 1;
  });
  for (let customer = 0; customer < customerCount; customer += 1)
    perCustomer[customer + 1] = (perCustomer[customer + 1] ?? 0) + (perCustomer[customer] ?? 0);
  const start = Int32Array.from(perCustomer);
  const count = start[customerCount] ?? 0;
  const optionPair = new Int32Array(count);
  const optionGroup = new Int32Array(count);
  const optionCost = new Float64Array(count);
  const optionCustomer = new Int32Array(count);
  const groupCounts = new Int32Array(groupCount + 1);
  const fill = Int32Array.from(perCustomer);
  usable((pair, group) => {
    const customer = customerOf[pair] ?? 0;
    const option = fill[customer] ?? 0;
    fill[customer] = option + 1;
    optionPair[option] = pair;
    optionGroup[option] = group;
    optionCost[option] = pairCost[pair] ?? 0;
    optionCustomer[option] = customer;
    if (group >= 0) groupCounts[group + 1] = (groupCounts[group + 1] ?? 0) + 1;
  });
  for (let group = 0; group < groupCount; group += 1)
    groupCounts[group + 1] = (groupCounts[group + 1] ?? 0) + (groupCounts[group] ?? 0);
  const groupStart = Int32Array.from(groupCounts);
  const groupFill = Int32Array.from(groupCounts);
  const groupOption = new Int32Array(groupStart[groupCount] ?? 0);
  for (let index = 0; index < count; index += 1) {
    const group = optionGroup[index] ?? -1;
    if (group < 0) continue;
    groupOption[groupFill[group] ?? 0] = index;
    groupFill[group] = (groupFill[group] ?? 0) + 1;
  }
  return { start, optionPair, optionGroup, optionCost, optionCustomer, groupStart, groupOption };
}

interface OptionLists {
  start: Int32Array;
  optionGroup: Int32Array;
  optionCost: Float64Array;
}

function groupCountOf(problem: SparseFacilityLocation): number {
  let count = problem.facilityCount;
  for (const group of problem.facilityGroup ?? []) count = Math.max(count, group + 1);
  return count;
}

/** Moves customers out of overloaded groups, cheapest extra cost per unit first. */
function repair(
  problem: SparseFacilityLocation,
  lists: OptionLists,
  room: Float64Array,
  load: Float64Array,
  chosen: Int32Array,
  move: (customer: number, option: number) => void,
): void {
  const { customerCount, demand } = problem;
  const { start, optionGroup, optionCost } = lists;
  const overloaded = (group: number) =>
    group >= 0 && (load[group] ?? 0) > (room[group] ?? Infinity) * (1 + 1e-12);
  const fits = (group: number, need: number) =>
    group < 0 || (load[group] ?? 0) + need <= (room[group] ?? Infinity);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const candidates: Array<{ customer: number; to: number; extra: number }> = [];
    for (let customer = 0; customer < customerCount; customer += 1) {
      const at = chosen[customer] ?? -1;
      const group = optionGroup[at] ?? -1;
      if (!overloaded(group)) continue;
      let best = -1;
      let bestCost = Infinity;
      const need = demand[customer] ?? 0;
      const end = start[customer + 1] ?? 0;
      for (let option = start[customer] ?? 0; option < end; option += 1) {
        const target = optionGroup[option] ?? -1;
        if (target === group && target >= 0) continue;
        if (!fits(target, need)) continue;
        if ((optionCost[option] ?? 0) < bestCost) {
          bestCost = optionCost[option] ?? 0;
          best = option;
        }
      }
      if (best >= 0)
        candidates.push({
          customer,
          to: best,
          extra: (bestCost - (optionCost[at] ?? 0)) / Math.max(need, 1e-9),
        });
    }
    if (candidates.length === 0) return;
    candidates.sort((a, b) => a.extra - b.extra);
    for (const candidate of candidates) {
      const group = optionGroup[chosen[candidate.customer] ?? -1] ?? -1;
      if (!overloaded(group)) continue;
      if (!fits(optionGroup[candidate.to] ?? -1, demand[candidate.customer] ?? 0)) continue;
      move(candidate.customer, candidate.to);
    }
  }
}

/** A customer moves to a cheaper option whose group still has room; until nothing moves. */
function shiftMoves(
  problem: SparseFacilityLocation,
  lists: OptionLists,
  room: Float64Array,
  load: Float64Array,
  chosen: Int32Array,
  move: (customer: number, option: number) => void,
): void {
  const { customerCount, demand } = problem;
  const { start, optionGroup, optionCost } = lists;
  for (let pass = 0; pass < 5; pass += 1) {
    let moved = false;
    for (let customer = 0; customer < customerCount; customer += 1) {
      const at = chosen[customer] ?? -1;
      const from = optionGroup[at] ?? -1;
      const need = demand[customer] ?? 0;
      let best = at;
      const end = start[customer + 1] ?? 0;
      for (let option = start[customer] ?? 0; option < end; option += 1) {
        const target = optionGroup[option] ?? -1;
        if (target >= 0 && target !== from && (load[target] ?? 0) + need > (room[target] ?? 0))
          continue;
        if ((optionCost[option] ?? 0) < (optionCost[best] ?? 0) - 1e-12) best = option;
      }
      if (best !== at) {
        move(customer, best);
        moved = true;
      }
    }
    if (!moved) break;
  }
}
