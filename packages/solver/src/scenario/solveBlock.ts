import { concatenateProblems } from "../flp/concatenateProblems.ts";
import { lagrangianBound, type LagrangianBound, type PairLinks } from "../flp/lagrangianBound.ts";
import type { SparseFacilityLocation } from "../flp/SparseFacilityLocation.ts";
import { solveByCandidates } from "../flp/solveByCandidates.ts";
import type { MipSolver } from "../mip/MipSolver.ts";
import { cheapestOptionCost, type DomainCore } from "./buildDomainCore.ts";
import { buildScenarioModel } from "./buildScenarioModel.ts";
import { checkPlan } from "./checkPlan.ts";
import { domainCostPerYear } from "./domainCostPerYear.ts";
import { coupledPlan } from "./coupledPlan.ts";
import { constraintId, type IndexedScenario } from "./indexScenario.ts";
import { prepareDomain, type PreparedDomain } from "./prepareDomain.ts";

/** Result of one block of domains. */
export interface BlockOutcome {
  status: "optimal" | "feasible" | "infeasible" | "error";
  /** Cost per year of the block, plus penalty × migrations when a migration price was set. */
  objective: number;
  /** Valid lower bound for `objective`'s problem with all the block's constraints. */
  bound: number;
  /** Option per customer for each domain of the block, keyed by domain index. */
  choices: Map<number, Int32Array>;
  migrations: number;
  columns: number;
  seconds: number;
  message: string | undefined;
}

/** What a block solve needs besides the scenario and the block's domains. */
export interface BlockSettings {
  activeMergers: ReadonlySet<number>;
  /** Migration budget row over the block, or null. */
  budget: number | null;
  /** Price per migration added to the objective (Lagrangian of a global budget), default 0. */
  penalty?: number;
  solver: MipSolver;
  relativeGap: number;
  deadline: number;
  /** Domains already prepared with the same mergers and penalty (aligned with `domains`). */
  prepared?: PreparedDomain[];
  /** A Lagrangian of the whole block with the budget row relaxed (see `budgetedLagrangian`). */
  budgetedBound?: { bound: number; multiplier: number; parts: LagrangianBound[] };
  /** A feasible plan to start from (option per customer by domain index). */
  incumbentChoices?: Map<number, Int32Array>;
}

/**
 * Solves one block: per domain a Lagrangian bound and a heuristic on the facility-location core
 * (see `prepareDomain`), then the block's candidate MIP with all its constraints (see
 * `solveByCandidates`). The domains' cores are put side by side so that one bound and one
 * candidate search cover the block, including a budget row if the block has one.
 */
