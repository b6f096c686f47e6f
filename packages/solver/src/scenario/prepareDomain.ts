import {
  facilityLocationHeuristic,
  type HeuristicSolution,
} from "../flp/facilityLocationHeuristic.ts";
import { lagrangianBound, type LagrangianBound } from "../flp/lagrangianBound.ts";
import { relativeGapOf } from "../flp/solveByCandidates.ts";
import { buildDomainCore, type DomainCore } from "./buildDomainCore.ts";
import type { IndexedScenario } from "./indexScenario.ts";

/** A domain's core with its Lagrangian bound and the best heuristic solution of the core. */
export interface PreparedDomain {
  domainIndex: number;
  core: DomainCore;
  lagrangian: LagrangianBound;
  /** Solution of the core alone (side constraints of the block ignored). */
  estimate: HeuristicSolution | undefined;
}

/** Limits of the preparation. */
export interface PrepareOptions {
  activeMergers: ReadonlySet<number>;
  /** Price per migration added to migrating pairs (0 = true costs). */
  penalty: number;
  seconds: number;
  relativeGap: number;
  /** Multipliers to start from, e.g. from the same domain at another price. */
  start?: Float64Array;
  /** A Lagrangian already computed for exactly these costs: skip the subgradient search. */
  lagrangian?: LagrangianBound;
}

/**
 * Builds a domain's core and bounds it: a subgradient run on the Lagrangian (see
 * `lagrangianBound`) with a Lagrangian heuristic every few steps, which both yields a plan for
 * the core and sharpens the step length.
 */
export function prepareDomain(
  scenario: IndexedScenario,
  domainIndex: number,
  options: PrepareOptions,
): PreparedDomain {
  const domain = scenario.domains[domainIndex];
  if (!domain) throw new Error(`Unbekannter Bereich ${domainIndex}`);
  // A merger's shared platform (the largest member's) is split among the members in proportion
  // to their own platform costs; the shares add up to the shared cost.
  const platformShare = new Map<number, number>();
  for (const merger of options.activeMergers) {
    const members = (scenario.input.constraints.mergers[merger]?.providerIds ?? [])
      .map(
        (providerId) =>
          domain.offers[
            domain.offerOfProvider.get(scenario.providerIndex.get(providerId) ?? -1) ?? -1
          ],
      )
      .filter((offer) => offer !== undefined);
    const shared = Math.max(0, ...members.map((offer) => offer.fixedCost));
    const total = members.reduce((sum, offer) => sum + offer.fixedCost, 0);
    for (const offer of members) {
      platformShare.set(
        offer.providerIndex,
        total > 0 ? (shared * offer.fixedCost) / total : shared / members.length,
      );
    }
  }
  const core = buildDomainCore(domain, scenario.annuity, platformShare, options.penalty);
  // The heuristic's close trials are slow on large cores; the Lagrangian's open sets are good.
  const heuristicSeconds = Math.min(0.2, options.seconds / 20);
  if (options.lagrangian) {
    const estimate = facilityLocationHeuristic(
      core.problem,
      options.lagrangian.openHint,
      heuristicSeconds,
    );
    return { domainIndex, core, lagrangian: options.lagrangian, estimate };
  }
  // A Lagrangian heuristic inside the subgradient run: every 25 steps a plan from the relaxed
  // solution's open facilities sharpens the Polyak target and may end the run early.
  let estimate: HeuristicSolution | undefined;
  const lagrangian = lagrangianBound(core.problem, {
    upperBound: Infinity,
    maxIterations: 400,
    timeLimitSeconds: options.seconds,
    targetGap: options.relativeGap / 2,
    ...(options.start ? { start: options.start } : {}),
    heuristic: {
      every: 25,
      run(open) {
        const solution = facilityLocationHeuristic(core.problem, open, heuristicSeconds);
        if (solution && solution.cost < (estimate?.cost ?? Infinity)) estimate = solution;
        return solution?.cost ?? Infinity;
      },
    },
  });
  if (!estimate || relativeGapOf(estimate.cost, lagrangian.bound) > options.relativeGap) {
    const last = facilityLocationHeuristic(core.problem, lagrangian.openHint, heuristicSeconds);
    if (last && last.cost < (estimate?.cost ?? Infinity)) estimate = last;
  }
  return { domainIndex, core, lagrangian, estimate };
}
