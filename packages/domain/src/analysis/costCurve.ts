/**
 * Fitting a concave piecewise-linear cost curve — yearly cost = fixed platform cost + unit cost ×
 * volume, with marginal cost falling at breakpoints (economies of scale) — to observed
 * (volume, running cost) pairs, with its uncertainty.
 *
 * Method (docs/cost-model.md): breakpoints b₁ < … < b_{K−1} at volume quantiles k/K. Written as
 *   f(v) = a + Σ_{j=1..K} d_j · min(v, b_j)   (b_K = ∞),
 * the curve is concave and non-decreasing with a non-negative fixed cost exactly when a ≥ 0 and
 * every d_j ≥ 0; the slope of segment k is s_k = Σ_{j≥k} d_j, so slopes are non-increasing.
 * Least squares under those sign constraints is a non-negative least-squares problem (Lawson &
 * Hanson 1974, "Solving Least Squares Problems", ch. 23) with K+1 ≤ 7 unknowns; it is solved
 * exactly by trying every support set (at most 2⁷ small normal-equation systems): the optimum
 * is the unconstrained least-squares solution on the face that contains it, so the feasible
 * candidate with the smallest residual is the global optimum of this convex problem.
 *
 * Uncertainty: residual standard error, R² and a pairs bootstrap (Efron & Tibshirani 1993,
 * "An Introduction to the Bootstrap", ch. 9) with fixed breakpoints and a seeded PRNG
 * (Mulberry32), so the same data and seed always give the same band.
 */
import { z } from "zod";
import { Mulberry32Random } from "../demo/random.ts";
import { quantile } from "../landscape/domainSummary.ts";

/** One piece of the curve — the shape of the solver's `CostSegment`. */
export const FittedCostSegment = z
  .object({
    /** Upper end in volume units; null = open-ended (last piece). */
    upTo: z.number().nullable(),
    /** Marginal cost per volume unit and year on this piece (non-increasing along the curve). */
    costPerUnit: z.number(),
  })
  .meta({ id: "FittedCostSegment" });
export type FittedCostSegment = z.infer<typeof FittedCostSegment>;

/** The fitted curve with its goodness of fit and bootstrap band. */
export const CostCurveFit = z
  .object({
    /** Data points the fit rests on. */
    points: z.number().int(),
    /** Fixed platform cost per year (euro), ≥ 0. */
    fixedCost: z.number(),
    segments: z.array(FittedCostSegment),
    /** Breakpoints in volume units (the `upTo` of all but the last segment). */
    breakpoints: z.array(z.number()),
    /** √(SSE / (n − p)), euro; null when there are no degrees of freedom left. */
    residualStandardError: z.number().nullable(),
    /** 1 − SSE/SST; null when all costs are equal. */
    rSquared: z.number().nullable(),
    uncertainty: z.object({
      method: z.literal("bootstrap"),
      replicates: z.number().int(),
      seed: z.number().int(),
      /** Central coverage of the band, e.g. 0.9 for the 5 %–95 % percentiles. */
      level: z.number(),
      band: z.array(
        z.object({
          volume: z.number(),
          fit: z.number(),
          lower: z.number(),
          upper: z.number(),
        }),
      ),
      fixedCost: z.object({ lower: z.number(), upper: z.number() }),
      costPerUnit: z.array(z.object({ lower: z.number(), upper: z.number() })),
    }),
  })
  .meta({ id: "CostCurveFit" });
export type CostCurveFit = z.infer<typeof CostCurveFit>;

/** An observation: one Kommune's volume and yearly running cost in a domain. */
export interface CostPoint {
  volume: number;
  cost: number;
}

/** Options of {@link fitCostCurve}. */
export interface CostCurveOptions {
  /** Number of segments when breakpoints are taken from volume quantiles (1–6, default 3). */
  segments?: number;
  /** Explicit breakpoints (volume units) instead of quantiles. */
  breakpoints?: readonly number[];
  /** Bootstrap replicates (default 200; 0 = no band beyond the fit itself). */
  replicates?: number;
  /** PRNG seed of the bootstrap (default 7). */
  seed?: number;
  /** Central coverage of the band (default 0.9). */
  level?: number;
  /** Volumes at which the band is evaluated (default 25, from 0 to the largest volume). */
  bandPoints?: number;
}

