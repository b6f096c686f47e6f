/**
 * The covering knapsack min Σ w_i y_i subject to Σ S_i y_i ≥ D, y binary: which facilities to
 * open so that their capacity covers the demand at least cost. Inside the Lagrangian bound it
 * replaces the covering LP, which is what makes the bound of the capacitated problem strong
 * (the "aggregate capacity constraint" of Cornuéjols, Sridharan & Thizy 1991).
 *
 * Facilities with w_i ≤ 0 always open. Of the others, choosing which stay closed is a 0-1
 * knapsack (profit w_i, weight S_i, room Σ S − remaining demand), solved by depth-first branch
 * and bound with Dantzig's bound (Horowitz & Sahni 1974) over items sorted by w_i / S_i.
 */

/** Result: `lowerBound` ≤ optimum ≤ `value`; equal when the search finished. */
export interface CoverSolution {
  /** Cost of the cover in `open` (Infinity when no cover exists). */
  value: number;
  /** A valid lower bound on the optimal cover cost (the LP value when the search stopped). */
  lowerBound: number;
  /** 1 = open in the best cover found. */
  open: Uint8Array;
  /** The search proved `value` optimal. */
  exact: boolean;
}

/** Reusable scratch space for one item count. */
export class CoverKnapsack {
  private readonly order: Int32Array;
  private readonly profit: Float64Array;
  private readonly weight: Float64Array;
  private readonly take: Uint8Array;
  private readonly bestTake: Uint8Array;

  constructor(private readonly size: number) {
    this.order = new Int32Array(size);
    this.profit = new Float64Array(size);
    this.weight = new Float64Array(size);
    this.take = new Uint8Array(size);
    this.bestTake = new Uint8Array(size);
  }

  /**
   * Solves the cover for costs `w` and capacities `capacity` (both of length `size`) and demand
   * `demand`; stops after `nodeLimit` search nodes with the LP value as lower bound.
   */
  solve(
    w: Float64Array,
    capacity: Float64Array,
    demand: number,
    nodeLimit = 20_000,
  ): CoverSolution {
    const open = new Uint8Array(this.size);
    let fixed = 0;
    let remaining = demand;
    let count = 0;
    let positiveCapacity = 0;
    for (let item = 0; item < this.size; item += 1) {
      const cost = w[item] ?? 0;
      const room = capacity[item] ?? 0;
      if (cost <= 0) {
        open[item] = 1;
        fixed += cost;
        remaining -= room;
      } else if (room > 0) {
        this.order[count] = item;
        count += 1;
        positiveCapacity += room;
      }
    }
    if (remaining <= 0) return { value: fixed, lowerBound: fixed, open, exact: true };
    if (positiveCapacity < remaining) {
      return { value: Infinity, lowerBound: Infinity, open, exact: true };
    }
    // Items to keep closed: the most expensive per unit of capacity first.
    const order = this.order.subarray(0, count);
    order.sort((a, b) => (w[b] ?? 0) / (capacity[b] ?? 1) - (w[a] ?? 0) / (capacity[a] ?? 1));
    let totalCost = 0;
    for (let index = 0; index < count; index += 1) {
      const item = order[index] ?? 0;
      this.profit[index] = w[item] ?? 0;
      this.weight[index] = capacity[item] ?? 0;
      totalCost += w[item] ?? 0;
    }
    const room = positiveCapacity - remaining;
    const search = this.branchAndBound(count, room, nodeLimit);
    for (let index = 0; index < count; index += 1) {
      if (!this.bestTake[index]) open[order[index] ?? 0] = 1;
    }
    return {
      value: fixed + totalCost - search.best,
      lowerBound: fixed + totalCost - search.upper,
      open,
      exact: search.finished,
    };
  }

  /** Max Σ profit·z, Σ weight·z ≤ room; `upper` is the root's LP value unless finished. */
  private branchAndBound(
    count: number,
    room: number,
    nodeLimit: number,
  ): { best: number; upper: number; finished: boolean } {
    const { profit, weight, take, bestTake } = this;
    take.fill(0);
    bestTake.fill(0);
    // Greedy start: take items in order while they fit.
    let best = 0;
    let left = room;
    for (let index = 0; index < count; index += 1) {
      if ((weight[index] ?? 0) <= left) {
        left -= weight[index] ?? 0;
        best += profit[index] ?? 0;
        bestTake[index] = 1;
      }
    }
    const rootUpper = this.dantzig(0, room, count);
    if (rootUpper - best <= 1e-9 * Math.max(1, Math.abs(best))) {
      return { best, upper: best, finished: true };
    }
    let nodes = 0;
    let finished = true;
    const visit = (index: number, left: number, value: number): void => {
      if (value > best) {
        best = value;
        bestTake.set(take);
      }
      if (index >= count) return;
      nodes += 1;
      if (nodes > nodeLimit) {
        finished = false;
        return;
      }
      if (value + this.dantzig(index, left, count) <= best + 1e-9 * Math.max(1, best)) return;
      const itemWeight = weight[index] ?? 0;
      if (itemWeight <= left) {
        take[index] = 1;
        visit(index + 1, left - itemWeight, value + (profit[index] ?? 0));
        take[index] = 0;
      }
      if (!finished) return;
      visit(index + 1, left, value);
    };
    visit(0, room, 0);
    return { best, upper: finished ? best : rootUpper, finished };
  }

  /** LP bound of the items from `start` on with `left` room (items sorted by ratio). */
  private dantzig(start: number, left: number, count: number): number {
    let value = 0;
    for (let index = start; index < count; index += 1) {
      const itemWeight = this.weight[index] ?? 0;
      if (itemWeight <= left) {
        left -= itemWeight;
        value += this.profit[index] ?? 0;
      } else {
        return value + ((this.profit[index] ?? 0) * left) / itemWeight;
      }
    }
    return value;
  }
}