export async function solveBlock(
  scenario: IndexedScenario,
  domains: readonly number[],
  settings: BlockSettings,
): Promise<BlockOutcome> {
  const started = performance.now();
  const penalty = settings.penalty ?? 0;
  // Bounds and heuristics may take up to 40 % of the block's time; the MIP gets the rest.
  const share = Math.max(0.1, ((settings.deadline - performance.now()) / 1000) * 0.4);
  const prepared =
    settings.prepared ??
    domains.map((domainIndex) =>
      prepareDomain(scenario, domainIndex, {
        activeMergers: settings.activeMergers,
        penalty,
        seconds: share / domains.length,
        relativeGap: settings.relativeGap,
      }),
    );
  const cores = prepared.map((part) => part.core);
  const whole = concatenateProblems(cores.map((core) => core.problem));
  const split = (combined: Int32Array): Int32Array[] =>
    cores.map((core, position) => {
      const base = whole.pairOffset[position] ?? 0;
      const from = whole.customerOffset[position] ?? 0;
      return Int32Array.from(
        combined.subarray(from, from + core.problem.customerCount),
        (pair) => pair - base,
      );
    });
  const join = (assignments: Int32Array[]): Int32Array => {
    const combined = new Int32Array(whole.problem.customerCount);
    assignments.forEach((assignment, position) => {
      const base = whole.pairOffset[position] ?? 0;
      combined.set(
        assignment.map((pair) => pair + base),
        whole.customerOffset[position] ?? 0,
      );
    });
    return combined;
  };
  const migrates = new Uint8Array(whole.problem.pairCost.length);
  cores.forEach((core, position) =>
    migrates.set(core.pairMigrates, whole.pairOffset[position] ?? 0),
  );
  // Staying and eigener Betrieb are always candidates: the budget can always be kept, and own
  // operation satisfies couplings and maximum provider counts.
  const required = migrates.map((flag, pair) =>
    flag === 0 || whole.problem.pairFacility[pair] === -1 ? 1 : 0,
  );
  const budget =
    settings.budget === null ? undefined : { counted: migrates, limit: settings.budget };
  const lagrangian = settings.budgetedBound
    ? joinBounds(
        whole.problem,
        settings.budgetedBound.parts,
        settings.budgetedBound.bound,
        settings.budgetedBound.multiplier,
      )
    : joinBounds(
        whole.problem,
        prepared.map((part) => part.lagrangian),
        prepared.reduce((sum, part) => sum + part.lagrangian.bound, 0),
        0,
      );
  const toChoices = (assignments: Int32Array[]) => {
    const choices = new Map<number, Int32Array>();
    assignments.forEach((assignment, position) => {
      const core = cores[position];
      if (core)
        choices.set(
          domains[position] ?? -1,
          Int32Array.from(assignment, (pair) => core.pairOption[pair] ?? -1),
        );
    });
    return choices;
  };
  const countOf = (combined: Int32Array) => {
    let count = 0;
    for (const pair of combined) count += migrates[pair] ?? 0;
    return count;
  };
  const evaluate = (combined: Int32Array) => {
    let cost = penalty * countOf(combined);
    for (const [domainIndex, choice] of toChoices(split(combined))) {
      const value = domainCostPerYear(scenario, domainIndex, choice, settings.activeMergers);
      cost += value.running + value.migration;
    }
    return cost;
  };
  const incumbent = startingPoint(
    scenario,
    domains,
    prepared,
    settings,
    split,
    join,
    toChoices,
    countOf,
    evaluate,
  );
  // Coupled domains: the joined per-domain bounds ignore the coupling and can lie far below
  // the block's optimum; relaxing the link rows instead (multipliers per Kommune and option)
  // keeps it, and the incumbent gives the Polyak steps a good target.
  const links = couplingLinks(scenario, domains, cores, whole.pairOffset);
  let blockLagrangian = lagrangian;
  if (links && !settings.budgetedBound && settings.budget === null) {
    const linked = lagrangianBound(whole.problem, {
      upperBound: incumbent?.cost ?? Infinity,
      start: lagrangian.multipliers,
      links,
      averageLinks: true,
      maxIterations: 600,
      targetGap: settings.relativeGap / 2,
      timeLimitSeconds: Math.max(0.1, ((settings.deadline - performance.now()) / 1000) * 0.3),
    });
    if (linked.bound > lagrangian.bound) blockLagrangian = linked;
  }
  const outcome = await solveByCandidates({
    cores: [whole.problem],
    lagrangians: [blockLagrangian],
    required: [required],
    links: [links],
    ...(budget ? { budget: { counted: [migrates], limit: budget.limit } } : {}),
    extend: (candidates) => {
      const mask = candidates[0];
      if (mask) harmonizeCouplings(scenario, domains, cores, whole.pairOffset, mask);
    },
    build(candidates) {
      const mask = candidates[0] ?? new Uint8Array(whole.problem.pairCost.length);
      const masks = cores.map((core, position) => {
        const base = whole.pairOffset[position] ?? 0;
        return mask.subarray(base, base + core.problem.pairCost.length);
      });
      const model = buildScenarioModel(scenario, domains, cores, masks, {
        activeMergers: settings.activeMergers,
        budget: settings.budget,
      });
      return {
        model: model.model,
        decode: (values) => [join(model.decode(values))],
        encode: (assignments) => (assignments[0] ? model.encode(split(assignments[0])) : undefined),
      };
    },
    evaluate: (assignments) => evaluate(assignments[0] ?? new Int32Array()),
    ...(incumbent ? { incumbent } : {}),
    solver: settings.solver,
    relativeGap: settings.relativeGap,
    deadline: settings.deadline,
  });
  const assignment = outcome.assignments?.[0];
  return {
    status: outcome.status,
    objective: outcome.objective,
    bound: outcome.bound,
    choices: assignment ? toChoices(split(assignment)) : new Map<number, Int32Array>(),
    migrations: assignment ? countOf(assignment) : 0,
    columns: outcome.columns,
    seconds: (performance.now() - started) / 1000,
    message: outcome.message,
  };
}

