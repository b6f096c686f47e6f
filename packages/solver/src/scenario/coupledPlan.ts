import { facilityLocationHeuristic } from "../flp/facilityLocationHeuristic.ts";
import type { SparseFacilityLocation } from "../flp/SparseFacilityLocation.ts";
import { constraintId, OWN_OPERATION, type IndexedScenario } from "./indexScenario.ts";
import type { PreparedDomain } from "./prepareDomain.ts";

/**
 * A plan for a block whose domains are coupled (a Kommune takes the same option in all of them,
 * e.g. Einwohnerwesen with Personenstandswesen), found on one merged facility-location problem
 * instead of per domain: a coupled Kommune is one customer whose option costs the sum over the
 * coupled domains, and a provider is one facility per combination of its cost lines in those
 * domains (alternatives of one group) with the summed fixed cost. Kommunen that appear in only
 * some of the domains stay separate customers there. Plans found per domain and then forced
 * onto a common option (see `repairPlan` in solveBlock) pay for the coupling after the fact;
 * this one weighs it from the start.
 *
 * A heuristic, not a bound: the merged problem charges a provider's fixed costs in all coupled
 * domains even where it serves only one, and it approximates capacities (a merged customer's
 * largest volume against the smallest of the provider's capacities — exact when the volumes
 * are equal, as with inhabitants) — the caller checks and costs the plan with the scenario's
 * own rules. Undefined when the block has no coupling.
 */
export function coupledPlan(
  scenario: IndexedScenario,
  domains: readonly number[],
  prepared: readonly PreparedDomain[],
  seconds: number,
): Map<number, Int32Array> | undefined {
  const position = new Map(domains.map((domainIndex, index) => [domainIndex, index]));
  const coupling = scenario.input.constraints.couplings.find((candidate, index) => {
    if (scenario.disabled.has(constraintId.coupling(index))) return false;
    return candidate.domainIds.every((id) => {
      const domain = scenario.domains.find((entry) => entry.id === id);
      return domain !== undefined && position.has(domain.domainIndex);
    });
  });
  if (!coupling) return undefined;
  const members = coupling.domainIds
    .map((id) => scenario.domains.find((entry) => entry.id === id)?.domainIndex ?? -1)
    .map((domainIndex) => prepared[position.get(domainIndex) ?? -1])
    .filter((part) => part !== undefined);
  if (members.length < 2) return undefined;

  const facilities = productFacilities(scenario, members);
  const customers = mergedCustomers(scenario, members);
  const pairStart = [0];
  const pairFacility: number[] = [];
  const pairCost: number[] = [];
  const pairOption: number[] = [];
  for (const customer of customers) {
    addPairs(members, facilities, customer, pairFacility, pairCost, pairOption);
    if (pairFacility.length === (pairStart.at(-1) ?? 0)) return undefined;
    pairStart.push(pairFacility.length);
  }
  const merged: SparseFacilityLocation = {
    facilityCount: facilities.fixedCost.length,
    fixedCost: Float64Array.from(facilities.fixedCost),
    capacity: Float64Array.from(facilities.capacity),
    facilityGroup: Int32Array.from(facilities.provider),
    customerCount: customers.length,
    demand: Float64Array.from(customers, (customer) =>
      Math.max(
        ...customer.members.map(
          ([member, demand]) => members[member]?.core.problem.demand[demand] ?? 0,
        ),
      ),
    ),
    pairStart: Int32Array.from(pairStart),
    pairFacility: Int32Array.from(pairFacility),
    pairCost: Float64Array.from(pairCost),
  };
  // Without capacities first (fast, and close to the optimum where they do not bind), then its
  // open facilities as the start of the capacitated search.
  const loose = facilityLocationHeuristic(
    merged,
    new Uint8Array(merged.facilityCount),
    seconds / 3,
    true,
  );
  const start = new Uint8Array(merged.facilityCount);
  for (const pair of loose?.assignment ?? []) {
    const facility = merged.pairFacility[pair] ?? -1;
    if (facility >= 0) start[facility] = 1;
  }
  const solution = facilityLocationHeuristic(merged, start, (seconds * 2) / 3);
  if (!solution) return undefined;
  const choices = new Map<number, Int32Array>();
  for (const part of prepared) {
    choices.set(
      part.domainIndex,
      Int32Array.from(part.estimate?.assignment ?? [], (pair) => part.core.pairOption[pair] ?? -1),
    );
  }
  customers.forEach((customer, index) => {
    const option = pairOption[solution.assignment[index] ?? -1] ?? -2;
    customer.members.forEach(([member, demand]) => {
      const plan = choices.get(members[member]?.domainIndex ?? -1);
      if (plan) plan[demand] = option;
    });
  });
  return choices;
}

interface ProductFacilities {
  /** Summed fixed cost of each merged facility. */
  fixedCost: number[];
  /** The smallest of its parts' capacities. */
  capacity: number[];
  /** Provider index of each merged facility (its group). */
  provider: number[];
  /** Per member domain, the domain core's facility inside each merged one (−1: not offered). */
  part: number[][];
  /** Merged facilities of each provider. */
  ofProvider: Map<number, number[]>;
}

