import { budgetedLagrangian } from "../flp/budgetedLagrangian.ts";
import { relativeGapOf } from "../flp/solveByCandidates.ts";
import type { MipSolver } from "../mip/MipSolver.ts";
import { cheapestOptionCost } from "./buildDomainCore.ts";
import { checkPlan } from "./checkPlan.ts";
import { domainCostPerYear } from "./domainCostPerYear.ts";
import { constraintId, type IndexedScenario } from "./indexScenario.ts";
import { prepareDomain, type PreparedDomain } from "./prepareDomain.ts";
import type { BlockReport } from "./ScenarioPlan.ts";
import { solveBlock, type BlockOutcome, type BlockSettings } from "./solveBlock.ts";

/** Up to this many Kommune × domain pairs a budget-coupled scenario is finished as one MIP. */
const COMBINED_LIMIT = 60_000;

/** Limits and machinery for the decomposed solve. */
export interface DecompositionOptions {
  solver: MipSolver;
  relativeGap: number;
  deadline: number;
  /** Blocks in flight at once (MIPs run in worker threads; 2 cores → 2). */
  concurrency: number;
  /** Results of unpriced blocks by key, shared across merger options. */
  cache?: Map<string, BlockOutcome>;
}

/** The combined result of all blocks for one choice of mergers. */
export interface DecomposedOutcome {
  status: "optimal" | "feasible" | "infeasible" | "error";
  /** Cost per year (true cost, no prices). */
  objective: number;
  bound: number;
  /** Option per customer, indexed by domain. */
  choices: Int32Array[];
  blocks: BlockReport[];
  message: string | undefined;
}

/**
 * Domains are independent unless a coupling ties them (same provider for a Kommune), a
 * provider's project capacity counts its incoming migrations across them, or a global
 * migration budget counts across them. Coupled domains form a block (connected components);
 * blocks are solved separately, `concurrency` at a time, and since every feasible plan splits
 * into feasible block plans, the sum of block bounds is a valid bound for the whole.
 *
 * A global migration budget is priced instead (Lagrangian relaxation of the budget row): for a
 * price μ ≥ 0 per migration the blocks separate again, and Φ(μ) = Σ_d L_d(μ) − μ·budget bounds
 * the budgeted scenario for every μ (see `budgetedLagrangian`, which finds the best μ). The
 * blocks are then solved at that price (raised until the plan keeps the budget) — a feasible
 * plan whose bound is max(Φ(μ), Σ block bounds(μ) − μ·budget). Up to {@link COMBINED_LIMIT}
 * Kommune × domain pairs the scenario is finally solved as one candidate MIP with the budget
 * row, starting from that plan and fixing pairs with the priced bounds.
 */