/** Fewest points a fit is attempted with. */
export const MIN_COST_CURVE_POINTS = 3;
const MAX_SEGMENTS = 6;

/** Yearly cost of a volume on a curve: fixed cost plus the integral of the marginal cost. */
export function evaluateCostCurve(
  curve: { fixedCost: number; segments: readonly FittedCostSegment[] },
  volume: number,
): number {
  let cost = curve.fixedCost;
  let from = 0;
  for (const segment of curve.segments) {
    const to = segment.upTo ?? Number.POSITIVE_INFINITY;
    if (volume <= from) break;
    cost += (Math.min(volume, to) - from) * segment.costPerUnit;
    from = to;
  }
  return cost;
}

/** Breakpoints at the volume quantiles k/K, strictly inside (0, max volume), without duplicates. */
export function quantileBreakpoints(volumes: readonly number[], segments: number): number[] {
  const sorted = [...volumes].sort((a, b) => a - b);
  const largest = sorted[sorted.length - 1] ?? 0;
  const result: number[] = [];
  for (let k = 1; k < segments; k += 1) {
    const value = quantile(sorted, k / segments);
    const previous = result[result.length - 1] ?? 0;
    if (value > previous && value < largest) result.push(value);
  }
  return result;
}

/** Coefficients of f(v) = a + Σ d_j min(v, b_j) in scaled units, with the residual sum of squares. */
interface NonNegativeFit {
  coefficients: number[];
  sse: number;
  parameters: number;
}

/** Basis values (1, min(x, b₁), …, min(x, b_{K−1}), x) of one scaled volume. */
function basis(x: number, breakpoints: readonly number[]): number[] {
  return [1, ...breakpoints.map((b) => Math.min(x, b)), x];
}

/** Solves the symmetric system `matrix · θ = rhs` by Gaussian elimination; null when singular. */
function solve(matrix: number[][], rhs: number[]): number[] | null {
  const size = rhs.length;
  const a = matrix.map((row, index) => [...row, rhs[index] ?? 0]);
  const scale = Math.max(1e-300, ...matrix.map((row, index) => Math.abs(row[index] ?? 0)));
  for (let column = 0; column < size; column += 1) {
    let pivot = column;
    for (let row = column + 1; row < size; row += 1)
      if (Math.abs(a[row]?.[column] ?? 0) > Math.abs(a[pivot]?.[column] ?? 0)) pivot = row;
    if (Math.abs(a[pivot]?.[column] ?? 0) <= 1e-12 * scale) return null;
    [a[column], a[pivot]] = [a[pivot] ?? [], a[column] ?? []];
    const pivotRow = a[column] ?? [];
    for (let row = 0; row < size; row += 1) {
      if (row === column) continue;
      const target = a[row] ?? [];
      const factor = (target[column] ?? 0) / (pivotRow[column] ?? 1);
      if (factor === 0) continue;
      for (let k = column; k <= size; k += 1)
        target[k] = (target[k] ?? 0) - factor * (pivotRow[k] ?? 0);
    }
  }
  return a.map((row, index) => (row[size] ?? 0) / (row[index] ?? 1));
}

/** Support sets of `size` indices, smallest first (so ties go to the simpler curve). */
function supportsBySize(size: number): number[][] {
  const masks = Array.from({ length: (1 << size) - 1 }, (_, index) => index + 1);
  const bits = (mask: number) => mask.toString(2).replaceAll("0", "").length;
  return masks
    .sort((a, b) => bits(a) - bits(b) || a - b)
    .map((mask) =>
      Array.from({ length: size }, (_, index) => index).filter((i) => mask & (1 << i)),
    );
}

const SUPPORTS = new Map<number, number[][]>();

/**
 * Exact non-negative least squares for the few unknowns of a cost curve on the normal
 * equations (Gram matrix `gram`, `moment` = Xᵀy, `yy` = yᵀy): support sets are tried smallest
 * first, and the first feasible solution that meets the Karush-Kuhn-Tucker conditions (gradient
 * ≥ 0 on the zero coefficients) is the global optimum of this convex problem. Should rounding
 * defeat the check, the feasible candidate with the smallest residual is taken.
 */
