import { CoverKnapsack } from "./coverKnapsack.ts";
import { pairCustomers, type SparseFacilityLocation } from "./SparseFacilityLocation.ts";

/** A lower bound from Lagrangian relaxation and what it needs to bound single pairs. */
export interface LagrangianBound {
  /** Valid lower bound on the optimum; `Infinity` when even the relaxation is infeasible. */
  bound: number;
  /** Multipliers λ of the relaxed assignment constraints, one per customer. */
  multipliers: Float64Array;
  /** Multiplier μ ≥ 0 of the relaxed budget row (0 without a budget). */
  budgetMultiplier: number;
  /** r_i − min(0, min_{k in i's group} r_k): how much forcing facility i open raises the bound. */
  facilityPenalty: Float64Array;
  /** Facilities the relaxed problem opens at the best multipliers — a start for heuristics. */
  openHint: Uint8Array;
  /** Σ x over budget-counted pairs in the relaxed solution at the best multipliers. */
  budgetUse: number;
  /** Cost added to each pair by the multipliers of relaxed link rows (absent without links). */
  pairShift?: Float64Array;
  iterations: number;
}

/** Limits of the subgradient search. */
export interface LagrangianOptions {
  /** Best known objective; steers the step length (Polyak) and stops the search early. */
  upperBound: number;
  maxIterations?: number;
  timeLimitSeconds?: number;
  /** Multipliers to start from, e.g. from an earlier run. */
  start?: Float64Array;
  /** Stop once (upperBound − bound) / upperBound falls below this. */
  targetGap?: number;
  /** A side row Σ_{counted pairs} x_p ≤ limit (e.g. a migration budget), relaxed with μ ≥ 0. */
  budget?: PairBudget;
  budgetMultiplierStart?: number;
  /** Keep μ at its start value (an outer search over μ sets it). */
  fixBudgetMultiplier?: boolean;
  /**
   * Called every `every` iterations with the relaxed solution's open facilities; returns the cost
   * of a solution built from them (a Lagrangian heuristic), which may lower the upper bound.
   */
  heuristic?: { every: number; run(open: Uint8Array): number };
  /** Equality rows Σ sign·x_p = 0 between pairs (couplings), relaxed with free multipliers. */
  links?: PairLinks;
  /** Start the link multipliers at the mean of both sides' cheapest costs instead of 0. */
  averageLinks?: boolean;
}

/** Rows Σ_k signs[k]·x_{pairs[k]} = 0, row r at rowStart[r] … rowStart[r + 1] − 1. */
export interface PairLinks {
  rowStart: Int32Array;
  pairs: Int32Array;
  signs: Int8Array;
}

/** A knapsack row over pairs: at most `limit` of the flagged pairs may be chosen. */
export interface PairBudget {
  counted: Uint8Array;
  limit: number;
}

interface Evaluation {
  value: number;
  reducedFacility: Float64Array;
  penalty: Float64Array;
  open: Float64Array;
  /** Σ x over counted pairs in the relaxed solution. */
  budgetUse: number;
}

/**
 * Lagrangian relaxation of the assignment constraints Σ_i x_ij = 1 with multipliers λ_j. For
 * every λ the relaxed problem splits into one problem per facility — a fractional knapsack
 * (capacity) whose value w_i = f_i + K_i(λ) says what opening i would cost — plus one covering
 * LP over the facilities (Σ S_i y_i ≥ D: open capacity must cover the demand that has no private
 * option), where of a group of alternative facilities at most one opens. Its value
 * L(λ) = Σ_j λ_j + Σ_private min(0, c − λ_j) + μD + Σ_groups min(0, min_i∈group (w_i − μS_i))
 * is a valid lower bound for every λ (weak duality), so the bound holds at every iteration;
 * subgradient steps (Held, Wolfe & Crowder 1974; Polyak step length) only make it tighter. For
 * the uncapacitated problem the best λ gives the LP-relaxation bound of the strong formulation.
 * An optional budget row over pairs is relaxed too: its multiplier μ ≥ 0 adds μ to the cost of
 * every counted pair and subtracts μ·limit, which again bounds the budgeted problem from below.
 * So are link rows Σ sign·x = 0 (a Kommune takes the same option in coupled domains): a free
 * multiplier ν per row shifts the cost of its pairs by ±ν and leaves the bound valid.
 */
