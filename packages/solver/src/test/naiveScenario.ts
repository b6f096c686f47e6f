/**
 * Test helper: the cost and feasibility of a scenario plan computed straight from the JSON
 * input — segments walked piece by piece, constraints read as written — and an exhaustive
 * search over all plans of tiny scenarios. Independent of the solver's index, cores and lines.
 */
import type { ScenarioInput } from "../scenario/Scenario.ts";
import { forEachTuple } from "./bruteForce.ts";

/** Provider id per demand (input order); null = eigener Betrieb. */
export type NaivePlan = Array<string | null>;

function annuity(input: ScenarioInput): number {
  const rate = input.discountRate;
  return rate === 0 ? 1 / input.horizonYears : rate / (1 - (1 + rate) ** -input.horizonYears);
}

function runningCost(
  segments: ScenarioInput["offers"][number]["segments"],
  volume: number,
): number {
  let cost = 0;
  let start = 0;
  for (const segment of segments) {
    const end = segment.upTo ?? Infinity;
    const isLast = segment === segments[segments.length - 1];
    const length = isLast ? Infinity : end - start;
    const taken = Math.min(Math.max(volume - start, 0), length);
    cost += taken * segment.costPerUnit;
    start = end;
  }
  return cost;
}

/** Cost per year of a plan with the given mergers, or Infinity if it breaks a constraint. */
export function naiveCost(
  input: ScenarioInput,
  plan: NaivePlan,
  mergers: readonly boolean[],
): number {
  const factor = annuity(input);
  let cost = 0;
  let migrations = 0;
  const incoming = new Map<string, number>();
  const used = new Map<string, Map<string, number>>();
  for (const [index, demand] of input.demands.entries()) {
    const choice = plan[index] ?? null;
    const domain = input.domains.find((candidate) => candidate.id === demand.domainId);
    if (!domain) return Infinity;
    if (demand.keepLocal && choice !== null) return Infinity;
    if (choice === null && !demand.ownOperationAllowed) return Infinity;
    if (choice !== null) {
      const offered = input.offers.some(
        (offer) => offer.providerId === choice && offer.domainId === demand.domainId,
      );
      if (!offered) return Infinity;
      if (demand.allowedProviderIds && !demand.allowedProviderIds.includes(choice)) return Infinity;
      const volumes = used.get(demand.domainId) ?? new Map<string, number>();
      volumes.set(choice, (volumes.get(choice) ?? 0) + demand.volume);
      used.set(demand.domainId, volumes);
    } else {
      cost += domain.ownOperation.fixedCost + domain.ownOperation.costPerUnit * demand.volume;
    }
    if (choice !== demand.currentProviderId) {
      migrations += 1;
      if (choice !== null) incoming.set(choice, (incoming.get(choice) ?? 0) + 1);
      cost += factor * (domain.migration.fixedCost + domain.migration.costPerUnit * demand.volume);
    }
  }
  const mergerOf = (providerId: string) =>
    input.constraints.mergers.findIndex(
      (merger, index) => mergers[index] && merger.providerIds.includes(providerId),
    );
  for (const [domainId, volumes] of used) {
    const shared = new Map<number, number>();
    for (const [providerId, volume] of volumes) {
      const offer = input.offers.find(
        (candidate) => candidate.providerId === providerId && candidate.domainId === domainId,
      );
      if (!offer) return Infinity;
      if (offer.capacity !== null && volume > offer.capacity) return Infinity;
      cost += runningCost(offer.segments, volume);
      const merger = mergerOf(providerId);
      if (merger < 0) cost += offer.fixedCost;
      else {
        const members = input.constraints.mergers[merger]?.providerIds ?? [];
        const platform = Math.max(
          ...members.map(
            (member) =>
              input.offers.find(
                (candidate) => candidate.providerId === member && candidate.domainId === domainId,
              )?.fixedCost ?? 0,
          ),
        );
        shared.set(merger, platform);
      }
    }
    for (const platform of shared.values()) cost += platform;
    const rule = input.constraints.providerCounts.find((count) => count.domainId === domainId);
    if (rule) {
      const counted = new Set(
        [...volumes.keys()].map((providerId) => {
          const merger = mergerOf(providerId);
          return merger < 0 ? providerId : `merger-${merger}`;
        }),
      );
      if (counted.size < rule.min || (rule.max !== null && counted.size > rule.max))
        return Infinity;
    }
  }
  for (const rule of input.constraints.providerCounts) {
    if (!used.has(rule.domainId) && rule.min > 0) return Infinity;
  }
  for (const coupling of input.constraints.couplings) {
    for (const kommune of input.kommunen) {
      const choices = coupling.domainIds.map((domainId) => {
        const index = input.demands.findIndex(
          (demand) => demand.kommuneId === kommune.id && demand.domainId === domainId,
        );
        return index < 0 ? undefined : (plan[index] ?? null);
      });
      if (choices.some((choice) => choice === undefined)) continue;
      if (new Set(choices).size > 1) return Infinity;
    }
  }
  const { maxMigrationsPerYear, maxMigrationsTotal } = input.constraints;
  if (maxMigrationsTotal !== null && migrations > maxMigrationsTotal) return Infinity;
  if (maxMigrationsPerYear !== null && migrations > maxMigrationsPerYear * input.horizonYears)
    return Infinity;
  for (const entry of input.constraints.providerProjectCapacity) {
    if ((incoming.get(entry.providerId) ?? 0) > entry.migrationsPerYear * input.horizonYears)
      return Infinity;
  }
  input.constraints.mergers.forEach((merger, index) => {
    if (mergers[index]) cost += factor * merger.oneOffCost;
  });
  return cost;
}

/** The cheapest plan of a tiny scenario by trying every option of every demand. */
export function naiveOptimum(input: ScenarioInput): number {
  const options = input.demands.map((demand) => [
    null,
    ...input.offers
      .filter((offer) => offer.domainId === demand.domainId)
      .map((offer) => offer.providerId),
  ]);
  let best = Infinity;
  forEachTuple(
    input.constraints.mergers.map(() => 2),
    (mergerTuple) => {
      forEachTuple(
        options.map((list) => list.length),
        (tuple) => {
          const plan = tuple.map((choice, index) => options[index]?.[choice] ?? null);
          best = Math.min(
            best,
            naiveCost(
              input,
              plan,
              mergerTuple.map((bit) => bit === 1),
            ),
          );
        },
      );
    },
  );
  return best;
}
