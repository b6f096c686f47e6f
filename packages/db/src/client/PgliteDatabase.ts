import type { Worker } from "node:worker_threads";
import type { Database, Transaction } from "./Database.ts";
import {
  deserializeError,
  type ArrayRows,
  type PgliteReady,
  type PgliteRequest,
  type PgliteResponse,
  type PgliteWorkerOptions,
  type TransactionId,
} from "./pgliteWorkerProtocol.ts";
import type { SqlFragment } from "./sql.ts";
import { startTypeScriptWorker } from "./startTypeScriptWorker.ts";

const WORKER_ENTRY = new URL("./pgliteWorker.ts", import.meta.url);

type Request = PgliteRequest extends infer R ? (R extends unknown ? Omit<R, "id"> : never) : never;

/** Where PGlite keeps its data: a folder, memory (neither given), or a dump to start from. */
export interface OpenOptions {
  dataDir?: string;
  loadDataDir?: Blob;
}

interface Pending {
  resolve(value: PgliteResponse & { ok: true }): void;
  reject(error: Error): void;
}

/** Turns rows sent as arrays back into objects, exactly as PGlite builds them in-thread. */
function toObjects<Row>({ columns, rows }: ArrayRows): Row[] {
  if (columns.includes("__proto__")) {
    return rows.map(
      (row) => Object.fromEntries(columns.map((column, index) => [column, row[index]])) as Row,
    );
  }
  return rows.map((row) => {
    const object: Record<string, unknown> = {};
    for (let index = 0; index < columns.length; index += 1) {
      object[columns[index] as string] = row[index];
    }
    return object as Row;
  });
}

/**
 * The message channel to the worker thread: every request gets an id and a promise; the
 * worker answers each id once. When the worker dies, every open promise is rejected with the
 * reason and later requests fail at once, so nothing waits forever.
 */
class WorkerChannel {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private failure: Error | undefined;

  constructor(private readonly worker: Worker) {
    worker.on("message", (response: PgliteResponse) => this.settle(response));
    worker.on("error", (error: Error) => this.fail(error));
    worker.on("exit", (code) =>
      this.fail(new Error(`Der PGlite-Worker wurde beendet (Exit-Code ${code}).`)),
    );
    // Idle, the worker does not keep the process alive (like PGlite on the main thread).
    worker.unref();
  }

  request(message: Request, transfer: ArrayBuffer[] = []): Promise<PgliteResponse & { ok: true }> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      try {
        this.worker.postMessage({ ...message, id }, transfer);
      } catch (error) {
        // A parameter that cannot be copied to the worker (a function, a class instance's
        // methods) fails here, for this request only.
        this.forget(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Marks the channel as finished on purpose (after close); later requests get `error`. */
  shutDown(error: Error): void {
    this.failure ??= error;
  }

  private forget(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
    return pending;
  }

  private settle(response: PgliteResponse): void {
    const pending = this.forget(response.id);
    if (!pending) return;
    if (response.ok) pending.resolve(response);
    else pending.reject(deserializeError(response.error));
  }

  private fail(cause: Error): void {
    if (!this.failure) {
      this.failure = new Error(
        `Die eingebettete Datenbank ist nicht mehr erreichbar: ${cause.message}`,
        { cause },
      );
    }
    const open = [...this.pending.values()];
    this.pending.clear();
    for (const pending of open) pending.reject(this.failure);
  }
}

/**
 * Embedded PostgreSQL (PGlite), persisted in a data folder or in memory. PGlite runs in a
 * worker thread (see ADR 0017), so queries never block the event loop; this class forwards
 * the `Database` interface over a message channel with the same results, errors and
 * transaction semantics as PGlite on the main thread.
 */
export class PgliteDatabase implements Database {
  readonly engine = "pglite" as const;
  private nextTransaction: TransactionId = 1;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly worker: Worker,
    private readonly channel: WorkerChannel,
  ) {}

  /** Opens (or creates) the database in `dataDir`; `undefined` means in memory. */
  static open(options: OpenOptions): Promise<PgliteDatabase> {
    return PgliteDatabase.openWith(WORKER_ENTRY, options);
  }

  /**
   * Starts `entry` as the worker, transfers the dump to it and waits until PGlite is open.
   * `open` uses pgliteWorker.ts; the tests also start a worker that dies on purpose.
   */
  static async openWith(entry: URL, options: OpenOptions): Promise<PgliteDatabase> {
    const loadDataDir = options.loadDataDir ? await options.loadDataDir.arrayBuffer() : undefined;
    const workerData: PgliteWorkerOptions = { dataDir: options.dataDir, loadDataDir };
    const worker = startTypeScriptWorker(entry, {
      workerData,
      transferList: loadDataDir ? [loadDataDir] : [],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const onExit = (code: number) =>
          reject(new Error(`Der PGlite-Worker endete beim Start (Exit-Code ${code}).`));
        worker.once("error", reject);
        worker.once("exit", onExit);
        worker.once("message", (message: PgliteReady) => {
          worker.off("error", reject);
          worker.off("exit", onExit);
          if (message.ready) resolve();
          else reject(deserializeError(message.error));
        });
      });
    } catch (error) {
      await worker.terminate();
      throw error;
    }
    return new PgliteDatabase(worker, new WorkerChannel(worker));
  }

  query<Row>(fragment: SqlFragment): Promise<Row[]> {
    return this.runQuery<Row>(fragment, undefined);
  }

  exec(script: string): Promise<void> {
    return this.runExec(script, undefined);
  }

  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const tx = this.nextTransaction++;
    await this.channel.request({ op: "begin", tx });
    const committed: (() => void)[] = [];
    let closed = false;
    const closedError = () => Promise.reject(new Error("Transaction is closed"));
    const handle: Transaction = {
      query: <Row>(fragment: SqlFragment) =>
        closed ? closedError() : this.runQuery<Row>(fragment, tx),
      exec: (script: string) => (closed ? closedError() : this.runExec(script, tx)),
      afterCommit: (callback) => committed.push(callback),
    };
    let result: T;
    try {
      result = await work(handle);
    } catch (error) {
      closed = true;
      await this.channel.request({ op: "end", tx, commit: false });
      throw error;
    }
    closed = true;
    await this.channel.request({ op: "end", tx, commit: true });
    for (const callback of committed) callback();
    return result;
  }

  /** Dumps the whole data folder (used to clone test databases quickly). */
  async dump(): Promise<Blob> {
    const response = await this.channel.request({ op: "dump" });
    return new Blob([response.value as ArrayBuffer]);
  }

  /**
   * Closes PGlite after what was already asked of it (PGlite finishes queued statements and
   * an open transaction first), then ends the worker. Later calls fail with "PGlite is closed".
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      // After a crash there is nothing left to close.
      if (this.channel.failed) return this.worker.terminate().then(() => undefined);
      try {
        await this.channel.request({ op: "close" });
      } finally {
        this.channel.shutDown(new Error("PGlite is closed"));
        await this.worker.terminate();
      }
    })();
    return this.closing;
  }

  private async runQuery<Row>(
    fragment: SqlFragment,
    tx: TransactionId | undefined,
  ): Promise<Row[]> {
    const { text, values } = fragment.toQuery();
    const response = await this.channel.request({
      op: "query",
      text,
      params: values,
      ...(tx === undefined ? {} : { tx }),
    });
    return toObjects<Row>(response.value as ArrayRows);
  }

  private async runExec(script: string, tx: TransactionId | undefined): Promise<void> {
    await this.channel.request({ op: "exec", script, ...(tx === undefined ? {} : { tx }) });
  }
}
