import type { SparseFacilityLocation } from "./SparseFacilityLocation.ts";

/** Several cores side by side, and where each one's pairs start in the whole. */
export interface ConcatenatedProblem {
  problem: SparseFacilityLocation;
  /** First pair of each part in the whole (plus the total at the end). */
  pairOffset: number[];
  /** First customer of each part in the whole (plus the total at the end). */
  customerOffset: number[];
}

/**
 * Puts independent cores (e.g. the domains of a block) into one: facilities and customers are
 * disjoint, so the Lagrangian still splits per facility, but one run can also relax a row that
 * spans all parts, such as a migration budget.
 */
export function concatenateProblems(parts: readonly SparseFacilityLocation[]): ConcatenatedProblem {
  const pairOffset = [0];
  const customerOffset = [0];
  const facilityOffset = [0];
  for (const part of parts) {
    pairOffset.push((pairOffset.at(-1) ?? 0) + part.pairCost.length);
    customerOffset.push((customerOffset.at(-1) ?? 0) + part.customerCount);
    facilityOffset.push((facilityOffset.at(-1) ?? 0) + part.facilityCount);
  }
  const pairs = pairOffset.at(-1) ?? 0;
  const customers = customerOffset.at(-1) ?? 0;
  const facilities = facilityOffset.at(-1) ?? 0;
  const problem: SparseFacilityLocation = {
    facilityCount: facilities,
    fixedCost: new Float64Array(facilities),
    capacity: new Float64Array(facilities),
    customerCount: customers,
    demand: new Float64Array(customers),
    pairStart: new Int32Array(customers + 1),
    pairFacility: new Int32Array(pairs),
    pairCost: new Float64Array(pairs),
    facilityGroup: new Int32Array(facilities),
  };
  parts.forEach((part, index) => {
    const pairBase = pairOffset[index] ?? 0;
    const customerBase = customerOffset[index] ?? 0;
    const facilityBase = facilityOffset[index] ?? 0;
    problem.fixedCost.set(part.fixedCost, facilityBase);
    // Group ids stay apart: a part's group g becomes facilityBase + g (groups ≤ facilities).
    for (let facility = 0; facility < part.facilityCount; facility += 1) {
      problem.facilityGroup?.set(
        [facilityBase + (part.facilityGroup?.[facility] ?? facility)],
        facilityBase + facility,
      );
    }
    problem.capacity.set(part.capacity, facilityBase);
    problem.demand.set(part.demand, customerBase);
    problem.pairCost.set(part.pairCost, pairBase);
    for (let pair = 0; pair < part.pairFacility.length; pair += 1) {
      const facility = part.pairFacility[pair] ?? -1;
      problem.pairFacility[pairBase + pair] = facility < 0 ? -1 : facility + facilityBase;
    }
    for (let customer = 1; customer <= part.customerCount; customer += 1) {
      problem.pairStart[customerBase + customer] = pairBase + (part.pairStart[customer] ?? 0);
    }
  });
  return { problem, pairOffset, customerOffset };
}