export function lagrangianBound(
  problem: SparseFacilityLocation,
  options: LagrangianOptions,
): LagrangianBound {
  const started = performance.now();
  const maxIterations = options.maxIterations ?? 600;
  const timeLimit = options.timeLimitSeconds ?? Infinity;
  const targetGap = options.targetGap ?? 0;
  const workspace = new Workspace(problem, options.budget);
  const lambda = options.start ? Float64Array.from(options.start) : initialMultipliers(problem);
  const box = multiplierBox(problem);
  for (let customer = 0; customer < problem.customerCount; customer += 1) {
    lambda[customer] = clamp(
      lambda[customer] ?? 0,
      box.low[customer] ?? 0,
      box.high[customer] ?? 0,
    );
  }
  let mu = options.budgetMultiplierStart ?? 0;
  const limit = options.budget?.limit ?? 0;
  const best: LagrangianBound = {
    bound: -Infinity,
    budgetMultiplier: mu,
    multipliers: Float64Array.from(lambda),
    facilityPenalty: new Float64Array(problem.facilityCount),
    openHint: new Uint8Array(problem.facilityCount),
    budgetUse: 0,
    iterations: 0,
  };
  const subgradient = new Float64Array(problem.customerCount);
  const links = options.links;
  const rowCount = links ? links.rowStart.length - 1 : 0;
  const nu = new Float64Array(rowCount);
  const rowDirection = new Float64Array(rowCount);
  const shift = links ? new Float64Array(problem.pairCost.length) : undefined;
  const pairX = links ? new Float64Array(problem.pairCost.length) : undefined;
  if (links) best.pairShift = new Float64Array(problem.pairCost.length);
  if (links && shift && options.averageLinks) {
    // Start each link row where both sides see the mean of their cheapest costs: ν = (min of
    // the − side − min of the + side) / 2 (the usual start of a Lagrangian decomposition).
    for (let row = 0; row < rowCount; row += 1) {
      let plus = Infinity;
      let minus = Infinity;
      for (
        let entry = links.rowStart[row] ?? 0;
        entry < (links.rowStart[row + 1] ?? 0);
        entry += 1
      ) {
        const cost = problem.pairCost[links.pairs[entry] ?? 0] ?? 0;
        if ((links.signs[entry] ?? 0) > 0) plus = Math.min(plus, cost);
        else minus = Math.min(minus, cost);
      }
      const multiplier =
        Number.isFinite(plus) && Number.isFinite(minus)
          ? clamp((minus - plus) / 2, -box.scale, box.scale)
          : 0;
      nu[row] = multiplier;
      addRowShift(links, row, multiplier, shift);
    }
  }
  let theta = 2;
  let sinceImprovement = 0;
  let iteration = 0;
  let upperBound = options.upperBound;
  for (; iteration < maxIterations; iteration += 1) {
    const evaluation = workspace.evaluate(lambda, subgradient, mu, shift, pairX);
    if (evaluation.value === Infinity) {
      best.bound = Infinity;
      break;
    }
    const value = evaluation.value - mu * limit;
    if (best.bound === -Infinity || value > best.bound + 1e-9 * Math.abs(best.bound)) {
      best.bound = value;
      best.budgetMultiplier = mu;
      best.budgetUse = evaluation.budgetUse;
      best.multipliers.set(lambda);
      if (shift) best.pairShift?.set(shift);
      for (let facility = 0; facility < problem.facilityCount; facility += 1) {
        best.facilityPenalty[facility] = evaluation.penalty[facility] ?? 0;
        best.openHint[facility] = (evaluation.open[facility] ?? 0) > 0 ? 1 : 0;
      }
      sinceImprovement = 0;
    } else {
      sinceImprovement += 1;
      // Halving after a run without progress is the classic schedule (Beasley 1993).
      if (sinceImprovement >= 20) {
        theta /= 2;
        sinceImprovement = 0;
      }
    }
    if (options.heuristic && iteration % options.heuristic.every === options.heuristic.every - 1) {
      const open = Uint8Array.from(evaluation.open, (y) => (y > 0 ? 1 : 0));
      upperBound = Math.min(upperBound, options.heuristic.run(open));
    }
    const gapClosed =
      Number.isFinite(upperBound) && upperBound - best.bound <= targetGap * Math.abs(upperBound);
    if (gapClosed || theta < 1e-4 || (performance.now() - started) / 1000 > timeLimit) break;
    let norm = 0;
    for (let customer = 0; customer < problem.customerCount; customer += 1) {
      // Rounding leaves tiny components where a fractional solution covers a customer exactly;
      // dividing by their square would throw the multipliers to ~1e17 (and wreck the sums).
      if (Math.abs(subgradient[customer] ?? 0) < SUBGRADIENT_EPSILON) subgradient[customer] = 0;
      norm += (subgradient[customer] ?? 0) ** 2;
    }
    // Budget direction, projected: μ cannot fall below 0.
    const budgetDirection = options.budget ? evaluation.budgetUse - limit : 0;
    const budgetMoves = !options.fixBudgetMultiplier && (budgetDirection > 0 || mu > 0);
    if (budgetMoves) norm += budgetDirection ** 2;
    if (links && pairX) {
      for (let row = 0; row < rowCount; row += 1) {
        let direction = 0;
        for (
          let entry = links.rowStart[row] ?? 0;
          entry < (links.rowStart[row + 1] ?? 0);
          entry += 1
        ) {
          direction += (links.signs[entry] ?? 0) * (pairX[links.pairs[entry] ?? 0] ?? 0);
        }
        rowDirection[row] = direction;
        norm += direction ** 2;
      }
    }
    if (norm === 0) break; // the relaxed solution is feasible, hence optimal
    const target = Number.isFinite(upperBound) ? upperBound : value + Math.abs(value) * 0.1 + 1;
    const step = (theta * Math.max(target - value, 1e-9 * Math.abs(target))) / norm;
    for (let customer = 0; customer < problem.customerCount; customer += 1) {
      lambda[customer] = clamp(
        (lambda[customer] ?? 0) + step * (subgradient[customer] ?? 0),
        box.low[customer] ?? 0,
        box.high[customer] ?? 0,
      );
    }
    if (budgetMoves) mu = clamp(mu + step * budgetDirection, 0, box.scale);
    if (links && shift) {
      shift.fill(0);
      for (let row = 0; row < rowCount; row += 1) {
        nu[row] = clamp((nu[row] ?? 0) + step * (rowDirection[row] ?? 0), -box.scale, box.scale);
        addRowShift(links, row, nu[row] ?? 0, shift);
      }
    }
  }
  best.iterations = iteration;
  return best;
}

