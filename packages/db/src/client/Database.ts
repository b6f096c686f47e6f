import type { SqlFragment } from "./sql.ts";

/** Which PostgreSQL engine a connection talks to. */
export type Engine = "pglite" | "postgres";

/** Something that runs SQL: a database or an open transaction. */
export interface Queryable {
  /** Runs a query and returns its rows, typed by the caller's row interface. */
  query<Row>(fragment: SqlFragment): Promise<Row[]>;
  /** Runs a statement script without parameters (migrations). */
  exec(script: string): Promise<void>;
}

/** An open transaction: runs SQL, and can defer work until it has committed. */
export interface Transaction extends Queryable {
  /** Runs `callback` after a successful COMMIT (never after a rollback). */
  afterCommit(callback: () => void): void;
}

/**
 * Runs `callback` once what `db` wrote is committed: after the COMMIT when `db` is a
 * transaction, at once otherwise (a statement outside a transaction commits by itself).
 */
export function afterCommit(db: Queryable, callback: () => void): void {
  if ("afterCommit" in db && typeof db.afterCommit === "function")
    (db as Transaction).afterCommit(callback);
  else callback();
}

/** The one entry to PostgreSQL, embedded (PGlite) or a server (node-postgres). */
export interface Database extends Queryable {
  readonly engine: Engine;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
