import { Worker } from "node:worker_threads";
import type { MipModel } from "../mip/MipModel.ts";
import type { MipResult, MipSolveOptions, MipSolver } from "../mip/MipSolver.ts";
import { compileHighsWasm, highsLoaderPath, type CompiledHighsWasm } from "./compileHighsWasm.ts";
import { runHighsModel } from "./runHighsModel.ts";

/** A worker's instance is replaced once its WebAssembly memory has grown past this. */
const DISCARD_ABOVE_BYTES = 256 * 1024 * 1024;

// The worker is plain JavaScript (eval) so it runs without a TypeScript loader; the solve
// itself is the same function the in-process solver uses, passed as source text.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const highsLoader = require(workerData.highsLoaderPath);
const runHighsModel = ${runHighsModel.toString()};
const highs = highsLoader({ wasmModule: workerData.wasmModule });
parentPort.on("message", async (task) => {
  let run;
  try {
    run = runHighsModel(await highs, task.model, task.options, workerData.discardAboveBytes);
  } catch (error) {
    run = { discardInstance: true, result: { status: "error", outOfMemory: false, seconds: 0,
      message: "HiGHS-Worker: " + (error && error.message ? error.message : String(error)) } };
  }
  const transfer = run.result.values ? [run.result.values.buffer] : [];
  parentPort.postMessage(run, transfer);
});
`;

interface Task {
  model: MipModel;
  options: MipSolveOptions;
  resolve(result: MipResult): void;
}

interface Slot {
  worker: Worker;
  task: Task | undefined;
}

/**
 * A small pool of worker threads, each with its own HiGHS instance, so long solves neither block
 * the event loop nor share one WebAssembly memory (at most 2 GB each). A worker whose instance
 * aborted (out of memory) or grew large is terminated and replaced: the operating system gets
 * the memory back. Idle workers are `unref`-ed and never keep the process alive.
 */
export class HighsWorkerPool implements MipSolver {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];

  constructor(private readonly size = 2) {}

  solve(model: MipModel, options: MipSolveOptions): Promise<MipResult> {
    return new Promise((resolve) => {
      this.queue.push({ model, options, resolve });
      void this.dispatch();
    });
  }

  /** Terminates all workers; pending solves end with an error result. */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private async dispatch(): Promise<void> {
    const wasmModule = await compileHighsWasm();
    while (this.queue.length > 0) {
      let slot = this.slots.find((candidate) => candidate.task === undefined);
      if (!slot && this.slots.length < this.size) {
        slot = { worker: this.spawn(wasmModule), task: undefined };
        this.slots.push(slot);
        this.listen(slot);
      }
      if (!slot) return;
      const task = this.queue.shift();
      if (!task) return;
      slot.task = task;
      slot.worker.ref(); // a pending solve keeps the process alive; an idle worker does not
      // Typed arrays are copied, not transferred: callers may keep using their model.
      slot.worker.postMessage({ model: task.model, options: task.options });
    }
  }

  private spawn(wasmModule: CompiledHighsWasm): Worker {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { highsLoaderPath, wasmModule, discardAboveBytes: DISCARD_ABOVE_BYTES },
    });
    return worker;
  }

  private listen(slot: Slot): void {
    const finish = (result: MipResult, replace: boolean) => {
      const task = slot.task;
      slot.task = undefined;
      slot.worker.unref();
      if (replace) {
        const index = this.slots.indexOf(slot);
        if (index >= 0) this.slots.splice(index, 1);
        void slot.worker.terminate();
      }
      task?.resolve(result);
      void this.dispatch();
    };
    slot.worker.on("message", (run: { result: MipResult; discardInstance: boolean }) =>
      finish(run.result, run.discardInstance),
    );
    slot.worker.on("error", (error: Error) =>
      finish(
        {
          status: "error",
          message: `Speicher erschöpft oder HiGHS-Worker abgestürzt: ${error.message}`,
          outOfMemory: /memory|OOM|allocation/i.test(error.message),
          seconds: 0,
        },
        true,
      ),
    );
    // Unref after the listeners are attached: attaching a message listener refs the port again.
    slot.worker.unref();
    slot.worker.on("exit", () => {
      if (slot.task) {
        finish(
          {
            status: "error",
            message: "HiGHS-Worker wurde beendet.",
            outOfMemory: false,
            seconds: 0,
          },
          true,
        );
      }
    });
  }
}
