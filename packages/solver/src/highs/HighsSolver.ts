import highsLoader, { type Highs } from "highs";
import type { MipModel } from "../mip/MipModel.ts";
import type { MipResult, MipSolveOptions, MipSolver } from "../mip/MipSolver.ts";
import { compileHighsWasm } from "./compileHighsWasm.ts";
import { runHighsModel } from "./runHighsModel.ts";

/** WebAssembly memory never shrinks; above this a fresh instance replaces the grown one. */
const DISCARD_ABOVE_BYTES = 512 * 1024 * 1024;

/**
 * HiGHS in this thread: the WebAssembly runtime is loaded once and reused for every solve, and
 * dropped (to be garbage-collected) after an abort or when a large model has grown its memory.
 * Blocks the event loop while it solves — use {@link solveInWorker} for long solves.
 */
export class HighsSolver implements MipSolver {
  private runtime: Promise<Highs> | undefined;

  async solve(model: MipModel, options: MipSolveOptions): Promise<MipResult> {
    this.runtime ??= compileHighsWasm().then((wasmModule) => highsLoader({ wasmModule }));
    const highs = await this.runtime;
    const run = runHighsModel(highs, model, options, DISCARD_ABOVE_BYTES);
    if (run.discardInstance) this.runtime = undefined;
    return run.result;
  }
}
