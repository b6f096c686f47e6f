import { PGlite, type Transaction } from "@electric-sql/pglite";
import type { Database, Queryable, Transaction as AtlasTransaction } from "./Database.ts";
import type { SqlFragment } from "./sql.ts";
import { typeParsers } from "./typeParsers.ts";

function queryable(target: PGlite | Transaction): Queryable {
  return {
    async query<Row>(fragment: SqlFragment): Promise<Row[]> {
      const { text, values } = fragment.toQuery();
      const result = await target.query<Row>(text, [...values]);
      return result.rows;
    },
    async exec(script: string): Promise<void> {
      await target.exec(script);
    },
  };
}

/** Embedded PostgreSQL (PGlite), persisted in a data folder or in memory. */
export class PgliteDatabase implements Database {
  readonly engine = "pglite" as const;
  private readonly base: Queryable;

  private constructor(private readonly pglite: PGlite) {
    this.base = queryable(pglite);
  }

  /** Opens (or creates) the database in `dataDir`; `undefined` means in memory. */
  static async open(options: { dataDir?: string; loadDataDir?: Blob }): Promise<PgliteDatabase> {
    const pglite = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      parsers: typeParsers,
    });
    return new PgliteDatabase(pglite);
  }

  query<Row>(fragment: SqlFragment): Promise<Row[]> {
    return this.base.query<Row>(fragment);
  }

  exec(script: string): Promise<void> {
    return this.base.exec(script);
  }

  async transaction<T>(work: (tx: AtlasTransaction) => Promise<T>): Promise<T> {
    const committed: (() => void)[] = [];
    const result = await this.pglite.transaction((tx) =>
      work({ ...queryable(tx), afterCommit: (callback) => committed.push(callback) }),
    );
    for (const callback of committed) callback();
    return result;
  }

  /** Dumps the whole data folder (used to clone test databases quickly). */
  async dump(): Promise<Blob> {
    return this.pglite.dumpDataDir("gzip");
  }

  async close(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}
