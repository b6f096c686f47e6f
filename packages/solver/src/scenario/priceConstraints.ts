import type { ConstraintGroup, ConstraintPrice } from "@it-atlas/domain";
import type { ScenarioInput } from "./Scenario.ts";
import type { ScenarioSolveResult } from "./ScenarioPlan.ts";
import { solveScenario, type ScenarioSolveOptions } from "./solveScenario.ts";

/** One constraint group of a scenario and the scenario without it. */
export interface ConstraintGroupRelaxation {
  group: ConstraintGroup;
  /** Constraint instances of the group in the scenario. */
  instances: number;
  /** The scenario without the group. */
  relaxed: ScenarioInput;
  /**
   * Every plan of the scenario is a plan of `relaxed` too (true for restrictions; false for
   * merger options, whose removal takes choices away).
   */
  relaxes: boolean;
}

/** What a solved scenario tells the pricing: its objective and proven bound. */
export interface SolvedObjective {
  objective: number;
  bound: number;
}

/** Settings of {@link priceConstraints}. */
export interface PriceConstraintsOptions extends Omit<ScenarioSolveOptions, "timeLimitSeconds"> {
  /** Time for all re-solves together (default 60 s); see {@link reSolveTimeLimit}. */
  timeLimitSeconds?: number;
  /**
   * Wraps each re-solve (e.g. to report progress and to cancel); `step` counts from 0 of
   * `steps`. Default: the re-solve itself.
   */
  around?: (
    work: Promise<ScenarioSolveResult>,
    step: { index: number; steps: number; group: ConstraintGroup },
  ) => Promise<ScenarioSolveResult>;
}

/** Re-solves shorter than this get no time of their own: the result would be noise. */
const MIN_RESOLVE_SECONDS = 0.5;

const restrictingGroups = (
  input: ScenarioInput,
): Array<{
  group: ConstraintGroup;
  instances: number;
  remove: (s: ScenarioInput) => ScenarioInput;
}> => {
  const offeredBy = new Map<string, Set<string>>();
  for (const offer of input.offers) {
    const set = offeredBy.get(offer.domainId) ?? new Set<string>();
    set.add(offer.providerId);
    offeredBy.set(offer.domainId, set);
  }
  // A demand is restricted when its list leaves out an offering provider or it may not run the
  // domain itself (a list naming every provider restricts nothing).
  const restricted = input.demands.filter(
    (demand) =>
      !demand.ownOperationAllowed ||
      (demand.allowedProviderIds !== undefined &&
        [...(offeredBy.get(demand.domainId) ?? [])].some(
          (provider) => !demand.allowedProviderIds?.includes(provider),
        )),
  ).length;
  const { constraints } = input;
  const withConstraints = (
    scenario: ScenarioInput,
    change: Partial<ScenarioInput["constraints"]>,
  ): ScenarioInput => ({ ...scenario, constraints: { ...scenario.constraints, ...change } });
  return [
    {
      group: "keepLocal",
      instances: input.demands.filter((demand) => demand.keepLocal).length,
      remove: (scenario) => ({
        ...scenario,
        demands: scenario.demands.map((demand) => ({ ...demand, keepLocal: false })),
      }),
    },
    {
      group: "allowedProviders",
      instances: restricted,
      remove: (scenario) => ({
        ...scenario,
        demands: scenario.demands.map((demand) => {
          const { allowedProviderIds: _dropped, ...rest } = demand;
          return { ...rest, ownOperationAllowed: true };
        }),
      }),
    },
    {
      group: "capacities",
      instances: input.offers.filter((offer) => offer.capacity !== null).length,
      remove: (scenario) => ({
        ...scenario,
        offers: scenario.offers.map((offer) => ({ ...offer, capacity: null })),
      }),
    },
    {
      group: "projectCapacities",
      instances: constraints.providerProjectCapacity.length,
      remove: (scenario) => withConstraints(scenario, { providerProjectCapacity: [] }),
    },
    {
      group: "couplings",
      instances: constraints.couplings.length,
      remove: (scenario) => withConstraints(scenario, { couplings: [] }),
    },
    {
      group: "migrationBudget",
      instances:
        (constraints.maxMigrationsPerYear === null ? 0 : 1) +
        (constraints.maxMigrationsTotal === null ? 0 : 1),
      remove: (scenario) =>
        withConstraints(scenario, { maxMigrationsPerYear: null, maxMigrationsTotal: null }),
    },
    {
      group: "providerCounts",
      instances: constraints.providerCounts.filter((count) => count.min > 0 || count.max !== null)
        .length,
      remove: (scenario) => withConstraints(scenario, { providerCounts: [] }),
    },
  ];
};

/**
 * The constraint groups a scenario has (groups without an instance are left out), each with
 * the scenario without it; `all` (every restricting group at once) when there are two or more.
 */
