/**
 * Test fixture for PgliteDatabase.test.ts: a worker that says it is ready, takes a few
 * requests without answering them, and then dies with exit code 3 (as a crashed worker).
 */
import { parentPort } from "node:worker_threads";
import type { PgliteReady } from "./pgliteWorkerProtocol.ts";

if (!parentPort) throw new Error("Nur als Worker-Thread.");
let dying = false;
parentPort.on("message", () => {
  if (dying) return;
  dying = true;
  setTimeout(() => process.exit(3), 100);
});
parentPort.postMessage({ ready: true } satisfies PgliteReady);