export async function decomposeScenario(
  scenario: IndexedScenario,
  activeMergers: ReadonlySet<number>,
  options: DecompositionOptions,
): Promise<DecomposedOutcome> {
  const blocks = findBlocks(scenario);
  const budget = scenario.migrationBudget;
  if (budget === null) {
    const outcomes = await solveBlocks(
      scenario,
      blocks,
      options,
      () => ({ activeMergers, budget: null }),
      true,
    );
    return combine(scenario, blocks, outcomes, activeMergers, 0, 0, options.relativeGap);
  }
  const started = performance.now();
  const forced = scenario.domains.reduce(
    (sum, domain) =>
      sum +
      domain.customers.filter((customer) => !customer.options.includes(customer.current)).length,
    0,
  );
  if (forced > budget) {
    return {
      status: "infeasible",
      objective: Infinity,
      bound: Infinity,
      choices: [],
      blocks: [],
      message: undefined,
    };
  }
  const allDomains = scenario.domains.map((domain) => domain.domainIndex);
  const seconds = (options.deadline - started) / 1000;
  const prepared = allDomains.map((domainIndex) =>
    prepareDomain(scenario, domainIndex, {
      activeMergers,
      penalty: 0,
      seconds: seconds / (8 * allDomains.length),
      relativeGap: options.relativeGap,
    }),
  );
  const priceHint = migrationPriceHint(prepared, budget);
  const budgeted = budgetedLagrangian(
    prepared.map((part) => part.core.problem),
    prepared.map((part) => part.core.pairMigrates),
    budget,
    {
      upperBounds: prepared.map((part) => part.estimate?.cost ?? Infinity),
      starts: prepared.map((part) => part.lagrangian.multipliers),
      deadline: performance.now() + seconds * 200,
      priceHint,
    },
  );
  if (budgeted.bound === Infinity) {
    return {
      status: "infeasible",
      objective: Infinity,
      bound: Infinity,
      choices: [],
      blocks: [],
      message: undefined,
    };
  }
  // Price-directed plan: blocks at price μ, raised until the plan keeps the budget. Exact block
  // plans migrate somewhat more than the heuristic at the same price, so aim a little lower.
  // Without a price from the search (out of time), the hint is the best guess there is.
  let price =
    budgeted.budgetMultiplier > 0
      ? nextPrice(budgeted.samples, budgeted.budgetMultiplier, budget * 0.92)
      : (budgeted.samples.at(-1)?.use ?? 0) > budget
        ? Math.max(priceHint, budgeted.samples.at(-1)?.price ?? 0)
        : 0;
  let plan: { choices: Int32Array[]; outcomes: BlockOutcome[]; price: number } | undefined;
  let overBudget: Int32Array[] | undefined;
  let bound = budgeted.bound;
  const exact: Array<{ price: number; use: number }> = [];
  for (
    let attempt = 0;
    attempt < 4 && !plan && performance.now() < options.deadline;
    attempt += 1
  ) {
    const priced = allDomains.map((domainIndex, position) =>
      prepareDomain(scenario, domainIndex, {
        activeMergers,
        penalty: price,
        seconds: seconds / (16 * allDomains.length),
        relativeGap: options.relativeGap,
        ...(attempt === 0 && budgeted.parts[position]
          ? { lagrangian: budgeted.parts[position] }
          : {}),
        ...(prepared[position] ? { start: prepared[position].lagrangian.multipliers } : {}),
      }),
    );
    const remaining = options.deadline - performance.now();
    const outcomes = await solveBlocks(
      scenario,
      blocks,
      // A plan within the budget matters more than a tight gap here: the final solve follows.
      {
        ...options,
        relativeGap: Math.max(options.relativeGap, 0.005),
        deadline: performance.now() + remaining * 0.5,
      },
      (domains) => ({
        activeMergers,
        budget: null,
        penalty: price,
        prepared: domains.map((domainIndex) => priced[domainIndex] as PreparedDomain),
      }),
      false,
    );
    if (outcomes.some((outcome) => outcome.status === "infeasible" || outcome.status === "error")) {
      const failed = combine(
        scenario,
        blocks,
        outcomes,
        activeMergers,
        price,
        budget,
        options.relativeGap,
      );
      return { ...failed, bound: failed.status === "infeasible" ? Infinity : bound };
    }
    const migrations = outcomes.reduce((sum, outcome) => sum + outcome.migrations, 0);
    bound = Math.max(
      bound,
      outcomes.reduce((sum, outcome) => sum + outcome.bound, 0) - price * budget,
    );
    if (migrations <= budget) {
      plan = { choices: choicesOf(scenario, outcomes), outcomes, price };
    } else {
      overBudget = choicesOf(scenario, outcomes);
      exact.push({ price, use: migrations });
      // Two exact plans: interpolate between them (log price); before that, exact plans migrate
      // more than the heuristic at the same price, so aim the heuristic curve lower.
      price =
        exact.length >= 2
          ? secantPrice(exact, budget * 0.95, price)
          : nextPrice(budgeted.samples, price, (budget * budget) / migrations);
    }
  }
  const size = scenario.domains.reduce((sum, domain) => sum + domain.customers.length, 0);
  // Out of time without a plan in the budget: take back the smallest migrations of the last one.
  const reverted =
    !plan && overBudget
      ? revertToBudget(scenario, overBudget, budget, activeMergers, prepared)
      : undefined;
  const pricedResult = plan
    ? (() => {
        const priced = combine(
          scenario,
          blocks,
          plan.outcomes,
          activeMergers,
          plan.price,
          budget,
          options.relativeGap,
        );
        return { ...priced, bound: Math.max(priced.bound, bound) };
      })()
    : reverted
      ? withStatus(
          {
            status: "feasible",
            objective: costOf(scenario, reverted, activeMergers),
            bound,
            choices: reverted,
            blocks: [],
            message: undefined,
          },
          options.relativeGap,
        )
      : undefined;
  const gapLeft =
    !pricedResult ||
    relativeGapOf(pricedResult.objective, pricedResult.bound) > options.relativeGap;
  if (size > COMBINED_LIMIT || !gapLeft || options.deadline - performance.now() < 1000) {
    return pricedResult
      ? withStatus(pricedResult, options.relativeGap)
      : {
          status: "error",
          objective: Infinity,
          bound,
          choices: [],
          blocks: [],
          message: "Kein Plan innerhalb des Wechselbudgets im Zeitlimit gefunden.",
        };
  }
  const incumbentChoices = plan
    ? new Map(plan.choices.map((choice, domainIndex) => [domainIndex, choice]))
    : undefined;
  const final = await solveBlock(scenario, allDomains, {
    activeMergers,
    budget,
    solver: options.solver,
    relativeGap: options.relativeGap,
    deadline: options.deadline,
    prepared,
    budgetedBound: {
      bound: budgeted.priceBound,
      multiplier: budgeted.budgetMultiplier,
      parts: budgeted.parts,
    },
    ...(incumbentChoices ? { incumbentChoices } : {}),
  });
  const combined = combine(
    scenario,
    [allDomains],
    [final],
    activeMergers,
    0,
    0,
    options.relativeGap,
  );
  if (final.status !== "optimal" && final.status !== "feasible") {
    if (pricedResult) return withStatus(pricedResult, options.relativeGap);
    return { ...combined, bound: final.status === "infeasible" ? Infinity : bound };
  }
  const best =
    !pricedResult || combined.objective <= pricedResult.objective ? combined : pricedResult;
  return withStatus(
    { ...best, bound: Math.max(combined.bound, pricedResult?.bound ?? -Infinity, bound) },
    options.relativeGap,
  );
}

