import type { ScenarioModel, ScenarioModelOffer } from "./ScenarioModel.ts";

/**
 * Annuity factor r / (1 − (1 + r)^−H): a one-off cost C costs C·factor per year over H years
 * at discount rate r, and C / H without interest (standard present-value annuity).
 */
export function annuityFactor(horizonYears: number, discountRate: number): number {
  if (discountRate === 0) return 1 / horizonYears;
  return discountRate / (1 - (1 + discountRate) ** -horizonYears);
}

/**
 * Yearly running cost of an offer at a total volume: nothing when unused, else the platform
 * cost plus the piecewise-linear curve walked segment by segment.
 */
export function offerCost(offer: ScenarioModelOffer, volume: number, fixedCost = offer.fixedCost) {
  if (volume <= 0) return 0;
  let cost = fixedCost;
  let start = 0;
  for (const segment of offer.segments) {
    const end = segment.upTo === null ? volume : Math.min(volume, segment.upTo);
    if (end > start) cost += segment.costPerUnit * (end - start);
    if (segment.upTo === null || volume <= segment.upTo) break;
    start = segment.upTo;
  }
  return cost;
}

/** Who serves a Kommune in a domain; providerId null = eigener Betrieb. */
export interface PlanAssignment {
  kommuneKey: string;
  domainId: string;
  providerId: string | null;
  currentProviderId: string | null;
}

/** A provider's volume and yearly cost in one domain. */
export interface PlanProviderLoad {
  providerId: string;
  domainId: string;
  volume: number;
  costPerYear: number;
}

/** A change of provider with its one-off cost. */
export interface PlanMigration {
  kommuneKey: string;
  domainId: string;
  fromProviderId: string | null;
  toProviderId: string | null;
  oneOffCost: number;
}

/** An assignment with its cost under the model (no mergers). */
export interface CostedPlan {
  assignments: PlanAssignment[];
  providerLoads: PlanProviderLoad[];
  migrations: PlanMigration[];
  /** Running cost per year (providers + eigener Betrieb). */
  running: number;
  /** Sum of one-off migration costs. */
  oneOff: number;
}

const pair = (first: string, second: string) => `${first}|${second}`;

/**
 * Costs an assignment of every demand of the model (missing entries keep today's provider):
 * providers' platform and curve cost at their total volume, eigener Betrieb per Kommune, and
 * one-off migration costs. Independent of the solver, so plans can be checked against it.
 */
export function costScenarioPlan(
  model: ScenarioModel,
  chosen: ReadonlyMap<string, string | null> = new Map(),
): CostedPlan {
  const offers = new Map(
    model.offers.map((offer) => [pair(offer.providerId, offer.domainId), offer]),
  );
  const domains = new Map(model.domains.map((domain) => [domain.id, domain]));
  const volumes = new Map<string, number>();
  const assignments: PlanAssignment[] = [];
  const migrations: PlanMigration[] = [];
  let running = 0;
  let oneOff = 0;
  for (const demand of model.demands) {
    const domain = domains.get(demand.domainId);
    if (!domain) continue;
    const id = pair(demand.kommuneId, demand.domainId);
    const providerId = chosen.has(id) ? (chosen.get(id) ?? null) : demand.currentProviderId;
    assignments.push({
      kommuneKey: demand.kommuneId,
      domainId: demand.domainId,
      providerId,
      currentProviderId: demand.currentProviderId,
    });
    if (providerId === null) {
      running += domain.ownOperation.fixedCost + domain.ownOperation.costPerUnit * demand.volume;
    } else {
      const load = pair(providerId, demand.domainId);
      volumes.set(load, (volumes.get(load) ?? 0) + demand.volume);
    }
    if (providerId !== demand.currentProviderId) {
      const cost = domain.migration.fixedCost + domain.migration.costPerUnit * demand.volume;
      oneOff += cost;
      migrations.push({
        kommuneKey: demand.kommuneId,
        domainId: demand.domainId,
        fromProviderId: demand.currentProviderId,
        toProviderId: providerId,
        oneOffCost: cost,
      });
    }
  }
  const providerLoads: PlanProviderLoad[] = [];
  for (const [load, volume] of volumes) {
    const offer = offers.get(load);
    const [providerId = "", domainId = ""] = load.split("|");
    // A provider without an offer cannot serve; the builder gives every current provider one.
    const costPerYear = offer ? offerCost(offer, volume) : Number.POSITIVE_INFINITY;
    running += costPerYear;
    providerLoads.push({ providerId, domainId, volume, costPerYear });
  }
  return { assignments, providerLoads, migrations, running, oneOff };
}

/**
 * Cost per Kommune and year: its share of each provider's cost (split by volume, so shared
 * platform costs are shared), its own operations, and the annuity of its migrations.
 */
export function costPerKommune(
  model: ScenarioModel,
  assignments: readonly PlanAssignment[],
  providerLoads: readonly PlanProviderLoad[],
  migrations: readonly PlanMigration[],
  annuity: number,
): Map<string, number> {
  const domains = new Map(model.domains.map((domain) => [domain.id, domain]));
  const volumeOf = new Map(
    model.demands.map((demand) => [pair(demand.kommuneId, demand.domainId), demand.volume]),
  );
  const loads = new Map(providerLoads.map((load) => [pair(load.providerId, load.domainId), load]));
  const costs = new Map<string, number>();
  const add = (key: string, amount: number) => costs.set(key, (costs.get(key) ?? 0) + amount);
  for (const assignment of assignments) {
    const volume = volumeOf.get(pair(assignment.kommuneKey, assignment.domainId)) ?? 0;
    const domain = domains.get(assignment.domainId);
    if (assignment.providerId === null) {
      if (domain)
        add(
          assignment.kommuneKey,
          domain.ownOperation.fixedCost + domain.ownOperation.costPerUnit * volume,
        );
      continue;
    }
    const load = loads.get(pair(assignment.providerId, assignment.domainId));
    if (load && load.volume > 0)
      add(assignment.kommuneKey, (load.costPerYear * volume) / load.volume);
    else add(assignment.kommuneKey, 0);
  }
  for (const migration of migrations) add(migration.kommuneKey, migration.oneOffCost * annuity);
  return costs;
}