/**
 * The best known feasible solution of the block: the given plan, else the domains' heuristic
 * solutions if together they keep the block's side constraints (the heuristic ignores them).
 */
function startingPoint(
  scenario: IndexedScenario,
  domains: readonly number[],
  prepared: readonly PreparedDomain[],
  settings: BlockSettings,
  split: (combined: Int32Array) => Int32Array[],
  join: (assignments: Int32Array[]) => Int32Array,
  toChoices: (assignments: Int32Array[]) => Map<number, Int32Array>,
  countOf: (combined: Int32Array) => number,
  evaluate: (combined: Int32Array) => number,
): { cost: number; assignments: Int32Array[] } | undefined {
  const candidates: Int32Array[][] = [];
  if (settings.incumbentChoices) {
    const parts = prepared.map((part) =>
      choicesToPairs(
        scenario,
        part.core,
        part.domainIndex,
        settings.incumbentChoices?.get(part.domainIndex),
      ),
    );
    const complete = parts.filter((part) => part !== undefined);
    if (complete.length === parts.length) candidates.push(complete);
  }
  if (prepared.every((part) => part.estimate)) {
    candidates.push(
      prepared.map((part) =>
        oneLinePerProvider(
          scenario,
          part.core,
          part.domainIndex,
          part.estimate?.assignment ?? new Int32Array(),
        ),
      ),
    );
    // The same plan repaired for couplings and maximum provider counts, which it ignores.
    const repaired = repairPlan(scenario, prepared);
    if (repaired) candidates.push(repaired);
    // Coupled domains planned together from the start (see `coupledPlan`).
    const seconds = Math.min(
      2,
      Math.max(0.05, ((settings.deadline - performance.now()) / 1000) * 0.1),
    );
    const coupled = coupledPlan(scenario, domains, prepared, seconds);
    if (coupled) {
      const parts = prepared.map((part) =>
        choicesToPairs(scenario, part.core, part.domainIndex, coupled.get(part.domainIndex)),
      );
      const complete = parts.filter((part) => part !== undefined);
      if (complete.length === parts.length) candidates.push(complete);
    }
  }
  let best: { cost: number; assignments: Int32Array[] } | undefined;
  for (const parts of candidates) {
    const combined = join(parts);
    if (settings.budget !== null && countOf(combined) > settings.budget) continue;
    const choices = toChoices(split(combined));
    const all = scenario.domains.map(
      (domain) => choices.get(domain.domainIndex) ?? new Int32Array(),
    );
    const blockOnly = { ...scenario, migrationBudget: null };
    const violations = checkPlan(blockOnly, all, settings.activeMergers, new Set(domains));
    if (violations.length > 0) continue;
    const cost = evaluate(combined);
    if (!best || cost < best.cost) best = { cost, assignments: [combined] };
  }
  return best;
}

/**
 * Makes the domains' heuristic plans keep the block's couplings, maximum provider counts and
 * project capacities:
 * a coupled Kommune takes the option common to all coupled domains with the lowest summed pair
 * cost; while a domain has too many providers, the customers of the least used one move to
 * their cheapest remaining option. Undefined when that does not work out.
 */
