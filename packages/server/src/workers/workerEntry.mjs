// Entry of the worker threads of the CPU pool (piscina). Plain JavaScript so that a worker
// starts the same way under `node --import tsx` (npm start), under vitest and in the bench:
// it registers tsx's loader in this thread, then imports the TypeScript task module.
import { register } from "tsx/esm/api";

register();
const { runWorkerTask } = await import("./workerTasks.ts");

/** One task: `{ task, input }` in, the task's plain-data result out (piscina's `name`). */
export function run(message) {
  return runWorkerTask(message);
}
