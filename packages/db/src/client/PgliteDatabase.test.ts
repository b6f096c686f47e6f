import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PgliteDatabase, type OpenOptions } from "./PgliteDatabase.ts";
import { sql, SqlFragment } from "./sql.ts";
import { typeParsers } from "./typeParsers.ts";

/**
 * The worker-thread PGlite must answer exactly as PGlite on the main thread does (the
 * reference below is PGlite itself, in this thread, with the same type parsers).
 */

let db: PgliteDatabase;
let reference: PGlite;

async function referenceError(text: string, params: unknown[] = []): Promise<unknown> {
  return reference.query(text, params).then(
    () => undefined,
    (error: unknown) => error,
  );
}

function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("erwartet: Fehler");
    },
    (error: unknown) => error,
  );
}

/** Own enumerable fields, name and message: what error mapping and logging can read. */
function visible(error: unknown): Record<string, unknown> {
  const value = error as Error;
  return { ...value, name: value.name, message: value.message };
}

beforeAll(async () => {
  const template = inject("testTemplate");
  // The run's seeded dump when the run uses PGlite (fast); otherwise an empty database.
  const source: OpenOptions =
    template.engine === "pglite"
      ? { loadDataDir: new Blob([await readFile(template.dumpPath)]) }
      : {};
  db = await PgliteDatabase.open(source);
  reference = await PGlite.create({
    ...(source.loadDataDir ? { loadDataDir: source.loadDataDir } : {}),
    parsers: typeParsers,
  });
  const schema = `
    CREATE TABLE worker_probe (id int PRIMARY KEY, label text NOT NULL CHECK (label <> ''));
    CREATE TABLE worker_counter (n int NOT NULL);
    INSERT INTO worker_counter VALUES (0);
    CREATE TABLE worker_deferred (id int UNIQUE DEFERRABLE INITIALLY DEFERRED);`;
  await db.exec(schema);
  await reference.exec(schema);
});

afterAll(async () => {
  await db?.close();
  await reference?.close();
});