function repairPlan(
  scenario: IndexedScenario,
  prepared: readonly PreparedDomain[],
): Int32Array[] | undefined {
  const byDomain = new Map(prepared.map((part) => [part.domainIndex, part]));
  const choice = new Map(
    prepared.map((part) => [
      part.domainIndex,
      Int32Array.from(part.estimate?.assignment ?? [], (pair) => part.core.pairOption[pair] ?? -1),
    ]),
  );
  // Load per domain and provider, to keep capacities while moving customers.
  const load = new Map<number, Map<number, number>>();
  const addLoad = (domainIndex: number, option: number, volume: number) => {
    if (option < 0) return;
    const loads = load.get(domainIndex) ?? new Map<number, number>();
    loads.set(option, (loads.get(option) ?? 0) + volume);
    load.set(domainIndex, loads);
  };
  const fits = (domainIndex: number, option: number, volume: number) => {
    if (option < 0) return true;
    const domain = scenario.domains[domainIndex];
    const capacity = domain?.offers[domain.offerOfProvider.get(option) ?? -1]?.capacity ?? Infinity;
    return (load.get(domainIndex)?.get(option) ?? 0) + volume <= capacity;
  };
  for (const [domainIndex, plan] of choice) {
    plan.forEach((option, customer) =>
      addLoad(domainIndex, option, scenario.domains[domainIndex]?.customers[customer]?.volume ?? 0),
    );
  }
  const optionCost = (part: PreparedDomain, customer: number, option: number) =>
    cheapestOptionCost(part.core, customer, option);
  for (const [couplingIndex, coupling] of scenario.input.constraints.couplings.entries()) {
    if (scenario.disabled.has(constraintId.coupling(couplingIndex))) continue;
    const members = coupling.domainIds.map((id) =>
      byDomain.get(scenario.domains.find((domain) => domain.id === id)?.domainIndex ?? -1),
    );
    if (members.some((part) => !part)) continue;
    const firstDomain = scenario.domains[members[0]?.domainIndex ?? -1];
    // Take every coupled Kommune out, then put them back largest first onto a common option.
    const coupled: Array<{ customers: number[]; volume: number[] }> = [];
    for (const kommune of firstDomain?.customerOfKommune.keys() ?? []) {
      const customers = members.map(
        (part) => scenario.domains[part?.domainIndex ?? -1]?.customerOfKommune.get(kommune) ?? -1,
      );
      if (customers.some((customer) => customer < 0)) continue;
      const volume = members.map(
        (part, index) =>
          scenario.domains[part?.domainIndex ?? -1]?.customers[customers[index] ?? 0]?.volume ?? 0,
      );
      members.forEach((part, index) => {
        const plan = choice.get(part?.domainIndex ?? -1);
        const customer = customers[index] ?? 0;
        addLoad(part?.domainIndex ?? -1, plan?.[customer] ?? -1, -(volume[index] ?? 0));
      });
      coupled.push({ customers, volume });
    }
    coupled.sort((a, b) => Math.max(...b.volume) - Math.max(...a.volume));
    for (const { customers, volume } of coupled) {
      const options = members.map(
        (part, index) =>
          new Set(
            scenario.domains[part?.domainIndex ?? -1]?.customers[customers[index] ?? 0]?.options ??
              [],
          ),
      );
      let bestOption = -2;
      let bestCost = Infinity;
      for (const option of options[0] ?? []) {
        if (!options.every((set) => set.has(option))) continue;
        if (
          !members.every((part, index) => fits(part?.domainIndex ?? -1, option, volume[index] ?? 0))
        )
          continue;
        const cost = members.reduce(
          (sum, part, index) =>
            sum + (part ? optionCost(part, customers[index] ?? 0, option) : Infinity),
          0,
        );
        if (cost < bestCost) {
          bestCost = cost;
          bestOption = option;
        }
      }
      if (bestOption === -2) return undefined;
      members.forEach((part, index) => {
        const plan = choice.get(part?.domainIndex ?? -1);
        if (plan) plan[customers[index] ?? 0] = bestOption;
        addLoad(part?.domainIndex ?? -1, bestOption, volume[index] ?? 0);
      });
    }
  }
  for (const rule of scenario.input.constraints.providerCounts) {
    const domain = scenario.domains.find((candidate) => candidate.id === rule.domainId);
    const part = byDomain.get(domain?.domainIndex ?? -1);
    const plan = choice.get(domain?.domainIndex ?? -1);
    if (
      !domain ||
      !part ||
      !plan ||
      rule.max === null ||
      scenario.disabled.has(constraintId.providerCount(domain.id))
    )
      continue;
    for (;;) {
      const used = load.get(domain.domainIndex) ?? new Map<number, number>();
      const active = [...used.entries()].filter(([, volume]) => volume > 0);
      if (active.length <= rule.max) break;
      const smallest = active.sort((a, b) => a[1] - b[1])[0]?.[0] ?? -1;
      const remaining = new Set(
        active.map(([option]) => option).filter((option) => option !== smallest),
      );
      for (let customer = 0; customer < plan.length; customer += 1) {
        if (plan[customer] !== smallest) continue;
        const volume = domain.customers[customer]?.volume ?? 0;
        let bestOption = -2;
        let bestCost = Infinity;
        for (const option of domain.customers[customer]?.options ?? []) {
          if (
            option === smallest ||
            (option >= 0 && !remaining.has(option)) ||
            !fits(domain.domainIndex, option, volume)
          )
            continue;
          const cost = optionCost(part, customer, option);
          if (cost < bestCost) {
            bestCost = cost;
            bestOption = option;
          }
        }
        if (bestOption === -2) return undefined;
        plan[customer] = bestOption;
        addLoad(domain.domainIndex, smallest, -volume);
        addLoad(domain.domainIndex, bestOption, volume);
      }
    }
  }
  if (!keepProjectCapacities(scenario, choice, fits, addLoad)) return undefined;
  const parts = prepared.map((part) =>
    choicesToPairs(scenario, part.core, part.domainIndex, choice.get(part.domainIndex)),
  );
  const complete = parts.filter((part) => part !== undefined);
  return complete.length === parts.length ? complete : undefined;
}

