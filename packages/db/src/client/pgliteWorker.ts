/**
 * The worker thread that owns PGlite (started by PgliteDatabase). It runs one PGlite
 * instance and answers requests from the main thread; PGlite's own locks order them exactly
 * as they ordered calls on the main thread before: a statement outside a transaction waits
 * while one is open, statements of one transaction run one after another.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import {
  serializeError,
  type ArrayRows,
  type PgliteReady,
  type PgliteRequest,
  type PgliteResponse,
  type PgliteWorkerOptions,
  type TransactionId,
} from "./pgliteWorkerProtocol.ts";
import { typeParsers } from "./typeParsers.ts";

if (!parentPort) throw new Error("pgliteWorker.ts läuft nur als Worker-Thread.");
const port = parentPort;

interface OpenTransaction {
  tx: Transaction;
  /** Settles the callback given to PGlite's `transaction`: resolve commits, reject rolls back. */
  finish(commit: boolean): void;
  /** Settles with PGlite's `transaction` promise: after COMMIT or ROLLBACK. */
  done: Promise<void>;
}

/** Thrown into PGlite's transaction callback to make it roll back. */
class RollbackRequested extends Error {}

const transactions = new Map<TransactionId, OpenTransaction>();

function send(response: PgliteResponse, transfer: ArrayBuffer[] = []): void {
  port.postMessage(response, transfer);
}

function target(pglite: PGlite, tx: TransactionId | undefined): PGlite | Transaction {
  if (tx === undefined) return pglite;
  const open = transactions.get(tx);
  // PGlite says the same when a transaction object is used after COMMIT/ROLLBACK.
  if (!open) throw new Error("Transaction is closed");
  return open.tx;
}

async function query(
  pglite: PGlite,
  request: Extract<PgliteRequest, { op: "query" }>,
): Promise<ArrayRows> {
  const options = { rowMode: "array" } as const;
  try {
    const result = await target(pglite, request.tx).query<unknown[]>(
      request.text,
      request.params,
      options,
    );
    return { columns: result.fields.map((field) => field.name), rows: result.rows };
  } catch (error) {
    // PGlite attaches the query options to its errors; the caller passed none.
    if (error instanceof Error && "queryOptions" in error && error.queryOptions === options) {
      error.queryOptions = undefined;
    }
    throw error;
  }
}

/** Opens a transaction; resolves once BEGIN has run (PGlite's transaction lock is held). */
function begin(pglite: PGlite, id: TransactionId): Promise<void> {
  return new Promise<void>((begun, failedToBegin) => {
    let started = false;
    const done = pglite
      .transaction(
        (tx) =>
          new Promise<void>((resolve, reject) => {
            started = true;
            transactions.set(id, {
              tx,
              finish: (commit) => (commit ? resolve() : reject(new RollbackRequested())),
              done,
            });
            begun();
          }),
      )
      .finally(() => transactions.delete(id));
    done.catch((error: unknown) => {
      if (!started) failedToBegin(error instanceof Error ? error : new Error(String(error)));
    });
  });
}

async function end(request: Extract<PgliteRequest, { op: "end" }>): Promise<void> {
  const open = transactions.get(request.tx);
  if (!open) throw new Error("Transaction is closed");
  open.finish(request.commit);
  try {
    await open.done;
  } catch (error) {
    if (!(error instanceof RollbackRequested)) throw error;
  }
}

async function handle(pglite: PGlite, request: PgliteRequest): Promise<void> {
  try {
    switch (request.op) {
      case "query":
        send({ id: request.id, ok: true, value: await query(pglite, request) });
        return;
      case "exec":
        await target(pglite, request.tx).exec(request.script);
        send({ id: request.id, ok: true });
        return;
      case "begin":
        await begin(pglite, request.tx);
        send({ id: request.id, ok: true });
        return;
      case "end":
        await end(request);
        send({ id: request.id, ok: true });
        return;
      case "dump": {
        const dump = await pglite.dumpDataDir("gzip");
        const buffer = await dump.arrayBuffer();
        send({ id: request.id, ok: true, value: buffer }, [buffer]);
        return;
      }
      case "close":
        if (!pglite.closed) await pglite.close();
        send({ id: request.id, ok: true });
        port.close();
        return;
    }
  } catch (error) {
    send({ id: request.id, ok: false, error: serializeError(error) });
  }
}

async function start(): Promise<void> {
  const options = workerData as PgliteWorkerOptions;
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: new Blob([options.loadDataDir]) } : {}),
      parsers: typeParsers,
    });
  } catch (error) {
    port.postMessage({ ready: false, error: serializeError(error) } satisfies PgliteReady);
    return;
  }
  port.on("message", (request: PgliteRequest) => void handle(pglite, request));
  port.postMessage({ ready: true } satisfies PgliteReady);
}

void start();
