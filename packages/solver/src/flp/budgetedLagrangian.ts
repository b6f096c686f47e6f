import { facilityLocationHeuristic } from "./facilityLocationHeuristic.ts";
import { lagrangianBound, type LagrangianBound } from "./lagrangianBound.ts";
import type { SparseFacilityLocation } from "./SparseFacilityLocation.ts";

/** The best bound found for parts tied by one budget row, and the price to plan with. */
export interface BudgetedBound {
  /** max over tried μ of Σ_d L_d(μ) − μ·limit: valid for the parts with the budget row. */
  bound: number;
  /** Price per counted pair at which heuristic plans keep the limit. */
  budgetMultiplier: number;
  /** Φ at that price — the bound that matches `parts` (for bounds of single pairs). */
  priceBound: number;
  /** Each part's Lagrangian at that price (their `bound`s include μ·counted costs). */
  parts: LagrangianBound[];
  /** Prices tried and how many counted pairs the heuristic plans used at each. */
  samples: Array<{ price: number; use: number }>;
}

/** Limits of the search. */
export interface BudgetedOptions {
  /** Estimated best objective per part (Polyak targets). */
  upperBounds: number[];
  /** Parts' multipliers without the budget, to start from. */
  starts: Float64Array[];
  deadline: number;
  iterationsPerStep?: number;
  /**
   * A first guess of the price at which plans keep the limit (e.g. the saving of the limit-th
   * most valuable migration): the search starts there instead of at 1, which saves the many
   * doubling steps that prices of thousands of euros would otherwise need.
   */
  priceHint?: number;
}

/**
 * Lagrangian dual of independent parts (domains) tied by one budget row Σ counted x ≤ limit.
 * For fixed μ ≥ 0 the parts separate: Φ(μ) = Σ_d L_d(μ) − μ·limit with μ added to the cost of
 * every counted pair, and Φ(μ) is a valid bound for every μ ≥ 0 — the best one seen is kept.
 * The price μ itself is set by bisection on what a quick heuristic does at that price (the
 * relaxed solutions' own budget use is too far from integral plans to steer by): the result's
 * `budgetMultiplier` is the lowest price tried at which the heuristic plans keep the limit.
 */
export function budgetedLagrangian(
  parts: readonly SparseFacilityLocation[],
  counted: readonly Uint8Array[],
  limit: number,
  options: BudgetedOptions,
): BudgetedBound {
  const iterations = options.iterationsPerStep ?? 60;
  const starts = options.starts.map((start) => Float64Array.from(start));
  const hints: Array<Uint8Array | undefined> = parts.map(() => undefined);
  const samples: Array<{ price: number; use: number }> = [];
  const evaluate = (mu: number, maxIterations = iterations) => {
    let use = 0;
    const results = parts.map((part, index) => {
      const flags = counted[index] ?? new Uint8Array(part.pairCost.length);
      const priced = {
        ...part,
        pairCost: Float64Array.from(part.pairCost, (cost, pair) => cost + (flags[pair] ? mu : 0)),
      };
      // The heuristic plan at this price is the Polyak target: the unpriced estimate would be
      // too low once migrations cost μ each, and the steps would stall.
      const plan = facilityLocationHeuristic(
        priced,
        hints[index] ?? new Uint8Array(part.facilityCount),
        0.05,
        true,
      );
      for (const pair of plan?.assignment ?? []) use += flags[pair] ?? 0;
      const result = lagrangianBound(part, {
        upperBound: plan?.cost ?? options.upperBounds[index] ?? Infinity,
        start: starts[index] ?? new Float64Array(part.customerCount),
        maxIterations,
        budget: { counted: flags, limit: 0 },
        budgetMultiplierStart: mu,
        fixBudgetMultiplier: true,
      });
      starts[index] = Float64Array.from(result.multipliers);
      hints[index] = result.openHint;
      return result;
    });
    const value = results.reduce((sum, result) => sum + result.bound, 0) - mu * limit;
    samples.push({ price: mu, use });
    return { mu, results, use, value };
  };
  const zero = evaluate(0);
  let best = zero;
  if (zero.use <= limit) {
    return {
      bound: zero.value,
      budgetMultiplier: 0,
      priceBound: zero.value,
      parts: zero.results,
      samples,
    };
  }
  let feasible: typeof zero | undefined;
  const hint = options.priceHint !== undefined && options.priceHint > 0 ? options.priceHint : 0;
  let low = hint / 4;
  let high = hint > 0 ? hint : 1;
  // Grow the price until the heuristic plans keep the limit, then bisect.
  // The first price is always tried: the bound at price 0 alone is weak once the budget binds.
  for (let step = 0; step === 0 || performance.now() < options.deadline; step += 1) {
    if (step > 0) high *= hint > 0 ? 2 : 4;
    const current = evaluate(high);
    if (current.value > best.value) best = current;
    if (current.use <= limit) {
      feasible = current;
      break;
    }
    low = high;
    if (high > 1e12) break;
  }
  for (let step = 0; step < 10 && feasible && performance.now() < options.deadline; step += 1) {
    const mu = (low + high) / 2;
    const current = evaluate(mu);
    if (current.value > best.value) best = current;
    if (current.use <= limit) {
      high = mu;
      feasible = current;
    } else low = mu;
    if (high - low <= 0.02 * high) break;
  }
  // The price to plan with gets a full subgradient run, so that its bound is tight too.
  const chosen = feasible ? evaluate(feasible.mu, 300) : best;
  if (chosen.value > best.value) best = chosen;
  return {
    bound: best.value,
    budgetMultiplier: chosen.mu,
    priceBound: chosen.value,
    parts: chosen.results,
    samples,
  };
}