/**
 * The saving of the budget-th most valuable migration in the domains' unbudgeted plans: what
 * a migration must be worth to stay in a plan that keeps the budget. Savings are per pair
 * (reverting a customer to its best option without a migration), so fixed costs that move
 * with it are ignored — a first guess for the price search, not a bound.
 */
export function migrationPriceHint(prepared: readonly PreparedDomain[], budget: number): number {
  const savings: number[] = [];
  for (const part of prepared) {
    const { problem, pairMigrates } = part.core;
    const assignment = part.estimate?.assignment;
    if (!assignment) continue;
    assignment.forEach((pair, customer) => {
      if (!pairMigrates[pair]) return;
      let stay = Infinity;
      const end = problem.pairStart[customer + 1] ?? 0;
      for (let other = problem.pairStart[customer] ?? 0; other < end; other += 1) {
        if (!pairMigrates[other]) stay = Math.min(stay, problem.pairCost[other] ?? Infinity);
      }
      if (stay < Infinity) savings.push(stay - (problem.pairCost[pair] ?? 0));
    });
  }
  if (savings.length <= budget) return 0;
  savings.sort((a, b) => b - a);
  return Math.max(0, savings[Math.max(0, budget)] ?? 0);
}

/**
 * Connected components of the domains under (enabled) couplings and project capacities (a
 * limited provider's domains form one block, since its limit counts across them).
 */
