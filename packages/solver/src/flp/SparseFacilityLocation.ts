/**
 * The core every solve here reduces to: facilities with a fixed cost and a capacity, customers
 * with a demand, and for each customer a sparse list of options ("pairs"). A pair either uses a
 * facility or — facility −1 — is a private option that needs no facility (a Kommune running a
 * domain itself). Single sourcing: each customer takes exactly one of its pairs.
 */
export interface SparseFacilityLocation {
  facilityCount: number;
  fixedCost: Float64Array;
  /** Largest total demand a facility may serve; `Infinity` when uncapacitated. */
  capacity: Float64Array;
  customerCount: number;
  demand: Float64Array;
  /** Pairs of customer j are `pairStart[j] … pairStart[j + 1] − 1`. */
  pairStart: Int32Array;
  /** Facility of each pair, −1 for a private option. */
  pairFacility: Int32Array;
  /** Cost of serving the whole customer through this pair. */
  pairCost: Float64Array;
  /**
   * Facilities with the same group are alternatives — at most one of them opens (the cost
   * lines of one provider, which share its capacity). Omitted: every facility is its own group.
   */
  facilityGroup?: Int32Array;
}

/** Pair index → customer index, for loops that go facility by facility. */
export function pairCustomers(problem: SparseFacilityLocation): Int32Array {
  const customerOf = new Int32Array(problem.pairFacility.length);
  for (let customer = 0; customer < problem.customerCount; customer += 1) {
    const end = problem.pairStart[customer + 1] ?? 0;
    for (let pair = problem.pairStart[customer] ?? 0; pair < end; pair += 1)
      customerOf[pair] = customer;
  }
  return customerOf;
}
