import type { MipModel } from "../mip/MipModel.ts";
import type { MipResult, MipSolveOptions } from "../mip/MipSolver.ts";
import { HighsWorkerPool } from "./HighsWorkerPool.ts";

let shared: HighsWorkerPool | undefined;

/** Solves a model with HiGHS in a worker thread of a process-wide pool (2 threads, 2 cores). */
export function solveInWorker(model: MipModel, options: MipSolveOptions): Promise<MipResult> {
  shared ??= new HighsWorkerPool(2);
  return shared.solve(model, options);
}
