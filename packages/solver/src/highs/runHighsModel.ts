import type { Highs } from "highs";
import type { MipModel } from "../mip/MipModel.ts";
import type { MipResult, MipSolveOptions } from "../mip/MipSolver.ts";

/** What one HiGHS run reports back, plus whether its WebAssembly instance should be dropped. */
export interface HighsRun {
  result: MipResult;
  /** True after an abort (out of memory) — the instance is unusable — or when its memory grew large. */
  discardInstance: boolean;
}

/**
 * Solves `model` with a loaded HiGHS runtime and reads status, objective, MIP dual bound and the
 * column values. It uses the persistent API (`createModel` from arrays) rather than
 * `highs.solve(lpText)`: the one-shot result of highs 1.15.3 carries no dual bound, while
 * `model.info.get("mip_dual_bound")` does, and arrays skip writing and parsing megabytes of LP
 * text. The function must stay self-contained — no helpers, no imports at run time — because
 * the worker thread receives it as source text (`runHighsModel.toString()`).
 */
export function runHighsModel(
  highs: Highs,
  model: MipModel,
  options: MipSolveOptions,
  discardAboveBytes: number,
): HighsRun {
  const started = performance.now();
  let hasInteger = false;
  for (let column = 0; column < model.columnCount; column += 1) {
    if (model.integer[column] === 1) {
      hasInteger = true;
      break;
    }
  }
  let native: ReturnType<Highs["createModel"]> | undefined;
  try {
    native = highs.createModel({
      numCols: model.columnCount,
      numRows: model.rowCount,
      offset: model.offset,
      colCost: model.columnCost,
      colLower: model.columnLower,
      colUpper: model.columnUpper,
      rowLower: model.rowLower,
      rowUpper: model.rowUpper,
      matrix: {
        format: "csr",
        numRows: model.rowCount,
        numCols: model.columnCount,
        starts: model.rowStart,
        indices: model.rowIndex,
        values: model.rowValue,
      },
      integrality: hasInteger ? Int32Array.from(model.integer) : undefined,
    });
    native.options.set({
      output_flag: false,
      time_limit: Math.max(0.01, options.timeLimitSeconds),
      mip_rel_gap: options.relativeGap,
    });
    if (options.start && options.start.length === model.columnCount) {
      native.setSolution({ colValue: options.start });
    }
    native.run();
    const status = native.getModelStatus();
    const seconds = (performance.now() - started) / 1000;
    const constants = highs.constants.modelStatus;
    const discardInstance = highs.memoryBytes > discardAboveBytes;
    if (status === constants.infeasible) {
      return { result: { status: "infeasible", seconds }, discardInstance };
    }
    const hasSolution = native.info.get("primal_solution_status") === 2;
    // An LP reports no MIP dual bound; at LP optimality the objective is the bound.
    const rawBound = hasInteger ? Number(native.info.get("mip_dual_bound")) : -Infinity;
    if (hasSolution) {
      const objective = native.getObjectiveValue();
      const optimal = status === constants.optimal;
      const bound = hasInteger ? Math.min(rawBound, objective) : optimal ? objective : -Infinity;
      const values = native.getSolution().colValue;
      return {
        result: { status: optimal ? "optimal" : "feasible", objective, bound, values, seconds },
        discardInstance,
      };
    }
    if (status === constants.timeLimit || status === constants.interrupted) {
      return { result: { status: "no-solution", bound: rawBound, seconds }, discardInstance };
    }
    const message = "HiGHS meldet Status " + String(status) + " ohne zulässige Lösung.";
    return {
      result: { status: "error", message, outOfMemory: false, seconds },
      discardInstance,
    };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const outOfMemory = /OOM|memory|Cannot enlarge|bad_alloc|Aborted/i.test(text);
    const message = outOfMemory
      ? "Speicher erschöpft: HiGHS (WebAssembly, höchstens 2 GB) konnte das Modell nicht laden oder lösen."
      : "HiGHS ist mit einem Fehler abgebrochen: " + text;
    const seconds = (performance.now() - started) / 1000;
    return { result: { status: "error", message, outOfMemory, seconds }, discardInstance: true };
  } finally {
    try {
      if (native) native.dispose();
    } catch {
      // After an abort the instance is gone anyway; nothing left to free.
    }
  }
}
