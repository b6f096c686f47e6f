import { domainCostPerYear } from "./domainCostPerYear.ts";
import { OWN_OPERATION, type IndexedScenario } from "./indexScenario.ts";
import type { ScenarioPlan } from "./ScenarioPlan.ts";

/**
 * Turns a choice of options (one array per domain, provider index or OWN_OPERATION per
 * customer) into the plan people read: who serves whom, which migrations, and the cost per year
 * split into running cost and the annuity of one-off costs, against the status quo.
 */
export function interpretSolution(
  scenario: IndexedScenario,
  choices: readonly Int32Array[],
  activeMergers: ReadonlySet<number>,
): ScenarioPlan {
  const { input } = scenario;
  const idOf = (option: number) =>
    option === OWN_OPERATION ? null : (input.providers[option]?.id ?? null);
  const plan: ScenarioPlan = {
    assignments: [],
    migrations: [],
    providerLoads: [],
    mergers: [...activeMergers].map(
      (index) => input.constraints.mergers[index]?.id ?? String(index),
    ),
    costPerYear: { running: 0, migration: 0, total: 0 },
    statusQuoCostPerYear: 0,
    savingPerYear: 0,
  };
  for (const domain of scenario.domains) {
    const choice = choices[domain.domainIndex] ?? new Int32Array();
    const cost = domainCostPerYear(scenario, domain.domainIndex, choice, activeMergers);
    const statusQuo = Int32Array.from(domain.customers, (customer) => customer.current);
    plan.statusQuoCostPerYear += domainCostPerYear(
      scenario,
      domain.domainIndex,
      statusQuo,
      new Set(),
    ).running;
    plan.costPerYear.running += cost.running;
    plan.costPerYear.migration += cost.migration;
    domain.customers.forEach((customer, position) => {
      const option = choice[position] ?? OWN_OPERATION;
      const kommuneId = input.kommunen[customer.kommuneIndex]?.id ?? "";
      plan.assignments.push({
        kommuneId,
        domainId: domain.id,
        providerId: idOf(option),
        currentProviderId: idOf(customer.current),
      });
      if (option !== customer.current) {
        plan.migrations.push({
          kommuneId,
          domainId: domain.id,
          fromProviderId: idOf(customer.current),
          toProviderId: idOf(option),
          oneOffCost: domain.migrationFixedCost + domain.migrationCostPerUnit * customer.volume,
        });
      }
    });
    domain.offers.forEach((offer, position) => {
      const volume = cost.offerVolume[position] ?? 0;
      if (volume <= 0) return;
      plan.providerLoads.push({
        providerId: input.providers[offer.providerIndex]?.id ?? "",
        domainId: domain.id,
        volume,
        costPerYear: cost.offerCost[position] ?? 0,
      });
    });
  }
  for (const merger of activeMergers) {
    plan.costPerYear.migration +=
      scenario.annuity * (input.constraints.mergers[merger]?.oneOffCost ?? 0);
  }
  plan.costPerYear.total = plan.costPerYear.running + plan.costPerYear.migration;
  plan.savingPerYear = plan.statusQuoCostPerYear - plan.costPerYear.total;
  return plan;
}