export function constraintGroupRelaxations(input: ScenarioInput): ConstraintGroupRelaxation[] {
  const present = restrictingGroups(input).filter((entry) => entry.instances > 0);
  const relaxations: ConstraintGroupRelaxation[] = present.map((entry) => ({
    group: entry.group,
    instances: entry.instances,
    relaxed: entry.remove(input),
    relaxes: true,
  }));
  if (input.constraints.mergers.length > 0) {
    relaxations.push({
      group: "mergerOptions",
      instances: input.constraints.mergers.length,
      relaxed: { ...input, constraints: { ...input.constraints, mergers: [] } },
      relaxes: false,
    });
  }
  if (present.length >= 2) {
    relaxations.push({
      group: "all",
      instances: present.reduce((sum, entry) => sum + entry.instances, 0),
      relaxed: present.reduce((scenario, entry) => entry.remove(scenario), input),
      relaxes: true,
    });
  }
  return relaxations;
}

/**
 * The price of a group from the plan and the re-solve without it. For a restriction every plan
 * of the scenario is a plan without it, so the plan's objective caps the re-solve's (the plan
 * is the re-solve's incumbent): price = objective − min(objective, objective without) ≥ 0. The
 * true price OPT − OPT_without lies in [bound − objective without, objective − bound without].
 */
export function constraintPriceOf(
  relaxation: Pick<ConstraintGroupRelaxation, "group" | "instances" | "relaxes">,
  main: SolvedObjective,
  without: ScenarioSolveResult,
): ConstraintPrice {
  if (without.status === "infeasible" || without.status === "error") {
    const message =
      without.status === "error"
        ? without.message
        : relaxation.relaxes
          ? "Ohne diese Vorgabe fand die Neuberechnung keinen Plan."
          : "Ohne diese Option ist das Szenario unlösbar: die übrigen Vorgaben sind nur mit ihr erfüllbar.";
    if (!relaxation.relaxes) {
      return {
        group: relaxation.group,
        instances: relaxation.instances,
        status: "error",
        objectiveWithout: null,
        boundWithout: null,
        pricePerYear: null,
        priceLower: null,
        priceUpper: null,
        proven: false,
        seconds: without.seconds,
        message,
      };
    }
    // The plan is a plan without the restriction: the price is at least 0, its size unknown.
    return {
      group: relaxation.group,
      instances: relaxation.instances,
      status: "feasible",
      objectiveWithout: main.objective,
      boundWithout: null,
      pricePerYear: 0,
      priceLower: 0,
      priceUpper: null,
      proven: false,
      seconds: without.seconds,
      message,
    };
  }
  const objectiveWithout = relaxation.relaxes
    ? Math.min(without.objective, main.objective)
    : without.objective;
  const boundWithout = Math.min(without.bound, objectiveWithout);
  return {
    group: relaxation.group,
    instances: relaxation.instances,
    status: without.status,
    objectiveWithout,
    boundWithout,
    pricePerYear: main.objective - objectiveWithout,
    // Removing a restriction never raises the optimum, removing an option never lowers it.
    priceLower: relaxation.relaxes
      ? Math.max(0, main.bound - objectiveWithout)
      : main.bound - objectiveWithout,
    priceUpper: relaxation.relaxes
      ? main.objective - boundWithout
      : Math.min(0, main.objective - boundWithout),
    proven: without.status === "optimal",
    seconds: without.seconds,
    message: null,
  };
}

/**
 * Time limit of the next re-solve: the time left shared evenly by the re-solves still to run,
 * so a re-solve that finishes early leaves its time to the later ones and the total stays
 * within `totalSeconds`.
 */
export function reSolveTimeLimit(secondsLeft: number, resolvesLeft: number): number {
  return Math.max(0, secondsLeft) / Math.max(1, resolvesLeft);
}

/**
 * „Preis der Vorgabe“: for a solved scenario, what each constraint group costs per year —
 * the scenario is solved again without the group (within a share of `timeLimitSeconds`) and
 * the cost compared with the plan's. Dual values are not used: the model is a MIP, whose LP
 * duals do not price a whole group of integer constraints.
 */
export async function priceConstraints(
  input: ScenarioInput,
  main: SolvedObjective,
  options: PriceConstraintsOptions = {},
): Promise<ConstraintPrice[]> {
  const relaxations = constraintGroupRelaxations(input);
  const total = options.timeLimitSeconds ?? 60;
  const started = performance.now();
  const { around, timeLimitSeconds: _total, ...solveOptions } = options;
  const prices: ConstraintPrice[] = [];
  for (const [index, relaxation] of relaxations.entries()) {
    const secondsLeft = total - (performance.now() - started) / 1000;
    const limit = Math.max(
      MIN_RESOLVE_SECONDS,
      reSolveTimeLimit(secondsLeft, relaxations.length - index),
    );
    const work = solveScenario(relaxation.relaxed, { ...solveOptions, timeLimitSeconds: limit });
    const without = around
      ? await around(work, { index, steps: relaxations.length, group: relaxation.group })
      : await work;
    prices.push(constraintPriceOf(relaxation, main, without));
  }
  return prices;
}
