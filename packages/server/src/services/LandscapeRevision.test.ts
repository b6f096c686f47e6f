import { bumpLandscapeRevision, getLandscapeRevision, sql, type Queryable } from "@it-atlas/db";
import { useTestDatabase } from "@it-atlas/db/testing";
import { describe, expect, it } from "vitest";
import { LandscapeRevision } from "./LandscapeRevision.ts";

const database = useTestDatabase();

/** The test database, counting the queries that reach it. */
function counted(): { db: Queryable; queries: () => number } {
  let queries = 0;
  return {
    db: {
      query(fragment) {
        queries += 1;
        return database.db.query(fragment);
      },
      exec: (script) => database.db.exec(script),
    },
    queries: () => queries,
  };
}

/** A write by another server process: it changes the row without this process knowing. */
async function writeElsewhere(): Promise<number> {
  const [row] = await database.db.query<{ revision: number }>(
    sql`UPDATE landscape_revision SET revision = revision + 1 RETURNING revision::int AS revision`,
  );
  return row?.revision ?? 0;
}

describe("LandscapeRevision", () => {
  it("asks the database once for many reads while nothing is written", async () => {
    const { db, queries } = counted();
    const revision = new LandscapeRevision(db, { recheckMilliseconds: 60_000 });
    const answers = await Promise.all(Array.from({ length: 10 }, () => revision.current()));
    for (let index = 0; index < 10; index += 1) answers.push(await revision.current());
    expect(new Set(answers)).toEqual(new Set([await getLandscapeRevision(database.db)]));
    expect(queries()).toBe(1);
  });

  it("sees a landscape write of this process in the very next read", async () => {
    const { db, queries } = counted();
    const revision = new LandscapeRevision(db, { recheckMilliseconds: 60_000 });
    const before = await revision.current();
    const written = await database.db.transaction((tx) => bumpLandscapeRevision(tx));
    expect(written).toBe(before + 1);
    expect(await revision.current()).toBe(written);
    expect(await revision.current()).toBe(written);
    expect(queries()).toBe(2);
  });

  it("keeps the revision after a write that was rolled back", async () => {
    const { db, queries } = counted();
    const revision = new LandscapeRevision(db, { recheckMilliseconds: 60_000 });
    const before = await revision.current();
    await expect(
      database.db.transaction(async (tx) => {
        await bumpLandscapeRevision(tx);
        throw new Error("Abbruch");
      }),
    ).rejects.toThrow("Abbruch");
    expect(await revision.current()).toBe(before);
    expect(await getLandscapeRevision(database.db)).toBe(before);
    expect(queries()).toBe(1);
  });

  it("notices another process's write once the re-check interval has passed", async () => {
    let clock = 0;
    const revision = new LandscapeRevision(database.db, {
      recheckMilliseconds: 1000,
      now: () => clock,
    });
    const before = await revision.current();
    const elsewhere = await writeElsewhere();
    clock = 999;
    expect(await revision.current()).toBe(before);
    clock = 1000;
    expect(await revision.current()).toBe(elsewhere);
  });
});
