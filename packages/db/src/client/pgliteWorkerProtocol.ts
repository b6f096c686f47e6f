import { messages, TransactionAbortedError } from "@electric-sql/pglite";

/**
 * Messages between the main thread and the PGlite worker (see PgliteDatabase.ts and
 * pgliteWorker.ts). Every request carries an id; the worker answers each id exactly once.
 */

/** What the worker needs to open the database (passed as `workerData`). */
export interface PgliteWorkerOptions {
  dataDir?: string | undefined;
  /** A dumped data folder (tar.gz) to start from, transferred, not copied. */
  loadDataDir?: ArrayBuffer | undefined;
}

/** Identifies an open transaction in requests that run inside it. */
export type TransactionId = number;

export type PgliteRequest =
  | { id: number; op: "query"; text: string; params: unknown[]; tx?: TransactionId }
  | { id: number; op: "exec"; script: string; tx?: TransactionId }
  /** Waits for PGlite's transaction lock, runs BEGIN, answers once the transaction is open. */
  | { id: number; op: "begin"; tx: TransactionId }
  /** Commits (or rolls back) the transaction opened by `begin`; answers after COMMIT/ROLLBACK. */
  | { id: number; op: "end"; tx: TransactionId; commit: boolean }
  | { id: number; op: "dump" }
  | { id: number; op: "close" };

/** Rows of a query as arrays, with the column names once (smaller to copy than objects). */
export interface ArrayRows {
  columns: string[];
  rows: unknown[][];
}

export type PgliteResponse =
  | { id: number; ok: true; value?: ArrayRows | ArrayBuffer | undefined }
  | { id: number; ok: false; error: SerializedError };

/** The worker's first message: the database is open, or it could not be opened. */
export type PgliteReady = { ready: true } | { ready: false; error: SerializedError };

/**
 * An error as it crosses the thread boundary. Structured clone keeps only `message` and
 * `stack` of an Error; PostgreSQL's fields (`code`, `detail`, `constraint`, …) are copied here.
 */
export interface SerializedError {
  /** `DatabaseError` for errors PostgreSQL reported, a key of ERROR_CLASSES, or `Error`. */
  kind: string;
  name: string;
  message: string;
  stack?: string | undefined;
  fields: Record<string, unknown>;
}

/**
 * Error classes known on both sides, by a stable name (PGlite's bundle minifies class names,
 * so `constructor.name` of its DatabaseError is a single letter).
 */
const ERROR_CLASSES: Record<string, new (message: string) => Error> = {
  // Subclasses before their base class: the first match names the kind.
  TransactionAbortedError,
  DatabaseError: messages.DatabaseError as unknown as new (message: string) => Error,
  TypeError,
  RangeError,
};

function kindOf(error: Error): string {
  for (const [kind, Class] of Object.entries(ERROR_CLASSES)) {
    if (error instanceof Class) return kind;
  }
  return "Error";
}

function cloneable(value: unknown): boolean {
  if (typeof value === "function" || typeof value === "symbol") return false;
  if (typeof value !== "object" || value === null) return true;
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

/** Captures an error thrown in the worker, with all of its own data fields. */
export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) {
    return { kind: "Error", name: "Error", message: String(error), fields: {} };
  }
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(error)) {
    const value = (error as unknown as Record<string, unknown>)[key];
    if (key !== "name" && key !== "message" && key !== "stack" && cloneable(value)) {
      fields[key] = value;
    }
  }
  return {
    kind: kindOf(error),
    name: error.name,
    message: error.message,
    stack: error.stack,
    fields,
  };
}

/**
 * Rebuilds the error on the main thread: same class where one is known (`DatabaseError`
 * needs its constructor), same name, message and fields, so error mapping reading
 * `error.code` or `error.constraint` sees what the in-thread PGlite threw.
 */
export function deserializeError(serialized: SerializedError): Error {
  const Class = ERROR_CLASSES[serialized.kind] ?? Error;
  const error = new Class(serialized.message);
  Object.assign(error, serialized.fields);
  if (error.name !== serialized.name) error.name = serialized.name;
  if (serialized.stack) error.stack = serialized.stack;
  return error;
}