/**
 * Lower bound on every solution that uses pair p (customer j, facility i):
 * L(λ) + penalty_i + max(0, c_p + μ·counted_p − λ_j). Forcing x_p = 1 makes the facility's
 * knapsack take item p (raising w_i by at least max(0, c_p − λ_j)) and forces y_i = 1 in the
 * covering part (raising it by at least penalty_i = r_i − min(0, min of r over i's group) at the
 * same μ; max(0, r_i) without groups). A pair whose bound reaches the best known objective
 * cannot be part of a better solution.
 */
export function pairLowerBounds(
  problem: SparseFacilityLocation,
  lagrangian: LagrangianBound,
  counted?: Uint8Array,
): Float64Array {
  const mu = lagrangian.budgetMultiplier;
  const bounds = new Float64Array(problem.pairCost.length);
  for (let customer = 0; customer < problem.customerCount; customer += 1) {
    const lambda = lagrangian.multipliers[customer] ?? 0;
    const end = problem.pairStart[customer + 1] ?? 0;
    for (let pair = problem.pairStart[customer] ?? 0; pair < end; pair += 1) {
      const facility = problem.pairFacility[pair] ?? -1;
      const penalty = facility >= 0 ? (lagrangian.facilityPenalty[facility] ?? 0) : 0;
      const cost =
        (problem.pairCost[pair] ?? 0) +
        (counted?.[pair] ? mu : 0) +
        (lagrangian.pairShift?.[pair] ?? 0);
      bounds[pair] = lagrangian.bound + penalty + Math.max(0, cost - lambda);
    }
  }
  return bounds;
}

const SUBGRADIENT_EPSILON = 1e-9;

