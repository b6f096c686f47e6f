import type { FacilityLocationInput } from "./FacilityLocationProblem.ts";
import type { SparseFacilityLocation } from "./SparseFacilityLocation.ts";

/**
 * The dense JSON instance as the sparse core. Uncapacitated: capacities become `Infinity`.
 * Capacitated: a pair whose customer alone exceeds the facility's capacity is left out, since
 * single sourcing can never use it.
 */
export function toSparseFacilityLocation(
  input: FacilityLocationInput,
  capacitated: boolean,
): SparseFacilityLocation {
  const facilityCount = input.facilities.length;
  const capacity = Float64Array.from(input.facilities, (facility) =>
    capacitated && facility.capacity !== null && facility.capacity !== undefined
      ? facility.capacity
      : Infinity,
  );
  const customerCount = input.customers.length;
  const pairStart = new Int32Array(customerCount + 1);
  const pairFacility = new Int32Array(customerCount * facilityCount);
  const pairCost = new Float64Array(customerCount * facilityCount);
  let pairCount = 0;
  input.customers.forEach((customer, index) => {
    customer.costs.forEach((cost, facility) => {
      if (customer.demand > (capacity[facility] ?? Infinity)) return;
      pairFacility[pairCount] = facility;
      pairCost[pairCount] = cost;
      pairCount += 1;
    });
    pairStart[index + 1] = pairCount;
  });
  return {
    facilityCount,
    fixedCost: Float64Array.from(input.facilities, (facility) => facility.fixedCost),
    capacity,
    customerCount,
    demand: Float64Array.from(input.customers, (customer) => customer.demand),
    pairStart,
    pairFacility: pairFacility.slice(0, pairCount),
    pairCost: pairCost.slice(0, pairCount),
  };
}
