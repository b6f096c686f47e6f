import { HighsSolver } from "../highs/HighsSolver.ts";
import type { MipSolver } from "../mip/MipSolver.ts";
import { buildDomainCore } from "./buildDomainCore.ts";
import { buildScenarioModel } from "./buildScenarioModel.ts";
import { findBlocks } from "./decomposeScenario.ts";
import {
  constraintId,
  indexScenario,
  OWN_OPERATION,
  type IndexedScenario,
} from "./indexScenario.ts";
import type { ScenarioInput } from "./Scenario.ts";

type Kind =
  | "keepLocal"
  | "allowed"
  | "capacity"
  | "coupling"
  | "providerCount"
  | "budget"
  | "projectCapacity";

interface Instance {
  id: string;
  kind: Kind;
}

const number = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 0 });

/**
 * Names the constraints that together make a scenario infeasible, in German. Deletion filter
 * (Chinneck & Dravnieks 1991) over constraint instances — keep-local decisions, allowed-provider
 * lists, capacities, couplings, provider counts, the migration budget, providers' project
 * capacities: first whole kinds, then
 * halves of what is left down to single instances. An instance is dropped for good when the
 * rest stays infeasible without it, so what remains is an irreducible conflict: every named
 * constraint is needed for it. Each test is a feasibility MIP (zero objective) over all pairs.
 */
export async function explainInfeasibility(
  input: ScenarioInput,
  solver: MipSolver = new HighsSolver(),
): Promise<string[]> {
  const instances = listInstances(input);
  const disabled = new Set<string>();
  const feasible = (extra: readonly Instance[]) =>
    isFeasible(input, new Set([...disabled, ...extra.map((instance) => instance.id)]), solver);
  if (await feasible([])) {
    return ["Das Szenario ist mit allen Vorgaben lösbar; der Konflikt entstand nur im Zeitlimit."];
  }
  const kinds = [...new Set(instances.map((instance) => instance.kind))];
  for (const kind of kinds) {
    const ofKind = instances.filter((instance) => instance.kind === kind);
    if (!(await feasible(ofKind))) for (const instance of ofKind) disabled.add(instance.id);
  }
  const stack = [instances.filter((instance) => !disabled.has(instance.id))];
  while (stack.length > 0) {
    const chunk = stack.pop() ?? [];
    if (chunk.length === 0) continue;
    if (!(await feasible(chunk))) {
      for (const instance of chunk) disabled.add(instance.id);
    } else if (chunk.length > 1) {
      const middle = chunk.length >> 1;
      stack.push(chunk.slice(middle), chunk.slice(0, middle));
    }
  }
  const conflict = instances.filter((instance) => !disabled.has(instance.id));
  const scenario = indexScenario(input, disabled);
  return describe(scenario, conflict);
}

function listInstances(input: ScenarioInput): Instance[] {
  const instances: Instance[] = [];
  for (const demand of input.demands) {
    if (demand.keepLocal) {
      instances.push({
        id: constraintId.keepLocal(demand.kommuneId, demand.domainId),
        kind: "keepLocal",
      });
    }
    if (demand.allowedProviderIds !== undefined || !demand.ownOperationAllowed) {
      instances.push({
        id: constraintId.allowed(demand.kommuneId, demand.domainId),
        kind: "allowed",
      });
    }
  }
  for (const offer of input.offers) {
    if (offer.capacity !== null) {
      instances.push({
        id: constraintId.capacity(offer.providerId, offer.domainId),
        kind: "capacity",
      });
    }
  }
  input.constraints.couplings.forEach((_, index) =>
    instances.push({ id: constraintId.coupling(index), kind: "coupling" }),
  );
  for (const rule of input.constraints.providerCounts) {
    instances.push({ id: constraintId.providerCount(rule.domainId), kind: "providerCount" });
  }
  const { maxMigrationsPerYear, maxMigrationsTotal } = input.constraints;
  if (maxMigrationsPerYear !== null || maxMigrationsTotal !== null) {
    instances.push({ id: constraintId.budget(), kind: "budget" });
  }
  for (const entry of input.constraints.providerProjectCapacity) {
    instances.push({ id: constraintId.projectCapacity(entry.providerId), kind: "projectCapacity" });
  }
  return instances;
}

