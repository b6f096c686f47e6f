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

/** The one entry to PostgreSQL, embedded (PGlite) or a server (node-postgres). */
export interface Database extends Queryable {
  readonly engine: Engine;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