export function findBlocks(scenario: IndexedScenario): number[][] {
  const parent = scenario.domains.map((domain) => domain.domainIndex);
  const root = (index: number): number => {
    let current = index;
    while (parent[current] !== current) current = parent[current] ?? current;
    return current;
  };
  const indexOf = new Map(scenario.domains.map((domain) => [domain.id, domain.domainIndex]));
  scenario.input.constraints.couplings.forEach((coupling, couplingIndex) => {
    if (scenario.disabled.has(constraintId.coupling(couplingIndex))) return;
    const [first, ...rest] = coupling.domainIds.map((id) => indexOf.get(id) ?? -1);
    for (const other of rest) {
      if (first === undefined || first < 0 || other < 0) continue;
      parent[root(other)] = root(first);
    }
  });
  // A provider's project capacity counts its incoming migrations in every domain it offers.
  for (const provider of scenario.intakeLimit.keys()) {
    const offering = scenario.domains
      .filter((domain) => domain.offerOfProvider.has(provider))
      .map((domain) => domain.domainIndex);
    const [first, ...rest] = offering;
    for (const other of rest) if (first !== undefined) parent[root(other)] = root(first);
  }
  const blocks = new Map<number, number[]>();
  for (const domain of scenario.domains) {
    const key = root(domain.domainIndex);
    blocks.set(key, [...(blocks.get(key) ?? []), domain.domainIndex]);
  }
  return [...blocks.values()];
}

/**
 * Solves blocks `concurrency` at a time, each with a share of the remaining time proportional
 * to its number of domains. Blocks left with a gap get the time that remains in a second pass,
 * starting from their plan.
 */
async function solveBlocks(
  scenario: IndexedScenario,
  blocks: number[][],
  options: DecompositionOptions,
  settingsOf: (domains: number[]) => Omit<BlockSettings, "solver" | "relativeGap" | "deadline">,
  cacheable: boolean,
): Promise<BlockOutcome[]> {
  const outcomes = new Array<BlockOutcome>(blocks.length);
  const keys = blocks.map((domains) =>
    cacheKey(scenario, domains, settingsOf(domains).activeMergers),
  );
  const run = async (indices: number[], second: boolean) => {
    let next = 0;
    let sizeLeft = indices.reduce((sum, index) => sum + (blocks[index]?.length ?? 0), 0);
    const work = async () => {
      while (next < indices.length) {
        const index = indices[next] ?? 0;
        next += 1;
        const domains = blocks[index] ?? [];
        const cached = cacheable && !second ? options.cache?.get(keys[index] ?? "") : undefined;
        if (cached) {
          outcomes[index] = cached;
          sizeLeft -= domains.length;
          continue;
        }
        const remaining = Math.max(0, options.deadline - performance.now());
        const share = Math.min(1, (options.concurrency * domains.length) / Math.max(1, sizeLeft));
        sizeLeft -= domains.length;
        const previous = outcomes[index];
        const outcome = await solveBlock(scenario, domains, {
          ...settingsOf(domains),
          solver: options.solver,
          relativeGap: options.relativeGap,
          deadline: performance.now() + remaining * share,
          ...(previous && previous.choices.size > 0 ? { incumbentChoices: previous.choices } : {}),
        });
        const better =
          !previous || previous.status === "error" || previous.status === "infeasible"
            ? outcome
            : outcome.status === "optimal" || outcome.status === "feasible"
              ? {
                  ...(outcome.objective <= previous.objective ? outcome : previous),
                  bound: Math.max(outcome.bound, previous.bound),
                  seconds: previous.seconds + outcome.seconds,
                }
              : previous;
        outcomes[index] = better;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, work));
  };
  // Largest blocks first: they are the slowest, and later blocks can use time left over.
  const order = blocks
    .map((_, index) => index)
    .sort((a, b) => (blocks[b]?.length ?? 0) - (blocks[a]?.length ?? 0));
  await run(order, false);
  const open = order.filter((index) => {
    const outcome = outcomes[index];
    return (
      outcome?.status === "feasible" &&
      relativeGapOf(outcome.objective, outcome.bound) > options.relativeGap
    );
  });
  if (open.length > 0 && options.deadline - performance.now() > 2000) await run(open, true);
  if (cacheable)
    outcomes.forEach((outcome, index) => options.cache?.set(keys[index] ?? "", outcome));
  return outcomes;
}

