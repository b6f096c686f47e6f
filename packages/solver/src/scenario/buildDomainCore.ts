import type { SparseFacilityLocation } from "../flp/SparseFacilityLocation.ts";
import { OWN_OPERATION, type IndexedDomain } from "./indexScenario.ts";

/** A domain as a facility-location core: facilities = (offer, cost line) pairs. */
export interface DomainCore {
  problem: SparseFacilityLocation;
  /** Position in `domain.offers` of each facility. */
  facilityOffer: Int32Array;
  /** Line of the offer's curve of each facility. */
  facilityLine: Int32Array;
  /** Part of a facility's fixed cost that is a merger's platform share (0 if not merged). */
  facilityMergerShare: Float64Array;
  /** Provider index or OWN_OPERATION of each pair. */
  pairOption: Int32Array;
  /** 1 when the pair means a change of provider. */
  pairMigrates: Uint8Array;
}

/**
 * One domain as the sparse facility-location core. Each line of each offer's concave curve is a
 * facility with fixed cost F + intercept and per-unit cost slope; a customer's pair to it costs
 * slope × volume plus the migration annuity if it means a change. Eigener Betrieb is a private
 * pair. A line never reached within the volume the provider could get is left out. A merged
 * provider carries only its share of the merger's platform cost (`platformShare`, shares adding
 * up to the shared cost): exact when all members serve someone, less otherwise — a relaxation;
 * the MIP pays the shared cost once.
 * `migrationPenalty` is added to every migrating pair (a price on the migration budget).
 */
export function buildDomainCore(
  domain: IndexedDomain,
  annuity: number,
  platformShare: ReadonlyMap<number, number> = new Map(),
  migrationPenalty = 0,
): DomainCore {
  const reachable = new Float64Array(domain.offers.length);
  for (const customer of domain.customers) {
    for (const option of customer.options) {
      const offer = domain.offerOfProvider.get(option);
      if (offer !== undefined) reachable[offer] = (reachable[offer] ?? 0) + customer.volume;
    }
  }
  const facilityOffer: number[] = [];
  const facilityLine: number[] = [];
  const fixedCost: number[] = [];
  const capacity: number[] = [];
  const mergerShare: number[] = [];
  const firstFacility: number[] = [];
  domain.offers.forEach((offer, offerIndex) => {
    firstFacility.push(facilityOffer.length);
    const maxVolume = Math.min(offer.capacity, reachable[offerIndex] ?? 0);
    const platform = platformShare.get(offer.providerIndex) ?? offer.fixedCost;
    offer.lines.forEach((line, lineIndex) => {
      // Line s starts where line s−1 stops being the cheaper one; beyond maxVolume it is unused.
      const previous = offer.lines[lineIndex - 1];
      if (previous && previous.slope <= line.slope) return; // dominated: never the cheaper line
      if (previous) {
        const start = (line.intercept - previous.intercept) / (previous.slope - line.slope);
        if (start >= maxVolume) return;
      }
      facilityOffer.push(offerIndex);
      facilityLine.push(lineIndex);
      fixedCost.push(platform + line.intercept);
      mergerShare.push(platformShare.has(offer.providerIndex) ? platform : 0);
      capacity.push(offer.capacity);
    });
  });
  firstFacility.push(facilityOffer.length);
  const pairStart = [0];
  const pairFacility: number[] = [];
  const pairCost: number[] = [];
  const pairOption: number[] = [];
  const pairMigrates: number[] = [];
  for (const customer of domain.customers) {
    // A price per migration (from the budget's Lagrangian) makes domains decide independently.
    const migration =
      annuity * (domain.migrationFixedCost + domain.migrationCostPerUnit * customer.volume) +
      migrationPenalty;
    for (const option of customer.options) {
      const migrates = option === customer.current ? 0 : 1;
      if (option === OWN_OPERATION) {
        pairFacility.push(-1);
        pairCost.push(
          domain.ownFixedCost + domain.ownCostPerUnit * customer.volume + migrates * migration,
        );
        pairOption.push(option);
        pairMigrates.push(migrates);
        continue;
      }
      const offerIndex = domain.offerOfProvider.get(option) ?? -1;
      const offer = domain.offers[offerIndex];
      if (!offer) continue;
      for (
        let facility = firstFacility[offerIndex] ?? 0;
        facility < (firstFacility[offerIndex + 1] ?? 0);
        facility += 1
      ) {
        const line = offer.lines[facilityLine[facility] ?? 0];
        pairFacility.push(facility);
        pairCost.push((line?.slope ?? 0) * customer.volume + migrates * migration);
        pairOption.push(option);
        pairMigrates.push(migrates);
      }
    }
    pairStart.push(pairFacility.length);
  }
  return {
    problem: {
      facilityCount: facilityOffer.length,
      fixedCost: Float64Array.from(fixedCost),
      capacity: Float64Array.from(capacity),
      // The lines of one offer are alternatives that share the provider's capacity.
      facilityGroup: Int32Array.from(facilityOffer),
      customerCount: domain.customers.length,
      demand: Float64Array.from(domain.customers, (customer) => customer.volume),
      pairStart: Int32Array.from(pairStart),
      pairFacility: Int32Array.from(pairFacility),
      pairCost: Float64Array.from(pairCost),
    },
    facilityOffer: Int32Array.from(facilityOffer),
    facilityLine: Int32Array.from(facilityLine),
    facilityMergerShare: Float64Array.from(mergerShare),
    pairOption: Int32Array.from(pairOption),
    pairMigrates: Uint8Array.from(pairMigrates),
  };
}

/** The cheapest pair of `option` (a provider's lines or eigener Betrieb) for a customer. */
export function cheapestOptionCost(core: DomainCore, customer: number, option: number): number {
  let cheapest = Infinity;
  const { pairStart, pairCost } = core.problem;
  const end = pairStart[customer + 1] ?? 0;
  for (let pair = pairStart[customer] ?? 0; pair < end; pair += 1) {
    if (core.pairOption[pair] === option) cheapest = Math.min(cheapest, pairCost[pair] ?? Infinity);
  }
  return cheapest;
}