/** Adds a link row's multiplier to the cost shift of its pairs (with the row's signs). */
function addRowShift(links: PairLinks, row: number, multiplier: number, shift: Float64Array): void {
  const end = links.rowStart[row + 1] ?? 0;
  for (let entry = links.rowStart[row] ?? 0; entry < end; entry += 1) {
    const pair = links.pairs[entry] ?? 0;
    shift[pair] = (shift[pair] ?? 0) + (links.signs[entry] ?? 0) * multiplier;
  }
}

function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}

/**
 * Where the search keeps the multipliers. Every λ gives a valid bound, so a box only limits
 * the search — but it keeps the numbers in a range where Σλ_j and the knapsack values do not
 * cancel catastrophically in floating point. Below its cheapest option a customer's λ_j only
 * loses value (all its reduced costs are positive); above its dearest option plus the largest
 * fixed cost it cannot gain (it already enters every knapsack first). `scale` bounds the
 * budget and link multipliers the same way: no single pair is worth more than it.
 */
function multiplierBox(problem: SparseFacilityLocation): {
  low: Float64Array;
  high: Float64Array;
  scale: number;
} {
  let largestFixed = 0;
  for (const cost of problem.fixedCost) largestFixed = Math.max(largestFixed, cost);
  const low = new Float64Array(problem.customerCount);
  const high = new Float64Array(problem.customerCount);
  let scale = largestFixed;
  for (let customer = 0; customer < problem.customerCount; customer += 1) {
    let cheapest = Infinity;
    let dearest = -Infinity;
    const end = problem.pairStart[customer + 1] ?? 0;
    for (let pair = problem.pairStart[customer] ?? 0; pair < end; pair += 1) {
      const cost = problem.pairCost[pair] ?? 0;
      cheapest = Math.min(cheapest, cost);
      dearest = Math.max(dearest, cost);
    }
    if (!Number.isFinite(cheapest)) continue;
    low[customer] = cheapest;
    high[customer] = dearest + largestFixed + 1;
    scale = Math.max(scale, dearest - cheapest);
  }
  return { low, high, scale: 2 * scale + 1 };
}

/** Start at the cheapest option of each customer: the bound then equals Σ_j min_p c_p. */
function initialMultipliers(problem: SparseFacilityLocation): Float64Array {
  const lambda = new Float64Array(problem.customerCount);
  for (let customer = 0; customer < problem.customerCount; customer += 1) {
    let cheapest = Infinity;
    const end = problem.pairStart[customer + 1] ?? 0;
    for (let pair = problem.pairStart[customer] ?? 0; pair < end; pair += 1) {
      cheapest = Math.min(cheapest, problem.pairCost[pair] ?? Infinity);
    }
    lambda[customer] = Number.isFinite(cheapest) ? cheapest : 0;
  }
  return lambda;
}

/** Facility-major copies of the pairs and scratch space, built once per problem. */
class Workspace {
  private readonly facilityStart: Int32Array;
  /** Cost and customer of each facility pair, facility-major: one sequential pass per facility. */
  private readonly entryCost: Float64Array;
  private readonly entryCustomer: Int32Array;
  private readonly entryDemand: Float64Array;
  private readonly entryCounted: Uint8Array;
  private readonly entryPair: Int32Array;
  /** Budget price and link shift of each entry in the current evaluation. */
  private readonly entryExtra: Float64Array;
  private readonly privatePair: Int32Array;
  private readonly privateCost: Float64Array;
  private readonly privateCustomer: Int32Array;
  private readonly privateCounted: Uint8Array;
  private budgetUse = 0;
  private shift: Float64Array | undefined;
  private pairX: Float64Array | undefined;
  /** S_i: capacity usable by customers without a private option. */
  private readonly coverCapacity: Float64Array;
  /** D: demand of customers without a private option. */
  private readonly coverDemand: number;
  /** Facilities whose capacity can bind (smaller than all demand they may serve). */
  private readonly binding: Uint8Array;
  private readonly weight: Float64Array;
  private readonly reducedFacility: Float64Array;
  private readonly penalty: Float64Array;
  /** Group of each facility, groups numbered 0 … groupCount − 1. */
  private readonly groupOf: Int32Array;
  private readonly groupMin: Float64Array;
  private readonly groupBest: Int32Array;
  private readonly open: Float64Array;
  /** Knapsack result per facility: items with ratio below `critical` are taken whole. */
  private readonly critical: Float64Array;
  private readonly criticalFraction: Float64Array;
  private readonly itemRatio: Float64Array;
  private readonly itemDemand: Float64Array;
  private readonly itemCost: Float64Array;
  /** The integer cover when every facility is its own group (else the covering LP is used). */
  private readonly coverKnapsack: CoverKnapsack | undefined;

