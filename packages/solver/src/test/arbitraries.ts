/** fast-check generators shared by the solver's property tests. */
import fc from "fast-check";
import type { SparseFacilityLocation } from "../flp/SparseFacilityLocation.ts";

/** Random sparse cores: some pairs missing, some private options, optional capacities. */
export const sparseCore = fc
  .record({ facilities: fc.integer({ min: 1, max: 3 }), customers: fc.integer({ min: 1, max: 4 }) })
  .chain(({ facilities, customers }) =>
    fc.record({
      fixedCost: fc.array(fc.integer({ min: 0, max: 30 }), {
        minLength: facilities,
        maxLength: facilities,
      }),
      capacity: fc.array(fc.option(fc.integer({ min: 3, max: 20 }), { nil: Infinity }), {
        minLength: facilities,
        maxLength: facilities,
      }),
      demand: fc.array(fc.integer({ min: 1, max: 8 }), {
        minLength: customers,
        maxLength: customers,
      }),
      options: fc.array(
        fc.array(
          fc.record({
            facility: fc.integer({ min: -1, max: facilities - 1 }),
            cost: fc.integer({ min: 0, max: 25 }),
          }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        { minLength: customers, maxLength: customers },
      ),
    }),
  )
  .map((raw): SparseFacilityLocation => {
    const pairStart = [0];
    const pairFacility: number[] = [];
    const pairCost: number[] = [];
    for (const options of raw.options) {
      // One pair per facility and customer (duplicates would be the same choice twice).
      const seen = new Set<number>();
      for (const option of options) {
        if (option.facility >= 0 && seen.has(option.facility)) continue;
        seen.add(option.facility);
        pairFacility.push(option.facility);
        pairCost.push(option.cost);
      }
      pairStart.push(pairFacility.length);
    }
    return {
      facilityCount: raw.fixedCost.length,
      fixedCost: Float64Array.from(raw.fixedCost),
      capacity: Float64Array.from(raw.capacity),
      customerCount: raw.demand.length,
      demand: Float64Array.from(raw.demand),
      pairStart: Int32Array.from(pairStart),
      pairFacility: Int32Array.from(pairFacility),
      pairCost: Float64Array.from(pairCost),
    };
  });
