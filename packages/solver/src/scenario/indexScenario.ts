import type { ScenarioInput } from "./Scenario.ts";

/** Option code for eigener Betrieb; provider options are provider indices (≥ 0). */
export const OWN_OPERATION = -1;

/** One affine piece of a concave cost curve: cost(V) = intercept + slope·V. */
export interface CostLine {
  intercept: number;
  slope: number;
}

/** A provider's offer for one domain, ready for modelling. */
export interface IndexedOffer {
  providerIndex: number;
  fixedCost: number;
  capacity: number;
  /** The curve's pieces as lines; the running cost is their minimum (see `curveCost`). */
  lines: CostLine[];
}

/** A Kommune's need in a domain with the options its strategy leaves. */
export interface IndexedDemand {
  /** Position in `input.demands`. */
  demandIndex: number;
  kommuneIndex: number;
  volume: number;
  /** Provider index or {@link OWN_OPERATION}. */
  current: number;
  /** Allowed options: provider indices and/or {@link OWN_OPERATION}. */
  options: number[];
}

/** A domain with its offers and demands. */
export interface IndexedDomain {
  domainIndex: number;
  id: string;
  name: string;
  unit: string;
  ownFixedCost: number;
  ownCostPerUnit: number;
  migrationFixedCost: number;
  migrationCostPerUnit: number;
  offers: IndexedOffer[];
  /** Provider index → position in `offers`. */
  offerOfProvider: Map<number, number>;
  customers: IndexedDemand[];
  /** Kommune index → position in `customers`. */
  customerOfKommune: Map<number, number>;
}

/** A scenario with indices instead of ids, and constraint switches applied. */
export interface IndexedScenario {
  input: ScenarioInput;
  /** Factor turning a one-off cost into cost per year over the horizon. */
  annuity: number;
  domains: IndexedDomain[];
  providerIndex: Map<string, number>;
  /** Most migrations over the horizon, or null. */
  migrationBudget: number | null;
  /**
   * Project capacity: provider index → most migrations it may take in (as the new provider)
   * over the horizon (migrationsPerYear × horizonYears). Providers without a limit, or with one
   * no plan can reach, are absent.
   */
  intakeLimit: Map<number, number>;
  /** Ids of constraint instances switched off (for infeasibility analysis). */
  disabled: ReadonlySet<string>;
}

/** Ids of constraint instances, as switched off by `explainInfeasibility`. */
export const constraintId = {
  keepLocal: (kommuneId: string, domainId: string) => `keepLocal:${kommuneId}:${domainId}`,
  allowed: (kommuneId: string, domainId: string) => `allowed:${kommuneId}:${domainId}`,
  capacity: (providerId: string, domainId: string) => `capacity:${providerId}:${domainId}`,
  coupling: (index: number) => `coupling:${index}`,
  providerCount: (domainId: string) => `providerCount:${domainId}`,
  budget: () => "budget",
  projectCapacity: (providerId: string) => `projectCapacity:${providerId}`,
};

/**
 * Annuity factor r / (1 − (1 + r)^−H): a one-off cost C costs C·factor per year over H years at
 * discount rate r (C / H without interest).
 */
export function annuityFactor(horizonYears: number, discountRate: number): number {
  if (discountRate === 0) return 1 / horizonYears;
  return discountRate / (1 - (1 + discountRate) ** -horizonYears);
}

/**
 * Lines of a concave piecewise-linear curve: piece s starts at breakpoint b and continues the
 * curve with slope m, so its line is cost(b) − m·b + m·V. A concave function is the minimum of
 * its pieces' lines, which is what lets the model choose a piece with one binary per line.
 */
export function curveLines(segments: ScenarioInput["offers"][number]["segments"]): CostLine[] {
  const lines: CostLine[] = [];
  let start = 0;
  let costAtStart = 0;
  for (const segment of segments) {
    lines.push({
      intercept: costAtStart - segment.costPerUnit * start,
      slope: segment.costPerUnit,
    });
    if (segment.upTo === null) break;
    costAtStart += segment.costPerUnit * (segment.upTo - start);
    start = segment.upTo;
  }
  return lines;
}

/** Running cost of a provider in a domain at total volume V: 0 when unused, else fixed + curve. */
export function curveCost(
  offer: IndexedOffer,
  volume: number,
  fixedCost = offer.fixedCost,
): number {
  if (volume <= 0) return 0;
  let best = Infinity;
  for (const line of offer.lines) best = Math.min(best, line.intercept + line.slope * volume);
  return fixedCost + best;
}