describe("PgliteDatabase in a worker thread", () => {
  it("returns the same JavaScript values as PGlite on the main thread", async () => {
    const fragment = sql`SELECT
        12345678901234::int8 AS big, 1.25::numeric AS amount, '2024-02-29'::date AS day,
        '2024-02-29T10:00:00Z'::timestamptz AS moment, '{"a":[1,{"b":null}],"c":"ü"}'::jsonb AS doc,
        ARRAY[1, 2]::int8[] AS bigs, ARRAY['2024-01-01']::date[] AS days, '\\x0102'::bytea AS bytes,
        NULL::text AS nothing, true AS yes, 3::int4 AS small, 0.5::float8 AS ratio,
        ${new Date("2020-01-01T00:00:00Z")}::timestamptz AS param_moment,
        ${{ key: [1, "zwei"] }}::jsonb AS param_doc, ${[3, 4]}::int8[] AS param_bigs,
        ${new Uint8Array([7, 8])}::bytea AS param_bytes, 1 AS twice, 2 AS twice`;
    const { text, values } = fragment.toQuery();
    const expected = (await reference.query(text, values)).rows;
    const rows = await db.query<Record<string, unknown>>(fragment);
    expect(rows).toEqual(expected);
    expect(Object.keys(rows[0] ?? {})).toEqual(Object.keys(expected[0] ?? {}));
    expect(rows[0]?.moment).toBeInstanceOf(Date);
    expect(rows[0]?.bytes).toBeInstanceOf(Uint8Array);
    expect(rows[0]?.big).toBe(12345678901234);
    expect(rows[0]?.day).toBe("2024-02-29");
  });

  it("returns a large result complete and in order", async () => {
    const rows = await db.query<{ n: number; label: string }>(
      sql`SELECT n, repeat('x', n % 50) AS label FROM generate_series(1, 20000) AS n ORDER BY n`,
    );
    expect(rows).toHaveLength(20000);
    expect(rows[0]).toEqual({ n: 1, label: "x" });
    expect(rows[19999]).toEqual({ n: 20000, label: "" });
  });

  it("keeps PostgreSQL's error class, SQLSTATE code and fields", async () => {
    await db.query(sql`INSERT INTO worker_probe VALUES (1, 'eins')`);
    await reference.query(`INSERT INTO worker_probe VALUES (1, 'eins')`);
    const cases: [string, unknown[]][] = [
      ["INSERT INTO worker_probe VALUES ($1, $2)", [1, "doppelt"]],
      ["INSERT INTO worker_probe VALUES ($1, $2)", [2, ""]],
      ["INSERT INTO worker_probe VALUES ($1, $2)", [3, null]],
      ["SELECT nonsense FROM", []],
      ["SELECT $1::int", ["keine Zahl"]],
    ];
    const codes: string[] = [];
    for (const [text, params] of cases) {
      const expected = await referenceError(text, params);
      const actual = await failure(db.query(new SqlFragment(text.split(/\$\d+/), params)));
      expect(actual).toBeInstanceOf((expected as object).constructor);
      expect(visible(actual)).toEqual(visible(expected));
      codes.push((actual as { code: string }).code);
    }
    expect(codes).toEqual(["23505", "23514", "23502", "42601", "22P02"]);
    const unique = (await failure(
      db.query(sql`INSERT INTO worker_probe VALUES (${1}, ${"doppelt"})`),
    )) as Record<string, unknown>;
    expect(unique).toMatchObject({
      code: "23505",
      constraint: "worker_probe_pkey",
      table: "worker_probe",
      detail: "Key (id)=(1) already exists.",
    });
    const fromExec = await failure(db.exec("SELECT 1; SELECT * FROM no_such_table"));
    expect(fromExec).toMatchObject({ code: "42P01", name: "error" });
  });

  it("rolls a failed transaction back and rethrows the very error the work threw", async () => {
    const thrown = new Error("Abbruch in der Arbeit");
    const caught = await failure(
      db.transaction(async (tx) => {
        await tx.query(sql`INSERT INTO worker_probe VALUES (10, 'zehn')`);
        throw thrown;
      }),
    );
    expect(caught).toBe(thrown);
    const sqlFailure = await failure(
      db.transaction(async (tx) => {
        await tx.query(sql`INSERT INTO worker_probe VALUES (11, 'elf')`);
        await tx.query(sql`INSERT INTO worker_probe VALUES (1, 'doppelt')`);
      }),
    );
    expect(sqlFailure).toMatchObject({ code: "23505" });
    const rows = await db.query(sql`SELECT id FROM worker_probe WHERE id IN (10, 11)`);
    expect(rows).toEqual([]);
  });

  it("runs afterCommit callbacks only after a successful COMMIT", async () => {
    const calls: string[] = [];
    const result = await db.transaction(async (tx) => {
      tx.afterCommit(() => calls.push("committed"));
      await tx.query(sql`INSERT INTO worker_probe VALUES (20, 'zwanzig')`);
      calls.push("work done");
      return 42;
    });
    expect(result).toBe(42);
    expect(calls).toEqual(["work done", "committed"]);

    const rolledBack: string[] = [];
    await failure(
      db.transaction(async (tx) => {
        tx.afterCommit(() => rolledBack.push("rollback"));
        throw new Error("nein");
      }),
    );
    // COMMIT itself fails (a deferred unique check): the callback must not run.
    const commitFailure = await failure(
      db.transaction(async (tx) => {
        tx.afterCommit(() => rolledBack.push("failed commit"));
        await tx.query(sql`INSERT INTO worker_deferred VALUES (1), (1)`);
      }),
    );
    expect(commitFailure).toMatchObject({ code: "23505" });
    // The work swallowed an SQL error: PGlite turns the COMMIT into a ROLLBACK and says so.
    const aborted = await failure(
      db.transaction(async (tx) => {
        tx.afterCommit(() => rolledBack.push("aborted"));
        await tx.query(sql`SELECT 1/0`).catch(() => undefined);
      }),
    );
    const expectedAborted = await reference
      .transaction(async (tx) => {
        await tx.query("SELECT 1/0").catch(() => undefined);
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(aborted).toBeInstanceOf((expectedAborted as object).constructor);
    expect(visible(aborted)).toEqual(visible(expectedAborted));
    expect(rolledBack).toEqual([]);
  });

  it("refuses a transaction handle used after the transaction ended", async () => {
    let leaked: Parameters<Parameters<PgliteDatabase["transaction"]>[0]>[0] | undefined;
    await db.transaction(async (tx) => {
      leaked = tx;
      await tx.query(sql`SELECT 1`);
    });
    await expect(leaked?.query(sql`SELECT 1`)).rejects.toThrow("Transaction is closed");
  });

  it("serialises statements from many callers around open transactions", async () => {
    // Each transaction adds 1 twice; a statement outside a transaction must never see the
    // odd state in between, and a failed transaction leaves no trace.
    const operation = fc.oneof(
      fc.record({ kind: fc.constant("tx" as const), fail: fc.boolean(), pause: fc.nat(3) }),
      fc.record({ kind: fc.constant("read" as const) }),
      fc.record({ kind: fc.constant("write" as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), async (operations) => {
        await db.query(sql`UPDATE worker_counter SET n = 0`);
        const outside: number[] = [];
        const inside: number[] = [];
        const outcomes = await Promise.allSettled(
          operations.map(async (operation) => {
            if (operation.kind === "read") {
              const [row] = await db.query<{ n: number }>(sql`SELECT n FROM worker_counter`);
              outside.push(row?.n ?? -1);
              return;
            }
            if (operation.kind === "write") {
              // Adds 2 outside a transaction: keeps the count even.
              await db.query(sql`UPDATE worker_counter SET n = n + 2`);
              return;
            }
            await db.transaction(async (tx) => {
              await tx.query(sql`UPDATE worker_counter SET n = n + 1`);
              const [row] = await tx.query<{ n: number }>(sql`SELECT n FROM worker_counter`);
              inside.push(row?.n ?? -1);
              await new Promise((resolve) => setTimeout(resolve, operation.pause));
              if (operation.fail) throw new Error("gewollt");
              await tx.query(sql`UPDATE worker_counter SET n = n + 1`);
            });
          }),
        );
        const [final] = await db.query<{ n: number }>(sql`SELECT n FROM worker_counter`);
        const committed = operations.filter((op) => op.kind === "tx" && !op.fail).length;
        const writes = operations.filter((op) => op.kind === "write").length;
        expect(final?.n).toBe(2 * committed + 2 * writes);
        for (const n of outside) expect(n % 2).toBe(0);
        for (const n of inside) expect(n % 2).toBe(1);
        outcomes.forEach((outcome, index) => {
          const op = operations[index];
          expect(outcome.status).toBe(op?.kind === "tx" && op.fail ? "rejected" : "fulfilled");
        });
      }),
      { numRuns: 25 },
    );
  });

  it("dumps a copy that opens with the same data; close() finishes what was asked first", async () => {
    // One database opened for both checks: opening a seeded copy is the slow part.
    const copy = await PgliteDatabase.open({ loadDataDir: await db.dump() });
    expect(await copy.query(sql`SELECT id, label FROM worker_probe ORDER BY id`)).toEqual(
      await db.query(sql`SELECT id, label FROM worker_probe ORDER BY id`),
    );
    const pending = Array.from({ length: 20 }, (_, index) =>
      copy.query<{ n: number }>(sql`SELECT ${index}::int AS n`),
    );
    const transaction = copy.transaction(async (tx) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return tx.query<{ n: number }>(sql`SELECT 99 AS n`);
    });
    const closed = copy.close();
    expect((await Promise.all(pending)).map((rows) => rows[0]?.n)).toEqual(
      Array.from({ length: 20 }, (_, index) => index),
    );
    expect(await transaction).toEqual([{ n: 99 }]);
    await closed;
    await expect(copy.query(sql`SELECT 1`)).rejects.toThrow("PGlite is closed");
    await copy.close();
  });
});

describe("PgliteDatabase when the worker dies", () => {
  it("rejects every pending call with a clear error and later calls at once", async () => {
    const dying = await PgliteDatabase.openWith(
      new URL("./pgliteWorker.dying.fixture.ts", import.meta.url),
      {},
    );
    const pending = [
      dying.query(sql`SELECT 1`),
      dying.exec("SELECT 2"),
      dying.transaction((tx) => tx.query(sql`SELECT 3`)),
    ];
    for (const call of pending) {
      await expect(call).rejects.toThrow(
        /Die eingebettete Datenbank ist nicht mehr erreichbar: .*Exit-Code 3/,
      );
    }
    await expect(dying.query(sql`SELECT 4`)).rejects.toThrow(/nicht mehr erreichbar/);
    await dying.close();
  });

  it("fails open() with the worker's reason when PGlite cannot start", async () => {
    await expect(
      PgliteDatabase.open({ loadDataDir: new Blob(["kein tar.gz"]) }),
    ).rejects.toBeInstanceOf(Error);
  });
});