function cacheKey(
  scenario: IndexedScenario,
  domains: readonly number[],
  activeMergers: ReadonlySet<number>,
): string {
  // Only mergers with a member offering in the block change its result.
  const relevant = [...activeMergers].filter((merger) =>
    scenario.input.constraints.mergers[merger]?.providerIds.some((providerId) => {
      const provider = scenario.providerIndex.get(providerId) ?? -1;
      return domains.some((domainIndex) =>
        scenario.domains[domainIndex]?.offerOfProvider.has(provider),
      );
    }),
  );
  return `${domains.join(",")}|${relevant.sort().join(",")}`;
}

function choicesOf(scenario: IndexedScenario, outcomes: readonly BlockOutcome[]): Int32Array[] {
  const choices: Int32Array[] = scenario.domains.map(
    (domain) => new Int32Array(domain.customers.length),
  );
  for (const outcome of outcomes)
    for (const [domainIndex, choice] of outcome.choices) choices[domainIndex] = choice;
  return choices;
}

/**
 * Adds up the blocks. With a price μ the blocks' objectives and bounds include μ per migration;
 * the objective is recomputed as true cost and Σ bounds − μ·budget is the Lagrangian bound.
 */
function combine(
  scenario: IndexedScenario,
  blocks: number[][],
  outcomes: BlockOutcome[],
  activeMergers: ReadonlySet<number>,
  price: number,
  budget: number,
  relativeGap: number,
): DecomposedOutcome {
  const choices = choicesOf(scenario, outcomes);
  const reports: BlockReport[] = [];
  let objective = 0;
  let bound = -price * budget;
  let message: string | undefined;
  for (let index = 0; index < blocks.length; index += 1) {
    const outcome = outcomes[index];
    const domains = blocks[index] ?? [];
    if (!outcome) continue;
    message ??= outcome.message;
    if (outcome.status === "infeasible" || outcome.status === "error") {
      // One block's bound says nothing about the whole.
      const bound = outcome.status === "infeasible" ? Infinity : -Infinity;
      return {
        status: outcome.status,
        objective: Infinity,
        bound,
        choices,
        blocks: reports,
        message,
      };
    }
    let trueCost = 0;
    for (const domainIndex of domains) {
      const cost = domainCostPerYear(
        scenario,
        domainIndex,
        choices[domainIndex] ?? new Int32Array(),
        activeMergers,
      );
      trueCost += cost.running + cost.migration;
    }
    objective += trueCost;
    bound += outcome.bound;
    reports.push({
      domainIds: domains.map((domainIndex) => scenario.domains[domainIndex]?.id ?? ""),
      status: outcome.status,
      objective: trueCost,
      bound: outcome.bound - price * outcome.migrations,
      columns: outcome.columns,
      seconds: outcome.seconds,
    });
  }
  return withStatus(
    { status: "optimal", objective, bound, choices, blocks: reports, message },
    relativeGap,
  );
}

/** Cost per year of a plan (option per customer by domain). */
function costOf(
  scenario: IndexedScenario,
  choices: readonly Int32Array[],
  activeMergers: ReadonlySet<number>,
): number {
  let cost = 0;
  for (const domain of scenario.domains) {
    const value = domainCostPerYear(
      scenario,
      domain.domainIndex,
      choices[domain.domainIndex] ?? new Int32Array(),
      activeMergers,
    );
    cost += value.running + value.migration;
  }
  return cost;
}

/**
 * Brings a plan over the budget back into it by undoing migrations, smallest volume first
 * (they gain least from economies of scale). Kommunen in couplings keep their choice. Undefined
 * if that is not enough or breaks another constraint.
 */
