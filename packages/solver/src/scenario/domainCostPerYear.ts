import { curveCost, OWN_OPERATION, type IndexedScenario } from "./indexScenario.ts";

/** Cost of one domain per year under a choice of options. */
export interface DomainCost {
  /** Platform + running cost of providers, plus eigener Betrieb. */
  running: number;
  /** Annuity of the one-off migration costs. */
  migration: number;
  /** Total volume per offer position. */
  offerVolume: Float64Array;
  /** Cost per year per offer position (0 when unused; shared platform counted once per merger). */
  offerCost: Float64Array;
}

/**
 * The cost of a domain recomputed from first principles — the true concave curves, not the
 * model's lines — for a choice of option per customer (provider index or OWN_OPERATION).
 * With merged providers the platform cost is paid once: the largest member's.
 */
export function domainCostPerYear(
  scenario: IndexedScenario,
  domainIndex: number,
  choice: Int32Array,
  activeMergers: ReadonlySet<number>,
): DomainCost {
  const domain = scenario.domains[domainIndex];
  if (!domain) throw new Error(`Unbekannter Bereich ${domainIndex}`);
  const offerVolume = new Float64Array(domain.offers.length);
  const offerCost = new Float64Array(domain.offers.length);
  let running = 0;
  let migration = 0;
  domain.customers.forEach((customer, position) => {
    const option = choice[position] ?? OWN_OPERATION;
    if (option !== customer.current) {
      migration +=
        scenario.annuity *
        (domain.migrationFixedCost + domain.migrationCostPerUnit * customer.volume);
    }
    if (option === OWN_OPERATION) {
      running += domain.ownFixedCost + domain.ownCostPerUnit * customer.volume;
      return;
    }
    const offer = domain.offerOfProvider.get(option);
    if (offer !== undefined) offerVolume[offer] = (offerVolume[offer] ?? 0) + customer.volume;
  });
  const mergers = scenario.input.constraints.mergers;
  const sharedPlatform = new Map<number, number>();
  domain.offers.forEach((offer, position) => {
    const volume = offerVolume[position] ?? 0;
    if (volume <= 0) return;
    const providerId = scenario.input.providers[offer.providerIndex]?.id ?? "";
    const merger = [...activeMergers].find((index) =>
      mergers[index]?.providerIds.includes(providerId),
    );
    const cost = curveCost(offer, volume, merger === undefined ? offer.fixedCost : 0);
    offerCost[position] = cost;
    running += cost;
    if (merger !== undefined) {
      sharedPlatform.set(
        merger,
        Math.max(sharedPlatform.get(merger) ?? 0, platformOf(scenario, domainIndex, merger)),
      );
    }
  });
  for (const platform of sharedPlatform.values()) running += platform;
  return { running, migration, offerVolume, offerCost };
}

/** The platform cost a merger pays once in a domain: the largest member's. */
function platformOf(scenario: IndexedScenario, domainIndex: number, merger: number): number {
  const domain = scenario.domains[domainIndex];
  let platform = 0;
  for (const providerId of scenario.input.constraints.mergers[merger]?.providerIds ?? []) {
    const offer =
      domain?.offers[
        domain.offerOfProvider.get(scenario.providerIndex.get(providerId) ?? -1) ?? -1
      ];
    platform = Math.max(platform, offer?.fixedCost ?? 0);
  }
  return platform;
}