function nonNegativeLeastSquares(gram: number[][], moment: number[], yy: number): NonNegativeFit {
  const size = moment.length;
  let supports = SUPPORTS.get(size);
  if (!supports) {
    supports = supportsBySize(size);
    SUPPORTS.set(size, supports);
  }
  const scale = Math.max(1e-300, ...moment.map(Math.abs), ...gram.map((row, i) => row[i] ?? 0));
  let best: NonNegativeFit = {
    coefficients: new Array<number>(size).fill(0),
    sse: yy,
    parameters: 0,
  };
  // The zero curve is optimal when no coefficient can lower the residual (all of Xᵀy ≤ 0).
  if (moment.every((value) => value <= 1e-12 * scale)) return best;
  for (const support of supports) {
    const theta = solve(
      support.map((i) => support.map((j) => gram[i]?.[j] ?? 0)),
      support.map((i) => moment[i] ?? 0),
    );
    if (!theta || theta.some((value) => value < 0)) continue;
    const coefficients = new Array<number>(size).fill(0);
    support.forEach((i, p) => (coefficients[i] = theta[p] ?? 0));
    let sse = yy;
    for (let i = 0; i < size; i += 1) {
      sse -= 2 * (coefficients[i] ?? 0) * (moment[i] ?? 0);
      for (let j = 0; j < size; j += 1)
        sse += (coefficients[i] ?? 0) * (coefficients[j] ?? 0) * (gram[i]?.[j] ?? 0);
    }
    const candidate = { coefficients, sse: Math.max(0, sse), parameters: support.length };
    // KKT: on every coefficient held at 0 the gradient Gθ − Xᵀy must not point downhill.
    const optimal = coefficients.every((value, i) => {
      if (value > 0) return true;
      const gradient =
        coefficients.reduce((sum, theta, j) => sum + (gram[i]?.[j] ?? 0) * theta, 0) -
        (moment[i] ?? 0);
      return gradient >= -1e-10 * scale;
    });
    if (optimal) return candidate;
    if (candidate.sse < best.sse) best = candidate;
  }
  return best;
}

/** Least-squares fit on scaled data (basis rows of x = volume / maxVolume; y = cost / maxCost). */
function fitScaled(
  rows: ReadonlyArray<readonly number[]>,
  ys: readonly number[],
  indices: readonly number[],
): NonNegativeFit {
  const size = rows[0]?.length ?? 1;
  const gram = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const moment = new Array<number>(size).fill(0);
  let yy = 0;
  for (const index of indices) {
    const row = rows[index] ?? [];
    const y = ys[index] ?? 0;
    yy += y * y;
    for (let i = 0; i < size; i += 1) {
      const value = row[i] ?? 0;
      moment[i] = (moment[i] ?? 0) + value * y;
      const gramRow = gram[i] ?? [];
      for (let j = i; j < size; j += 1) gramRow[j] = (gramRow[j] ?? 0) + value * (row[j] ?? 0);
    }
  }
  // Only the upper triangle was summed; mirror it.
  for (let i = 0; i < size; i += 1)
    for (let j = 0; j < i; j += 1) (gram[i] ?? [])[j] = gram[j]?.[i] ?? 0;
  return nonNegativeLeastSquares(gram, moment, yy);
}

/** Fixed cost and segment slopes (in scaled units) from the coefficients a, d₁…d_K. */
function toCurve(
  coefficients: readonly number[],
  breakpoints: readonly number[],
): { fixed: number; slopes: number[] } {
  const slopes = breakpoints.map(() => 0).concat(0);
  let running = 0;
  for (let k = slopes.length - 1; k >= 0; k -= 1) {
    running += coefficients[k + 1] ?? 0;
    slopes[k] = running;
  }
  return { fixed: coefficients[0] ?? 0, slopes };
}

function percentile(values: number[], probability: number): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    probability,
  );
}

/**
 * Fits a concave, non-decreasing piecewise-linear cost curve with a non-negative fixed cost to
 * (volume, cost) points; null with fewer than {@link MIN_COST_CURVE_POINTS} usable points.
 * Deterministic: the bootstrap draws from a PRNG seeded with `options.seed`.
 */