/**
 * Takes back a provider's incoming migrations beyond its project capacity, smallest volume
 * first (they gain least from economies of scale); coupled Kommunen keep their choice. False
 * when that is not enough.
 */
function keepProjectCapacities(
  scenario: IndexedScenario,
  choice: Map<number, Int32Array>,
  fits: (domainIndex: number, option: number, volume: number) => boolean,
  addLoad: (domainIndex: number, option: number, volume: number) => void,
): boolean {
  if (scenario.intakeLimit.size === 0) return true;
  const coupled = new Set<string>();
  scenario.input.constraints.couplings.forEach((coupling, index) => {
    if (scenario.disabled.has(constraintId.coupling(index))) return;
    for (const domainId of coupling.domainIds) coupled.add(domainId);
  });
  const incoming = new Map<number, Array<{ domainIndex: number; customer: number }>>();
  for (const [domainIndex, plan] of choice) {
    const domain = scenario.domains[domainIndex];
    plan.forEach((option, customer) => {
      const need = domain?.customers[customer];
      if (!need || option === need.current || !scenario.intakeLimit.has(option)) return;
      incoming.set(option, [...(incoming.get(option) ?? []), { domainIndex, customer }]);
    });
  }
  for (const [provider, moves] of incoming) {
    let excess = moves.length - (scenario.intakeLimit.get(provider) ?? Infinity);
    const volumeOf = (move: { domainIndex: number; customer: number }) =>
      scenario.domains[move.domainIndex]?.customers[move.customer]?.volume ?? 0;
    moves.sort((a, b) => volumeOf(a) - volumeOf(b));
    for (const move of moves) {
      if (excess <= 0) break;
      const domain = scenario.domains[move.domainIndex];
      const need = domain?.customers[move.customer];
      const plan = choice.get(move.domainIndex);
      if (!domain || !need || !plan || coupled.has(domain.id)) continue;
      if (!need.options.includes(need.current)) continue;
      if (!fits(move.domainIndex, need.current, need.volume)) continue;
      plan[move.customer] = need.current;
      addLoad(move.domainIndex, provider, -need.volume);
      addLoad(move.domainIndex, need.current, need.volume);
      excess -= 1;
    }
    if (excess > 0) return false;
  }
  return true;
}