  constructor(
    private readonly problem: SparseFacilityLocation,
    budget: PairBudget | undefined,
  ) {
    const { facilityCount, pairFacility } = problem;
    const customerOf = pairCustomers(problem);
    const counts = new Int32Array(facilityCount + 1);
    let privateCount = 0;
    for (const facility of pairFacility) {
      if (facility >= 0) counts[facility + 1] = (counts[facility + 1] ?? 0) + 1;
      else privateCount += 1;
    }
    let largest = 0;
    for (let facility = 0; facility < facilityCount; facility += 1) {
      largest = Math.max(largest, counts[facility + 1] ?? 0);
      counts[facility + 1] = (counts[facility + 1] ?? 0) + (counts[facility] ?? 0);
    }
    this.facilityStart = Int32Array.from(counts);
    const entries = pairFacility.length - privateCount;
    this.entryCost = new Float64Array(entries);
    this.entryCustomer = new Int32Array(entries);
    this.entryDemand = new Float64Array(entries);
    this.entryCounted = new Uint8Array(entries);
    this.entryPair = new Int32Array(entries);
    this.entryExtra = new Float64Array(entries);
    this.privatePair = new Int32Array(privateCount);
    this.privateCost = new Float64Array(privateCount);
    this.privateCustomer = new Int32Array(privateCount);
    this.privateCounted = new Uint8Array(privateCount);
    const fill = Int32Array.from(counts);
    let privateFill = 0;
    const hasPrivate = new Uint8Array(problem.customerCount);
    for (let pair = 0; pair < pairFacility.length; pair += 1) {
      const facility = pairFacility[pair] ?? -1;
      const customer = customerOf[pair] ?? 0;
      if (facility >= 0) {
        const entry = fill[facility] ?? 0;
        this.entryCost[entry] = problem.pairCost[pair] ?? 0;
        this.entryCustomer[entry] = customer;
        this.entryDemand[entry] = problem.demand[customer] ?? 0;
        this.entryCounted[entry] = budget?.counted[pair] ?? 0;
        this.entryPair[entry] = pair;
        fill[facility] = entry + 1;
      } else {
        this.privateCost[privateFill] = problem.pairCost[pair] ?? 0;
        this.privateCustomer[privateFill] = customer;
        this.privateCounted[privateFill] = budget?.counted[pair] ?? 0;
        this.privatePair[privateFill] = pair;
        privateFill += 1;
        hasPrivate[customer] = 1;
      }
    }
    let coverDemand = 0;
    for (let customer = 0; customer < problem.customerCount; customer += 1) {
      if (!hasPrivate[customer]) coverDemand += problem.demand[customer] ?? 0;
    }
    this.coverDemand = coverDemand;
    this.coverCapacity = new Float64Array(facilityCount);
    this.binding = new Uint8Array(facilityCount);
    for (let facility = 0; facility < facilityCount; facility += 1) {
      let servable = 0;
      let coverable = 0;
      const end = this.facilityStart[facility + 1] ?? 0;
      for (let entry = this.facilityStart[facility] ?? 0; entry < end; entry += 1) {
        const demand = this.entryDemand[entry] ?? 0;
        servable += demand;
        if (!hasPrivate[this.entryCustomer[entry] ?? 0]) coverable += demand;
      }
      const capacity = problem.capacity[facility] ?? Infinity;
      this.coverCapacity[facility] = Math.min(capacity, coverable);
      this.binding[facility] = capacity < servable ? 1 : 0;
    }
    this.weight = new Float64Array(facilityCount);
    this.reducedFacility = new Float64Array(facilityCount);
    this.penalty = new Float64Array(facilityCount);
    const groupIds = new Map<number, number>();
    this.groupOf = Int32Array.from({ length: facilityCount }, (_, facility) => {
      const id = problem.facilityGroup?.[facility] ?? facility;
      if (!groupIds.has(id)) groupIds.set(id, groupIds.size);
      return groupIds.get(id) ?? 0;
    });
    this.groupMin = new Float64Array(groupIds.size);
    this.groupBest = new Int32Array(groupIds.size);
    this.open = new Float64Array(facilityCount);
    this.critical = new Float64Array(facilityCount);
    this.criticalFraction = new Float64Array(facilityCount);
    this.itemRatio = new Float64Array(largest);
    this.itemDemand = new Float64Array(largest);
    this.itemCost = new Float64Array(largest);
    this.coverKnapsack =
      groupIds.size === facilityCount ? new CoverKnapsack(facilityCount) : undefined;
  }