/** Every combination of a provider's cost lines across the member domains. */
function productFacilities(
  scenario: IndexedScenario,
  members: readonly PreparedDomain[],
): ProductFacilities {
  const lines = new Map<number, number[][]>();
  members.forEach((part, member) => {
    const domain = scenario.domains[part.domainIndex];
    for (let facility = 0; facility < part.core.problem.facilityCount; facility += 1) {
      const provider = domain?.offers[part.core.facilityOffer[facility] ?? -1]?.providerIndex;
      if (provider === undefined) continue;
      const perMember = lines.get(provider) ?? members.map(() => []);
      perMember[member]?.push(facility);
      lines.set(provider, perMember);
    }
  });
  const result: ProductFacilities = {
    fixedCost: [],
    capacity: [],
    provider: [],
    part: members.map(() => []),
    ofProvider: new Map(),
  };
  for (const [provider, perMember] of lines) {
    let combinations: number[][] = [[]];
    for (const choices of perMember) {
      const options = choices.length > 0 ? choices : [-1];
      combinations = combinations.flatMap((prefix) => options.map((line) => [...prefix, line]));
    }
    for (const combination of combinations) {
      const index = result.fixedCost.length;
      let fixed = 0;
      let capacity = Infinity;
      combination.forEach((facility, member) => {
        result.part[member]?.push(facility);
        if (facility < 0) return;
        const problem = members[member]?.core.problem;
        fixed += problem?.fixedCost[facility] ?? 0;
        capacity = Math.min(capacity, problem?.capacity[facility] ?? Infinity);
      });
      result.fixedCost.push(fixed);
      result.capacity.push(capacity);
      result.provider.push(provider);
      result.ofProvider.set(provider, [...(result.ofProvider.get(provider) ?? []), index]);
    }
  }
  return result;
}

/** A merged customer: (member domain, customer in that domain) for each domain it stands for. */
interface MergedCustomer {
  members: Array<[number, number]>;
}

/** Kommunen in all member domains become one customer; the others stay per domain. */
function mergedCustomers(
  scenario: IndexedScenario,
  members: readonly PreparedDomain[],
): MergedCustomer[] {
  const customers: MergedCustomer[] = [];
  const taken = members.map(() => new Set<number>());
  const first = scenario.domains[members[0]?.domainIndex ?? -1];
  for (const kommune of first?.customerOfKommune.keys() ?? []) {
    const parts = members.map(
      (part) => scenario.domains[part.domainIndex]?.customerOfKommune.get(kommune) ?? -1,
    );
    if (parts.some((customer) => customer < 0)) continue;
    customers.push({ members: parts.map((customer, member) => [member, customer]) });
    parts.forEach((customer, member) => taken[member]?.add(customer));
  }
  members.forEach((part, member) => {
    for (let customer = 0; customer < part.core.problem.customerCount; customer += 1) {
      if (!taken[member]?.has(customer)) customers.push({ members: [[member, customer]] });
    }
  });
  return customers;
}

/** The merged customer's pairs: options open to all its parts, costs summed over the parts. */
function addPairs(
  members: readonly PreparedDomain[],
  facilities: ProductFacilities,
  customer: MergedCustomer,
  pairFacility: number[],
  pairCost: number[],
  pairOption: number[],
): void {
  // Per part: option → facility → pair cost (facility −1 = eigener Betrieb).
  const costs = customer.members.map(([member, demand]) => {
    const core = members[member]?.core;
    const byOption = new Map<number, Map<number, number>>();
    if (!core) return byOption;
    const end = core.problem.pairStart[demand + 1] ?? 0;
    for (let pair = core.problem.pairStart[demand] ?? 0; pair < end; pair += 1) {
      const option = core.pairOption[pair] ?? -2;
      const byFacility = byOption.get(option) ?? new Map<number, number>();
      byFacility.set(core.problem.pairFacility[pair] ?? -1, core.problem.pairCost[pair] ?? 0);
      byOption.set(option, byFacility);
    }
    return byOption;
  });
  const [firstCosts] = costs;
  for (const option of firstCosts?.keys() ?? []) {
    if (!costs.every((byOption) => byOption.has(option))) continue;
    if (option === OWN_OPERATION) {
      pairFacility.push(-1);
      pairCost.push(costs.reduce((sum, byOption) => sum + (byOption.get(option)?.get(-1) ?? 0), 0));
      pairOption.push(option);
      continue;
    }
    for (const facility of facilities.ofProvider.get(option) ?? []) {
      let cost = 0;
      let usable = true;
      customer.members.forEach(([member], index) => {
        const line = facilities.part[member]?.[facility] ?? -1;
        const value = line >= 0 ? costs[index]?.get(option)?.get(line) : undefined;
        if (value === undefined) usable = false;
        else cost += value;
      });
      if (!usable) continue;
      pairFacility.push(facility);
      pairCost.push(cost);
      pairOption.push(option);
    }
  }
}
