import pg from "pg";
import type { Database, Queryable, Transaction } from "./Database.ts";
import type { SqlFragment } from "./sql.ts";
import { typeParsers } from "./typeParsers.ts";

function getTypeParser(oid: number, format?: "text" | "binary"): (value: string) => unknown {
  const parser = typeParsers[oid];
  if (parser && format !== "binary") return parser;
  return pg.types.getTypeParser(oid, format ?? "text") as (value: string) => unknown;
}

const types = { getTypeParser };

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(fragment: SqlFragment): Promise<Row[]> {
      const { text, values } = fragment.toQuery();
      const result = await client.query({ text, values, types });
      return result.rows as Row[];
    },
    async exec(script: string): Promise<void> {
      await client.query(script);
    },
  };
}

/** A PostgreSQL server reached through node-postgres (`DATABASE_URL`). */
export class PostgresDatabase implements Database {
  readonly engine = "postgres" as const;
  private readonly base: Queryable;

  private constructor(private readonly pool: pg.Pool) {
    this.base = queryable(pool);
  }

  /** Connects and checks the connection once, so a wrong URL fails at start. */
  static async open(connectionString: string, maxConnections = 10): Promise<PostgresDatabase> {
    const pool = new pg.Pool({ connectionString, max: maxConnections });
    // An idle client losing its connection must not crash the process.
    pool.on("error", () => undefined);
    try {
      await pool.query("SELECT 1");
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresDatabase(pool);
  }

  query<Row>(fragment: SqlFragment): Promise<Row[]> {
    return this.base.query<Row>(fragment);
  }

  exec(script: string): Promise<void> {
    return this.base.exec(script);
  }

  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const committed: (() => void)[] = [];
    try {
      await client.query("BEGIN");
      const result = await work({
        ...queryable(client),
        afterCommit: (callback) => committed.push(callback),
      });
      await client.query("COMMIT");
      for (const callback of committed) callback();
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