/** Builds the indexed form; `disabled` switches constraint instances off. */
export function indexScenario(
  input: ScenarioInput,
  disabled: ReadonlySet<string> = new Set(),
): IndexedScenario {
  const providerIndex = new Map(input.providers.map((provider, index) => [provider.id, index]));
  const kommuneIndex = new Map(input.kommunen.map((kommune, index) => [kommune.id, index]));
  const domains: IndexedDomain[] = input.domains.map((domain, domainIndex) => ({
    domainIndex,
    id: domain.id,
    name: domain.name,
    unit: domain.unit,
    ownFixedCost: domain.ownOperation.fixedCost,
    ownCostPerUnit: domain.ownOperation.costPerUnit,
    migrationFixedCost: domain.migration.fixedCost,
    migrationCostPerUnit: domain.migration.costPerUnit,
    offers: [],
    offerOfProvider: new Map(),
    customers: [],
    customerOfKommune: new Map(),
  }));
  const domainIndex = new Map(input.domains.map((domain, index) => [domain.id, index]));
  for (const offer of input.offers) {
    const domain = domains[domainIndex.get(offer.domainId) ?? -1];
    const provider = providerIndex.get(offer.providerId);
    if (!domain || provider === undefined) continue;
    const capacityOn = !disabled.has(constraintId.capacity(offer.providerId, offer.domainId));
    domain.offerOfProvider.set(provider, domain.offers.length);
    domain.offers.push({
      providerIndex: provider,
      fixedCost: offer.fixedCost,
      capacity: capacityOn && offer.capacity !== null ? offer.capacity : Infinity,
      lines: curveLines(offer.segments),
    });
  }
  input.demands.forEach((demand, demandIndex) => {
    const domain = domains[domainIndex.get(demand.domainId) ?? -1];
    const kommune = kommuneIndex.get(demand.kommuneId);
    if (!domain || kommune === undefined) return;
    const restricted = !disabled.has(constraintId.allowed(demand.kommuneId, demand.domainId));
    const keepLocal =
      demand.keepLocal && !disabled.has(constraintId.keepLocal(demand.kommuneId, demand.domainId));
    const allowed = new Set(
      restricted && demand.allowedProviderIds
        ? demand.allowedProviderIds.map((id) => providerIndex.get(id) ?? -2)
        : domain.offers.map((offer) => offer.providerIndex),
    );
    const options: number[] = [];
    if (!keepLocal) {
      for (const offer of domain.offers) {
        if (allowed.has(offer.providerIndex)) options.push(offer.providerIndex);
      }
    }
    if (demand.ownOperationAllowed || !restricted) options.push(OWN_OPERATION);
    const current =
      demand.currentProviderId === null
        ? OWN_OPERATION
        : (providerIndex.get(demand.currentProviderId) ?? OWN_OPERATION);
    domain.customerOfKommune.set(kommune, domain.customers.length);
    domain.customers.push({
      demandIndex,
      kommuneIndex: kommune,
      volume: demand.volume,
      current,
      options,
    });
  });
  const { maxMigrationsPerYear, maxMigrationsTotal } = input.constraints;
  const limits = [
    maxMigrationsTotal,
    maxMigrationsPerYear === null ? null : maxMigrationsPerYear * input.horizonYears,
  ].filter((limit): limit is number => limit !== null);
  const migrationBudget =
    limits.length > 0 && !disabled.has(constraintId.budget()) ? Math.min(...limits) : null;
  // A limit no plan can reach (fewer Kommunen could move to the provider) is left out: it
  // would only tie the provider's domains into one block.
  const reachableIntake = new Map<number, number>();
  for (const domain of domains) {
    for (const customer of domain.customers) {
      for (const option of customer.options) {
        if (option !== OWN_OPERATION && option !== customer.current)
          reachableIntake.set(option, (reachableIntake.get(option) ?? 0) + 1);
      }
    }
  }
  const intakeLimit = new Map<number, number>();
  for (const entry of input.constraints.providerProjectCapacity) {
    const provider = providerIndex.get(entry.providerId);
    if (provider === undefined || disabled.has(constraintId.projectCapacity(entry.providerId)))
      continue;
    const limit = entry.migrationsPerYear * input.horizonYears;
    if ((reachableIntake.get(provider) ?? 0) > limit) intakeLimit.set(provider, limit);
  }
  return {
    input,
    annuity: annuityFactor(input.horizonYears, input.discountRate),
    domains,
    providerIndex,
    migrationBudget,
    intakeLimit,
    disabled,
  };
}