/** Pairs for a plan given as options: each provider on the cost line cheapest at its volume. */
function choicesToPairs(
  scenario: IndexedScenario,
  core: DomainCore,
  domainIndex: number,
  choice: Int32Array | undefined,
): Int32Array | undefined {
  if (!choice) return undefined;
  const { problem } = core;
  const assignment = new Int32Array(problem.customerCount).fill(-1);
  for (let customer = 0; customer < problem.customerCount; customer += 1) {
    for (
      let pair = problem.pairStart[customer] ?? 0;
      pair < (problem.pairStart[customer + 1] ?? 0);
      pair += 1
    ) {
      if (core.pairOption[pair] === choice[customer]) {
        assignment[customer] = pair;
        break;
      }
    }
    if (assignment[customer] === -1) return undefined;
  }
  return oneLinePerProvider(scenario, core, domainIndex, assignment);
}

/**
 * The block's couplings as link rows over the concatenated pairs: for a coupled Kommune and each
 * option, Σ x(domain a, option) − Σ x(domain b, option) = 0. Undefined without couplings.
 */
function couplingLinks(
  scenario: IndexedScenario,
  domains: readonly number[],
  cores: readonly DomainCore[],
  pairOffset: readonly number[],
): PairLinks | undefined {
  const position = new Map(domains.map((domainIndex, index) => [domainIndex, index]));
  const domainOf = new Map(scenario.domains.map((domain) => [domain.id, domain]));
  const rowStart = [0];
  const pairs: number[] = [];
  const signs: number[] = [];
  scenario.input.constraints.couplings.forEach((coupling, couplingIndex) => {
    if (scenario.disabled.has(constraintId.coupling(couplingIndex))) return;
    const members = coupling.domainIds.map((id) => domainOf.get(id));
    if (members.some((domain) => !domain || !position.has(domain.domainIndex))) return;
    for (let link = 0; link + 1 < members.length; link += 1) {
      const first = members[link];
      const second = members[link + 1];
      if (!first || !second) continue;
      for (const [kommune, customerA] of first.customerOfKommune) {
        const customerB = second.customerOfKommune.get(kommune);
        if (customerB === undefined) continue;
        const rows = new Map<number, Array<[number, number]>>();
        const collect = (domainIndex: number, customer: number, sign: number) => {
          const at = position.get(domainIndex) ?? 0;
          const core = cores[at];
          if (!core) return;
          const base = pairOffset[at] ?? 0;
          for (
            let pair = core.problem.pairStart[customer] ?? 0;
            pair < (core.problem.pairStart[customer + 1] ?? 0);
            pair += 1
          ) {
            const option = core.pairOption[pair] ?? -2;
            rows.set(option, [...(rows.get(option) ?? []), [base + pair, sign]]);
          }
        };
        collect(first.domainIndex, customerA, 1);
        collect(second.domainIndex, customerB, -1);
        for (const entries of rows.values()) {
          for (const [pair, sign] of entries) {
            pairs.push(pair);
            signs.push(sign);
          }
          rowStart.push(pairs.length);
        }
      }
    }
  });
  if (rowStart.length === 1) return undefined;
  return {
    rowStart: Int32Array.from(rowStart),
    pairs: Int32Array.from(pairs),
    signs: Int8Array.from(signs),
  };
}

/**
 * A coupled Kommune must pick the same option in all coupled domains: an option that is a
 * candidate in one of them becomes one in the others too (all its cost lines).
 */