function revertToBudget(
  scenario: IndexedScenario,
  choices: readonly Int32Array[],
  budget: number,
  activeMergers: ReadonlySet<number>,
  prepared: readonly PreparedDomain[],
): Int32Array[] | undefined {
  const plan = choices.map((choice) => Int32Array.from(choice));
  // Coupled domains and domains with a provider count keep their plan: reverting single
  // Kommunen there would break the coupling or bring back providers beyond the count.
  const coupled = new Set<string>();
  for (const coupling of scenario.input.constraints.couplings) {
    for (const domainId of coupling.domainIds) coupled.add(domainId);
  }
  for (const rule of scenario.input.constraints.providerCounts) coupled.add(rule.domainId);
  // Cheapest line of each option per customer at true costs (the unpriced cores).
  const optionCost = (domainIndex: number, customer: number, option: number) => {
    const core = prepared[domainIndex]?.core;
    return core ? cheapestOptionCost(core, customer, option) : 0;
  };
  const movable: Array<{ domain: number; customer: number; loss: number }> = [];
  let migrations = 0;
  const load = new Map<string, number>();
  for (const domain of scenario.domains) {
    domain.customers.forEach((customer, position) => {
      const option = plan[domain.domainIndex]?.[position] ?? -1;
      const key = `${domain.domainIndex}:${option}`;
      load.set(key, (load.get(key) ?? 0) + customer.volume);
      if (option === customer.current) return;
      migrations += 1;
      if (!coupled.has(domain.id) && customer.options.includes(customer.current)) {
        const loss =
          optionCost(domain.domainIndex, position, customer.current) -
          optionCost(domain.domainIndex, position, option);
        movable.push({ domain: domain.domainIndex, customer: position, loss });
      }
    });
  }
  // Take back the migrations that save least, as long as the old provider has room.
  movable.sort((a, b) => a.loss - b.loss);
  for (const move of movable) {
    if (migrations <= budget) break;
    const domain = scenario.domains[move.domain];
    const choice = plan[move.domain];
    const customer = domain?.customers[move.customer];
    if (!domain || !choice || !customer) continue;
    const offer = domain.offers[domain.offerOfProvider.get(customer.current) ?? -1];
    const key = `${move.domain}:${customer.current}`;
    if (offer && (load.get(key) ?? 0) + customer.volume > offer.capacity) continue;
    const fromKey = `${move.domain}:${choice[move.customer] ?? -1}`;
    load.set(fromKey, (load.get(fromKey) ?? 0) - customer.volume);
    load.set(key, (load.get(key) ?? 0) + customer.volume);
    choice[move.customer] = customer.current;
    migrations -= 1;
  }
  if (migrations > budget) return undefined;
  return checkPlan(scenario, plan, activeMergers).length === 0 ? plan : undefined;
}

/**
 * Price at which the exact plans' migrations would reach `target`: linear in log price through
 * the two samples nearest the target (migrations fall roughly with the log of the price).
 */
function secantPrice(
  samples: ReadonlyArray<{ price: number; use: number }>,
  target: number,
  current: number,
): number {
  const sorted = [...samples].sort((a, b) => Math.abs(a.use - target) - Math.abs(b.use - target));
  const [first, second] = sorted;
  if (!first || !second || first.use === second.use || first.price <= 0 || second.price <= 0)
    return current * 1.5;
  const slope = (Math.log(second.price) - Math.log(first.price)) / (second.use - first.use);
  const price = Math.exp(Math.log(first.price) + slope * (target - first.use));
  // Stay within a sensible step of the current price.
  return Math.min(current * 3, Math.max(current * 1.05, price));
}

/** Price at which the sampled heuristic use falls to `target` (linear between samples). */
function nextPrice(
  samples: ReadonlyArray<{ price: number; use: number }>,
  current: number,
  target: number,
): number {
  const sorted = [...samples].sort((a, b) => a.price - b.price);
  for (let index = 1; index < sorted.length; index += 1) {
    const lower = sorted[index - 1];
    const upper = sorted[index];
    if (!lower || !upper || upper.use > target || lower.use < target) continue;
    const share = lower.use === upper.use ? 1 : (lower.use - target) / (lower.use - upper.use);
    const price = lower.price + share * (upper.price - lower.price);
    return Math.max(price, current * 1.02);
  }
  return current * 1.5;
}

function withStatus(outcome: DecomposedOutcome, relativeGap: number): DecomposedOutcome {
  if (outcome.status !== "optimal" && outcome.status !== "feasible") return outcome;
  return {
    ...outcome,
    status: relativeGapOf(outcome.objective, outcome.bound) <= relativeGap ? "optimal" : "feasible",
  };
}