  /** L(λ), the reduced facility costs r_i and a subgradient (written into `subgradient`). */
  evaluate(
    lambda: Float64Array,
    subgradient: Float64Array,
    mu: number,
    shift: Float64Array | undefined,
    pairX: Float64Array | undefined,
  ): Evaluation {
    const { problem } = this;
    let value = 0;
    this.budgetUse = 0;
    this.shift = shift;
    this.pairX = pairX;
    pairX?.fill(0);
    for (let customer = 0; customer < problem.customerCount; customer += 1) {
      value += lambda[customer] ?? 0;
      subgradient[customer] = 1;
    }
    for (let entry = 0; entry < this.privateCost.length; entry += 1) {
      const customer = this.privateCustomer[entry] ?? 0;
      const counted = this.privateCounted[entry] ?? 0;
      const pair = this.privatePair[entry] ?? 0;
      const cost =
        (this.privateCost[entry] ?? 0) +
        counted * mu +
        (shift?.[pair] ?? 0) -
        (lambda[customer] ?? 0);
      if (cost < 0) {
        value += cost;
        this.budgetUse += counted;
        if (pairX) pairX[pair] = 1;
        subgradient[customer] = (subgradient[customer] ?? 0) - 1;
      }
    }
    this.facilityWeights(lambda, mu);
    value += this.cover();
    this.accumulateSubgradient(lambda, subgradient, mu);
    return {
      value,
      reducedFacility: this.reducedFacility,
      penalty: this.penalty,
      open: this.open,
      budgetUse: this.budgetUse,
    };
  }

  /** w_i = f_i + K_i(λ), K_i the fractional knapsack over the items with negative reduced cost. */
  private facilityWeights(lambda: Float64Array, mu: number): void {
    const { problem, entryCost, entryCustomer, entryDemand, entryCounted, entryExtra } = this;
    // Budget price and link shifts per entry, once per evaluation (sequential, not per facility
    // through the pair index); without either the inner loop is just cost − λ.
    const plain = mu === 0 && !this.shift;
    if (!plain) {
      const shift = this.shift;
      for (let entry = 0; entry < entryExtra.length; entry += 1) {
        entryExtra[entry] =
          (entryCounted[entry] ?? 0) * mu + (shift ? (shift[this.entryPair[entry] ?? 0] ?? 0) : 0);
      }
    }
    for (let facility = 0; facility < problem.facilityCount; facility += 1) {
      const start = this.facilityStart[facility] ?? 0;
      const end = this.facilityStart[facility + 1] ?? 0;
      let knapsack = 0;
      let used = 0;
      let items = 0;
      const binding = this.binding[facility] === 1;
      if (!binding) {
        for (let entry = start; entry < end; entry += 1) {
          const cost =
            (entryCost[entry] ?? 0) +
            (plain ? 0 : (entryExtra[entry] ?? 0)) -
            (lambda[entryCustomer[entry] ?? 0] ?? 0);
          if (cost < 0) knapsack += cost;
        }
      } else {
        for (let entry = start; entry < end; entry += 1) {
          const cost =
            (entryCost[entry] ?? 0) +
            (plain ? 0 : (entryExtra[entry] ?? 0)) -
            (lambda[entryCustomer[entry] ?? 0] ?? 0);
          if (cost < 0) {
            knapsack += cost;
            const demand = entryDemand[entry] ?? 0;
            used += demand;
            this.itemCost[items] = cost;
            this.itemDemand[items] = demand;
            this.itemRatio[items] = demand > 0 ? cost / demand : -Infinity;
            items += 1;
          }
        }
      }
      this.critical[facility] = Infinity;
      const capacity = problem.capacity[facility] ?? Infinity;
      if (binding && used > capacity) knapsack = this.fractionalKnapsack(facility, items, capacity);
      this.weight[facility] = (problem.fixedCost[facility] ?? 0) + knapsack;
    }
  }