function harmonizeCouplings(
  scenario: IndexedScenario,
  domains: readonly number[],
  cores: readonly DomainCore[],
  pairOffset: readonly number[],
  mask: Uint8Array,
): void {
  const position = new Map(domains.map((domainIndex, index) => [domainIndex, index]));
  const domainOf = new Map(scenario.domains.map((domain) => [domain.id, domain]));
  scenario.input.constraints.couplings.forEach((coupling, couplingIndex) => {
    if (scenario.disabled.has(constraintId.coupling(couplingIndex))) return;
    const members = coupling.domainIds.map((id) => domainOf.get(id));
    if (members.some((domain) => !domain || !position.has(domain.domainIndex))) return;
    const first = members[0];
    for (const kommune of first?.customerOfKommune.keys() ?? []) {
      const options = new Set<number>();
      const ranges = members.map((domain) => {
        const at = position.get(domain?.domainIndex ?? -1) ?? 0;
        const customer = domain?.customerOfKommune.get(kommune);
        const core = cores[at];
        if (customer === undefined || !core) return undefined;
        const base = pairOffset[at] ?? 0;
        return {
          core,
          base,
          from: core.problem.pairStart[customer] ?? 0,
          to: core.problem.pairStart[customer + 1] ?? 0,
        };
      });
      if (ranges.some((range) => range === undefined)) continue;
      for (const range of ranges) {
        if (!range) continue;
        for (let pair = range.from; pair < range.to; pair += 1) {
          if (mask[range.base + pair]) options.add(range.core.pairOption[pair] ?? -2);
        }
      }
      for (const range of ranges) {
        if (!range) continue;
        for (let pair = range.from; pair < range.to; pair += 1) {
          if (options.has(range.core.pairOption[pair] ?? -2)) mask[range.base + pair] = 1;
        }
      }
    }
  });
}

/** The parts' Lagrangians as one for the concatenated core (same order of customers). */
function joinBounds(
  problem: SparseFacilityLocation,
  parts: readonly LagrangianBound[],
  bound: number,
  budgetMultiplier: number,
): LagrangianBound {
  const joined: LagrangianBound = {
    bound,
    budgetMultiplier,
    multipliers: new Float64Array(problem.customerCount),
    facilityPenalty: new Float64Array(problem.facilityCount),
    openHint: new Uint8Array(problem.facilityCount),
    budgetUse: 0,
    iterations: 0,
  };
  let customerBase = 0;
  let facilityBase = 0;
  for (const part of parts) {
    joined.multipliers.set(part.multipliers, customerBase);
    joined.facilityPenalty.set(part.facilityPenalty, facilityBase);
    joined.openHint.set(part.openHint, facilityBase);
    joined.budgetUse += part.budgetUse;
    joined.iterations = Math.max(joined.iterations, part.iterations);
    customerBase += part.multipliers.length;
    facilityBase += part.facilityPenalty.length;
  }
  return joined;
}

/**
 * The heuristic may put a provider's customers on different lines of its curve; the model
 * allows one line per provider. Moving all to the line cheapest at the provider's total volume
 * never costs more, and is what the true cost curve charges anyway.
 */
function oneLinePerProvider(
  scenario: IndexedScenario,
  core: DomainCore,
  domainIndex: number,
  assignment: Int32Array,
): Int32Array {
  const domain = scenario.domains[domainIndex];
  const { problem } = core;
  const volume = new Map<number, number>();
  assignment.forEach((pair, customer) => {
    const option = core.pairOption[pair] ?? -1;
    if (option >= 0)
      volume.set(option, (volume.get(option) ?? 0) + (problem.demand[customer] ?? 0));
  });
  const bestFacility = new Map<number, number>();
  for (let facility = 0; facility < problem.facilityCount; facility += 1) {
    const offer = domain?.offers[core.facilityOffer[facility] ?? -1];
    if (!offer) continue;
    const total = volume.get(offer.providerIndex);
    if (total === undefined) continue;
    const line = offer.lines[core.facilityLine[facility] ?? 0];
    const cost = (line?.intercept ?? 0) + (line?.slope ?? 0) * total;
    const current = bestFacility.get(offer.providerIndex);
    const currentLine =
      current === undefined ? undefined : offer.lines[core.facilityLine[current] ?? 0];
    const currentCost = currentLine ? currentLine.intercept + currentLine.slope * total : Infinity;
    if (cost < currentCost) bestFacility.set(offer.providerIndex, facility);
  }
  return Int32Array.from(assignment, (pair, customer) => {
    const option = core.pairOption[pair] ?? -1;
    const target = bestFacility.get(option);
    if (option < 0 || target === undefined) return pair;
    for (
      let other = problem.pairStart[customer] ?? 0;
      other < (problem.pairStart[customer + 1] ?? 0);
      other += 1
    ) {
      if (problem.pairFacility[other] === target) return other;
    }
    return pair;
  });
}