async function isFeasible(
  input: ScenarioInput,
  disabled: ReadonlySet<string>,
  solver: MipSolver,
): Promise<boolean> {
  const scenario = indexScenario(input, disabled);
  if (
    scenario.domains.some((domain) =>
      domain.customers.some((customer) => customer.options.length === 0),
    )
  ) {
    return false;
  }
  const blocks =
    scenario.migrationBudget === null
      ? findBlocks(scenario)
      : [scenario.domains.map((domain) => domain.domainIndex)];
  for (const block of blocks) {
    const cores = block.map((domainIndex) => {
      const domain = scenario.domains[domainIndex];
      if (!domain) throw new Error(`Unbekannter Bereich ${domainIndex}`);
      return buildDomainCore(domain, scenario.annuity);
    });
    const candidates = cores.map((core) => new Uint8Array(core.problem.pairCost.length).fill(1));
    const { model } = buildScenarioModel(scenario, block, cores, candidates, {
      activeMergers: new Set(),
      budget: scenario.migrationBudget,
      feasibilityOnly: true,
    });
    const result = await solver.solve(model, { timeLimitSeconds: 30, relativeGap: 1 });
    if (result.status === "infeasible") return false;
  }
  return true;
}

function describe(scenario: IndexedScenario, conflict: readonly Instance[]): string[] {
  const { input } = scenario;
  const kommuneName = new Map(input.kommunen.map((kommune) => [kommune.id, kommune.name]));
  const providerName = new Map(input.providers.map((provider) => [provider.id, provider.name]));
  const domainOf = new Map(scenario.domains.map((domain) => [domain.id, domain]));
  const messages: string[] = [];
  const ids = new Set(conflict.map((instance) => instance.id));
  for (const demand of input.demands) {
    const kommune = kommuneName.get(demand.kommuneId) ?? demand.kommuneId;
    const domain = domainOf.get(demand.domainId)?.name ?? demand.domainId;
    if (ids.has(constraintId.keepLocal(demand.kommuneId, demand.domainId))) {
      messages.push(`${kommune} muss ${domain} vor Ort betreiben (Strategie „vor Ort notwendig“).`);
    }
    if (ids.has(constraintId.allowed(demand.kommuneId, demand.domainId))) {
      const offering = input.offers
        .filter((offer) => offer.domainId === demand.domainId)
        .map((offer) => offer.providerId);
      const allowed = (demand.allowedProviderIds ?? offering).map(
        (id) => providerName.get(id) ?? id,
      );
      if (demand.ownOperationAllowed) allowed.push("eigener Betrieb");
      messages.push(
        allowed.length === 0
          ? `Für ${kommune} ist im Bereich ${domain} keine Option zugelassen.`
          : `Für ${kommune} sind im Bereich ${domain} nur zugelassen: ${allowed.join(", ")}.`,
      );
    }
  }
  for (const domain of scenario.domains) {
    const limited = input.offers.filter(
      (offer) =>
        offer.domainId === domain.id &&
        ids.has(constraintId.capacity(offer.providerId, offer.domainId)),
    );
    if (limited.length === 0) continue;
    const limitedIndices = new Set(
      limited.map((offer) => scenario.providerIndex.get(offer.providerId) ?? -2),
    );
    // The Kommunen that, under the conflicting rules, can only go to these providers.
    const bound = domain.customers.filter((customer) =>
      customer.options.every((option) => option !== OWN_OPERATION && limitedIndices.has(option)),
    );
    const volume = bound.reduce((sum, customer) => sum + customer.volume, 0);
    const names = limited.map(
      (offer) =>
        `${providerName.get(offer.providerId) ?? offer.providerId} (${number.format(offer.capacity ?? 0)} ${domain.unit})`,
    );
    const subject =
      names.length === 1 ? `Kapazität von ${names[0]}` : `Kapazitäten von ${names.join(" und ")}`;
    const verb = names.length === 1 ? "reicht" : "reichen zusammen";
    messages.push(
      `${subject} für ${domain.name} ${verb} nicht für die zugelassenen Kommunen (${number.format(volume)} ${domain.unit}).`,
    );
  }
  input.constraints.couplings.forEach((coupling, index) => {
    if (!ids.has(constraintId.coupling(index))) return;
    const names = coupling.domainIds.map((id) => domainOf.get(id)?.name ?? id);
    messages.push(
      `${names.join(" und ")} müssen je Kommune vom selben Anbieter kommen (Kopplung).`,
    );
  });
  for (const rule of input.constraints.providerCounts) {
    if (!ids.has(constraintId.providerCount(rule.domainId))) continue;
    const domain = domainOf.get(rule.domainId)?.name ?? rule.domainId;
    const range =
      rule.max === null
        ? `mindestens ${rule.min}`
        : rule.min > 0
          ? `${rule.min} bis ${rule.max}`
          : `höchstens ${rule.max}`;
    messages.push(`Im Bereich ${domain} sind ${range} Anbieter vorgegeben.`);
  }
  for (const entry of input.constraints.providerProjectCapacity) {
    if (!ids.has(constraintId.projectCapacity(entry.providerId))) continue;
    const provider = scenario.providerIndex.get(entry.providerId) ?? -2;
    // Kommunen that, under the conflicting rules, can only go to this provider.
    const forced = scenario.domains.reduce(
      (sum, domain) =>
        sum +
        domain.customers.filter(
          (customer) =>
            customer.current !== provider &&
            customer.options.length > 0 &&
            customer.options.every((option) => option === provider),
        ).length,
      0,
    );
    const years = input.horizonYears === 1 ? "1 Jahr" : `${input.horizonYears} Jahre`;
    const name = providerName.get(entry.providerId) ?? entry.providerId;
    const limit = `höchstens ${number.format(entry.migrationsPerYear)} Wechsel je Jahr aufnehmen (${number.format(entry.migrationsPerYear * input.horizonYears)} über ${years})`;
    messages.push(
      forced > entry.migrationsPerYear * input.horizonYears
        ? `Projektkapazität: ${name} kann ${limit}, die übrigen Vorgaben schicken aber ${number.format(forced)} Wechsel dorthin.`
        : `Projektkapazität: ${name} kann ${limit}; das reicht für die übrigen Vorgaben nicht.`,
    );
  }
  if (ids.has(constraintId.budget())) {
    const { maxMigrationsPerYear, maxMigrationsTotal } = input.constraints;
    const limits = [
      maxMigrationsTotal === null ? null : `${number.format(maxMigrationsTotal)} insgesamt`,
      maxMigrationsPerYear === null
        ? null
        : `${number.format(maxMigrationsPerYear)} je Jahr über ${input.horizonYears} Jahre`,
    ].filter((limit) => limit !== null);
    const forced = scenario.domains.reduce(
      (sum, domain) =>
        sum +
        domain.customers.filter((customer) => !customer.options.includes(customer.current)).length,
      0,
    );
    const budget = scenario.migrationBudget ?? 0;
    messages.push(
      forced > budget
        ? `Es sind höchstens ${limits.join(" bzw. ")} Wechsel erlaubt, die übrigen Vorgaben erzwingen aber mindestens ${number.format(forced)}.`
        : `Es sind höchstens ${limits.join(" bzw. ")} Wechsel erlaubt; das reicht für die übrigen Vorgaben nicht.`,
    );
  }
  return messages;
}
