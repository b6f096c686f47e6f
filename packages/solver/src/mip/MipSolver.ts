import type { MipModel } from "./MipModel.ts";

/** Limits and hints for one MIP solve. */
export interface MipSolveOptions {
  /** Wall-clock limit in seconds. */
  timeLimitSeconds: number;
  /** Stop when (incumbent − bound) / incumbent ≤ this. */
  relativeGap: number;
  /** A feasible (or nearly feasible) start for every column, e.g. from a heuristic. */
  start?: Float64Array;
}

/** Outcome of one MIP solve; every outcome is a value, never an exception. */
export type MipResult =
  | {
      status: "optimal" | "feasible";
      objective: number;
      /** Proven lower bound of this model (minimisation). */
      bound: number;
      values: Float64Array;
      seconds: number;
    }
  | { status: "infeasible"; seconds: number }
  /** Stopped (time limit) before any feasible point was found. */
  | { status: "no-solution"; bound: number; seconds: number }
  | { status: "error"; message: string; outOfMemory: boolean; seconds: number };

/** Something that solves a {@link MipModel}: HiGHS in this process or in a worker thread. */
export interface MipSolver {
  solve(model: MipModel, options: MipSolveOptions): Promise<MipResult>;
}