  /**
   * Dantzig's greedy (most negative cost per unit of demand first) is optimal for the LP
   * knapsack; a weighted quickselect finds its critical ratio in linear expected time instead
   * of sorting every facility's items at every iteration.
   */
  private fractionalKnapsack(facility: number, count: number, capacity: number): number {
    const { itemRatio: ratio, itemDemand: demand, itemCost: cost } = this;
    let low = 0;
    let high = count;
    let room = capacity;
    let value = 0;
    while (low < high) {
      const pivot = ratio[low + ((high - low) >> 1)] ?? 0;
      // Three-way partition of [low, high) into < pivot, = pivot, > pivot.
      let less = low;
      let index = low;
      let greater = high;
      while (index < greater) {
        const r = ratio[index] ?? 0;
        if (r < pivot) {
          swap(ratio, demand, cost, index, less);
          less += 1;
          index += 1;
        } else if (r > pivot) {
          greater -= 1;
          swap(ratio, demand, cost, index, greater);
        } else index += 1;
      }
      let lessDemand = 0;
      let lessCost = 0;
      for (let item = low; item < less; item += 1) {
        lessDemand += demand[item] ?? 0;
        lessCost += cost[item] ?? 0;
      }
      if (lessDemand > room) {
        high = less;
        continue;
      }
      value += lessCost;
      room -= lessDemand;
      let equalDemand = 0;
      let equalCost = 0;
      for (let item = less; item < greater; item += 1) {
        equalDemand += demand[item] ?? 0;
        equalCost += cost[item] ?? 0;
      }
      if (equalDemand >= room) {
        const fraction = equalDemand > 0 ? room / equalDemand : 1;
        this.critical[facility] = pivot;
        this.criticalFraction[facility] = fraction;
        return value + equalCost * fraction;
      }
      value += equalCost;
      room -= equalDemand;
      low = greater;
    }
    return value;
  }

  /**
   * Z(μ) = μD + Σ_groups min(0, min_i (w_i − μS_i)). μ comes from the greedy covering LP over
   * each group's cheapest facility (exact without groups); any μ ≥ 0 gives a valid bound. Leaves
   * r_i = w_i − μS_i in `reducedFacility`, the pair penalties in `penalty`, y_i in `open`.
   */
  private cover(): number {
    const { problem, open, weight, groupOf, groupMin, groupBest } = this;
    const count = problem.facilityCount;
    groupBest.fill(-1);
    for (let facility = 0; facility < count; facility += 1) {
      const group = groupOf[facility] ?? 0;
      const best = groupBest[group] ?? -1;
      if (best < 0 || (weight[facility] ?? 0) < (weight[best] ?? 0)) groupBest[group] = facility;
    }
    let capacity = 0;
    const positive: number[] = [];
    for (const facility of groupBest) {
      if (facility < 0) continue;
      if ((weight[facility] ?? 0) <= 0) capacity += this.coverCapacity[facility] ?? 0;
      else positive.push(facility);
    }
    let mu = 0;
    let criticalFacility = -1;
    if (capacity < this.coverDemand) {
      const ratio = (facility: number) =>
        (weight[facility] ?? 0) / Math.max(this.coverCapacity[facility] ?? 0, 1e-300);
      positive.sort((a, b) => ratio(a) - ratio(b));
      mu = Infinity;
      for (const facility of positive) {
        capacity += this.coverCapacity[facility] ?? 0;
        if (capacity >= this.coverDemand) {
          mu = ratio(facility);
          criticalFacility = facility;
          break;
        }
      }
      if (mu === Infinity) return Infinity;
    }
    groupMin.fill(Infinity);
    for (let facility = 0; facility < count; facility += 1) {
      const r = (weight[facility] ?? 0) - mu * (this.coverCapacity[facility] ?? 0);
      this.reducedFacility[facility] = r;
      const group = groupOf[facility] ?? 0;
      if (r < (groupMin[group] ?? Infinity)) {
        groupMin[group] = r;
        groupBest[group] = facility;
      }
      open[facility] = 0;
    }
    let value = mu * this.coverDemand;
    let room = this.coverDemand;
    for (let group = 0; group < groupMin.length; group += 1) {
      const r = groupMin[group] ?? 0;
      const facility = groupBest[group] ?? -1;
      if (facility < 0) continue;
      if (r < 0 || (weight[facility] ?? 0) <= 0) {
        value += Math.min(0, r);
        open[facility] = 1;
        room -= this.coverCapacity[facility] ?? 0;
      }
    }
    for (let facility = 0; facility < count; facility += 1) {
      const r = this.reducedFacility[facility] ?? 0;
      this.penalty[facility] = r - Math.min(0, groupMin[groupOf[facility] ?? 0] ?? 0);
    }
    if (criticalFacility >= 0 && room > 0 && !open[criticalFacility]) {
      // The facility at the critical ratio (r = 0) is opened fractionally in the LP.
      open[criticalFacility] = Math.min(
        1,
        room / Math.max(this.coverCapacity[criticalFacility] ?? 0, 1e-300),
      );
      if (this.coverKnapsack) return this.integerCover(value);
    }
    return value;
  }