export function fitCostCurve(
  points: readonly CostPoint[],
  options: CostCurveOptions = {},
): CostCurveFit | null {
  const usable = points.filter(
    (point) => Number.isFinite(point.volume) && Number.isFinite(point.cost) && point.volume >= 0,
  );
  if (usable.length < MIN_COST_CURVE_POINTS) return null;
  const maxVolume = Math.max(...usable.map((point) => point.volume));
  if (!(maxVolume > 0)) return null;
  const maxCost = Math.max(1e-300, ...usable.map((point) => Math.abs(point.cost)));
  const xs = usable.map((point) => point.volume / maxVolume);
  const ys = usable.map((point) => point.cost / maxCost);
  const segmentCount = Math.max(
    1,
    Math.min(
      MAX_SEGMENTS,
      options.segments ?? 3,
      Math.floor(usable.length / MIN_COST_CURVE_POINTS),
    ),
  );
  const breakpointVolumes = options.breakpoints
    ? [...new Set(options.breakpoints)]
        .filter((b) => b > 0 && b < maxVolume)
        .sort((a, b) => a - b)
        .slice(0, MAX_SEGMENTS - 1)
    : quantileBreakpoints(
        usable.map((point) => point.volume),
        segmentCount,
      );
  const breakpoints = breakpointVolumes.map((b) => b / maxVolume);
  const all = usable.map((_, index) => index);
  const rows = xs.map((x) => basis(x, breakpoints));
  const fit = fitScaled(rows, ys, all);
  const curve = toCurve(fit.coefficients, breakpoints);
  const toSegments = (slopes: readonly number[]): FittedCostSegment[] =>
    slopes.map((slope, index) => ({
      upTo: breakpointVolumes[index] ?? null,
      costPerUnit: (slope * maxCost) / maxVolume,
    }));
  const fitted = { fixedCost: curve.fixed * maxCost, segments: toSegments(curve.slopes) };
  // Volumes spread over a range too small to divide by (subnormal numbers) give slopes that do
  // not fit in a double: there is no cost curve to read from such data.
  if (
    !Number.isFinite(fitted.fixedCost) ||
    fitted.segments.some((segment) => !Number.isFinite(segment.costPerUnit))
  )
    return null;

  const n = usable.length;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / n;
  const sst = ys.reduce((sum, y) => sum + (y - meanY) ** 2, 0);
  const sseEuro = fit.sse * maxCost * maxCost;

  // Pairs bootstrap with the breakpoints held fixed.
  const replicates = Math.max(0, Math.floor(options.replicates ?? 200));
  const seed = Math.floor(options.seed ?? 7);
  const level = options.level ?? 0.9;
  const bandCount = Math.max(2, Math.floor(options.bandPoints ?? 25));
  const grid = Array.from(
    { length: bandCount },
    (_, index) => (maxVolume * index) / (bandCount - 1),
  );
  const random = new Mulberry32Random(seed);
  const curves: Array<{ fixedCost: number; segments: FittedCostSegment[] }> = [];
  for (let replicate = 0; replicate < replicates; replicate += 1) {
    const sample = Array.from({ length: n }, () => Math.floor(random.next() * n));
    const sampleCurve = toCurve(fitScaled(rows, ys, sample).coefficients, breakpoints);
    curves.push({
      fixedCost: sampleCurve.fixed * maxCost,
      segments: toSegments(sampleCurve.slopes),
    });
  }
  const low = (1 - level) / 2;
  const high = 1 - low;
  const interval = (values: number[], own: number) =>
    values.length === 0
      ? { lower: own, upper: own }
      : { lower: percentile(values, low), upper: percentile(values, high) };

  return {
    points: n,
    fixedCost: fitted.fixedCost,
    segments: fitted.segments,
    breakpoints: breakpointVolumes,
    residualStandardError: n > fit.parameters ? Math.sqrt(sseEuro / (n - fit.parameters)) : null,
    rSquared: sst > 0 ? 1 - fit.sse / sst : null,
    uncertainty: {
      method: "bootstrap",
      replicates,
      seed,
      level,
      band: grid.map((volume) => {
        const own = evaluateCostCurve(fitted, volume);
        const range = interval(
          curves.map((sampleCurve) => evaluateCostCurve(sampleCurve, volume)),
          own,
        );
        return { volume, fit: own, ...range };
      }),
      fixedCost: interval(
        curves.map((sampleCurve) => sampleCurve.fixedCost),
        fitted.fixedCost,
      ),
      costPerUnit: fitted.segments.map((segment, index) =>
        interval(
          curves.map((sampleCurve) => sampleCurve.segments[index]?.costPerUnit ?? 0),
          segment.costPerUnit,
        ),
      ),
    },
  };
}
