import { constraintId, OWN_OPERATION, type IndexedScenario } from "./indexScenario.ts";

/**
 * Constraint violations of a choice of options (one array per domain, option per customer),
 * as German sentences; empty when the plan is feasible. Independent of any model, so tests can
 * hold the solver's plans against it. `onlyDomains` restricts the check to a block (the
 * migration budget and the project capacities then count the block's migrations only).
 */
export function checkPlan(
  scenario: IndexedScenario,
  choices: readonly Int32Array[],
  activeMergers: ReadonlySet<number> = new Set(),
  onlyDomains?: ReadonlySet<number>,
): string[] {
  const violations: string[] = [];
  const checked = (domainIndex: number) => !onlyDomains || onlyDomains.has(domainIndex);
  const { input } = scenario;
  const kommuneName = (index: number) => input.kommunen[index]?.name ?? String(index);
  const providerName = (index: number) =>
    index === OWN_OPERATION ? "eigener Betrieb" : (input.providers[index]?.name ?? String(index));
  let migrations = 0;
  /** Incoming migrations per provider (project capacity). */
  const incoming = new Map<number, number>();
  scenario.domains.forEach((domain) => {
    if (!checked(domain.domainIndex)) return;
    const choice = choices[domain.domainIndex] ?? new Int32Array();
    const volume = new Float64Array(domain.offers.length);
    const used = new Set<number>();
    domain.customers.forEach((customer, position) => {
      const option = choice[position] ?? -2;
      if (!customer.options.includes(option)) {
        violations.push(
          `${kommuneName(customer.kommuneIndex)}: ${providerName(option)} ist für ${domain.name} nicht zugelassen.`,
        );
      }
      if (option !== customer.current) {
        migrations += 1;
        if (option !== OWN_OPERATION) incoming.set(option, (incoming.get(option) ?? 0) + 1);
      }
      const offer = domain.offerOfProvider.get(option);
      if (offer !== undefined) {
        volume[offer] = (volume[offer] ?? 0) + customer.volume;
        used.add(option);
      }
    });
    domain.offers.forEach((offer, position) => {
      if ((volume[position] ?? 0) > offer.capacity * (1 + 1e-9)) {
        violations.push(
          `Kapazität von ${providerName(offer.providerIndex)} für ${domain.name} überschritten.`,
        );
      }
    });
    const rule = input.constraints.providerCounts.find((count) => count.domainId === domain.id);
    if (rule && !scenario.disabled.has(constraintId.providerCount(domain.id))) {
      const count = countProviders(scenario, used, activeMergers);
      if (count < rule.min || (rule.max !== null && count > rule.max)) {
        violations.push(
          `${domain.name}: ${count} Anbieter, vorgegeben ${rule.min} bis ${rule.max ?? "beliebig viele"}.`,
        );
      }
    }
  });
  input.constraints.couplings.forEach((coupling, index) => {
    if (scenario.disabled.has(constraintId.coupling(index))) return;
    const domains = coupling.domainIds.map((id) =>
      scenario.domains.find((domain) => domain.id === id),
    );
    const first = domains[0];
    if (!first || domains.some((domain) => !domain || !checked(domain.domainIndex))) return;
    for (const kommune of first.customerOfKommune.keys()) {
      const options = domains.map((domain) => {
        const customer = domain?.customerOfKommune.get(kommune);
        return customer === undefined ? undefined : choices[domain?.domainIndex ?? -1]?.[customer];
      });
      if (options.some((option) => option === undefined)) continue;
      if (new Set(options).size > 1) {
        violations.push(
          `${kommuneName(kommune)}: ${coupling.domainIds.join(" und ")} nicht vom selben Anbieter.`,
        );
      }
    }
  });
  for (const [provider, limit] of scenario.intakeLimit) {
    const count = incoming.get(provider) ?? 0;
    if (count > limit) {
      violations.push(
        `${providerName(provider)} nimmt ${count} Wechsel auf, die Projektkapazität erlaubt ${limit} in ${input.horizonYears} ${input.horizonYears === 1 ? "Jahr" : "Jahren"}.`,
      );
    }
  }
  if (scenario.migrationBudget !== null && migrations > scenario.migrationBudget) {
    violations.push(`${migrations} Wechsel, erlaubt sind ${scenario.migrationBudget}.`);
  }
  return violations;
}

/** Providers serving a domain, a merger's members counted once when the merger is taken. */
function countProviders(
  scenario: IndexedScenario,
  used: Set<number>,
  activeMergers: ReadonlySet<number>,
): number {
  const counted = new Set<string>();
  for (const provider of used) {
    const id = scenario.input.providers[provider]?.id ?? "";
    const merger = [...activeMergers].find((index) =>
      scenario.input.constraints.mergers[index]?.providerIds.includes(id),
    );
    counted.add(merger === undefined ? `p${provider}` : `m${merger}`);
  }
  return counted.size;
}