  /**
   * Replaces the covering LP (value `lpValue`) by the integer cover when its search finishes:
   * y becomes the integer cover, and a pair's penalty keeps only what the LP bound adds beyond
   * the integer one — forcing y_i = 1 costs at least coverLP + penalty_i − coverInt.
   */
  private integerCover(lpValue: number): number {
    const solution = this.coverKnapsack?.solve(this.weight, this.coverCapacity, this.coverDemand);
    if (!solution?.exact || solution.value <= lpValue) return lpValue;
    const raise = solution.value - lpValue;
    for (let facility = 0; facility < this.problem.facilityCount; facility += 1) {
      this.open[facility] = solution.open[facility] ?? 0;
      this.penalty[facility] = Math.max(0, (this.penalty[facility] ?? 0) - raise);
    }
    return solution.value;
  }

  /** g_j = 1 − Σ_i y_i x_ij − x_private (private part already subtracted). */
  private accumulateSubgradient(lambda: Float64Array, subgradient: Float64Array, mu: number): void {
    const { problem, entryCost, entryCustomer, entryDemand, entryCounted, entryExtra } = this;
    // The same expression as in `facilityWeights`, so that a ratio equal to the critical one
    // there is equal here too (floating point).
    const plain = mu === 0 && !this.shift;
    for (let facility = 0; facility < problem.facilityCount; facility += 1) {
      const y = this.open[facility] ?? 0;
      if (y <= 0) continue;
      const critical = this.critical[facility] ?? Infinity;
      const fraction = this.criticalFraction[facility] ?? 0;
      const end = this.facilityStart[facility + 1] ?? 0;
      for (let entry = this.facilityStart[facility] ?? 0; entry < end; entry += 1) {
        const customer = entryCustomer[entry] ?? 0;
        const counted = entryCounted[entry] ?? 0;
        const pair = this.entryPair[entry] ?? 0;
        const cost =
          (entryCost[entry] ?? 0) +
          (plain ? 0 : (entryExtra[entry] ?? 0)) -
          (lambda[customer] ?? 0);
        if (cost >= 0) continue;
        let x = 1;
        if (critical !== Infinity) {
          const demand = entryDemand[entry] ?? 0;
          const ratio = demand > 0 ? cost / demand : -Infinity;
          if (ratio > critical) x = 0;
          else if (ratio === critical) x = fraction;
        }
        subgradient[customer] = (subgradient[customer] ?? 0) - y * x;
        this.budgetUse += counted * y * x;
        if (this.pairX) this.pairX[pair] = (this.pairX[pair] ?? 0) + y * x;
      }
    }
  }
}

function swap(
  ratio: Float64Array,
  demand: Float64Array,
  cost: Float64Array,
  first: number,
  second: number,
): void {
  const r = ratio[first] ?? 0;
  ratio[first] = ratio[second] ?? 0;
  ratio[second] = r;
  const d = demand[first] ?? 0;
  demand[first] = demand[second] ?? 0;
  demand[second] = d;
  const c = cost[first] ?? 0;
  cost[first] = cost[second] ?? 0;
  cost[second] = c;
}
