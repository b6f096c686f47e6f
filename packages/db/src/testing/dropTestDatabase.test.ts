import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dropTestDatabase, type AdminConnection } from "./dropTestDatabase.ts";
import {
  cloneNameOf,
  newRunPrefix,
  parseTestDatabaseName,
  templateNameOf,
} from "./testDatabaseNames.ts";

function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

const cannotSignal = () =>
  pgError(
    "42501",
    "must be a member of the role whose process is being terminated or member of pg_signal_backend",
  );
const inUse = () => pgError("55006", 'database "x" is being accessed by other users');

/** A fake admin connection whose DROPs are refused while `heldFor` attempts remain. */
function fakeAdmin(heldFor: number, refusal: () => Error = cannotSignal) {
  const statements: string[] = [];
  let remaining = heldFor;
  const admin: AdminConnection = {
    query(text: string) {
      statements.push(text);
      if (remaining > 0) {
        remaining -= 1;
        return Promise.reject(refusal());
      }
      return Promise.resolve({ rows: [] });
    },
  };
  return { admin, statements };
}

/** A clock that advances only when the drop sleeps. */
function fakeClock() {
  let time = 0;
  return { now: () => time, sleep: (ms: number) => ((time += ms), Promise.resolve()) };
}

describe("dropTestDatabase", () => {
  it("drops at once when nobody else is on the database", async () => {
    const { admin, statements } = fakeAdmin(0);
    const outcome = await dropTestDatabase(admin, "atlas_test_x", fakeClock());
    expect(outcome).toEqual({ dropped: true, attempts: 1 });
    expect(statements).toEqual(['DROP DATABASE IF EXISTS "atlas_test_x"']);
  });

  it("waits for a backend it may not signal and drops once it is gone", async () => {
    // The CI failure: DROP … WITH (FORCE) met another role's backend (42501).
    const { admin, statements } = fakeAdmin(5, cannotSignal);
    const outcome = await dropTestDatabase(admin, "atlas_test_x", fakeClock());
    expect(outcome).toEqual({ dropped: true, attempts: 6 });
    expect(statements).toContain('DROP DATABASE IF EXISTS "atlas_test_x" WITH (FORCE)');
  });

  it("never throws: a database held past the deadline is left for the sweep", async () => {
    const { admin } = fakeAdmin(Number.POSITIVE_INFINITY, cannotSignal);
    const outcome = await dropTestDatabase(admin, "atlas_test_x", {
      ...fakeClock(),
      deadlineMs: 5_000,
    });
    expect(outcome.dropped).toBe(false);
    expect(outcome.reason).toMatch(/^42501/);
  });

  it("does not retry an error that waiting cannot mend", async () => {
    const { admin, statements } = fakeAdmin(1, () => pgError("42P01", "kaputt"));
    const outcome = await dropTestDatabase(admin, "atlas_test_x", fakeClock());
    expect(outcome).toMatchObject({ dropped: false, attempts: 1 });
    expect(statements).toHaveLength(1);
  });

  it("uses no FORCE where it must not end others' sessions", async () => {
    const { admin, statements } = fakeAdmin(Number.POSITIVE_INFINITY, inUse);
    await dropTestDatabase(admin, "atlas_test_x", { ...fakeClock(), force: false });
    expect(statements.every((statement) => !statement.includes("FORCE"))).toBe(true);
  });

  it("drops whenever the database is freed within the deadline, and never waits past it", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 30_000 }),
        async (heldFor, deadlineMs) => {
          const { admin } = fakeAdmin(heldFor);
          const clock = fakeClock();
          const outcome = await dropTestDatabase(admin, "atlas_test_x", { ...clock, deadlineMs });
          expect(clock.now()).toBeLessThanOrEqual(deadlineMs);
          if (!outcome.dropped) expect(outcome.attempts).toBeLessThanOrEqual(heldFor);
          if (heldFor === 0) expect(outcome.dropped).toBe(true);
        },
      ),
    );
  });
});

describe("test database names", () => {
  it("carry their run and its start, so a sweep can tell abandoned from live", () => {
    const started = Date.UTC(2026, 11, 7, 17, 30);
    const prefix = newRunPrefix(started);
    for (const name of [templateNameOf(prefix), cloneNameOf(prefix)]) {
      expect(name).toMatch(/^[a-z0-9_]+$/);
      expect(name.length).toBeLessThanOrEqual(63);
      expect(parseTestDatabaseName(name)).toEqual({ runPrefix: prefix, startedAt: started });
    }
    expect(newRunPrefix(started)).not.toBe(prefix);
  });

  it("reads names of older versions as having no run", () => {
    expect(parseTestDatabaseName("atlas_test_template")).toBeUndefined();
    expect(parseTestDatabaseName("atlas_test_0a1b2c3d4e5f")).toBeUndefined();
  });
});
