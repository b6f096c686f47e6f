import {
  claimJob,
  enqueueJob,
  findJob,
  PostgresDatabase,
  requestJobCancel,
  type Database,
} from "@it-atlas/db";
import { createTestDatabase, type TestDatabase } from "@it-atlas/db/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { JobRunner, type JobHandler } from "./JobRunner.ts";

// Runs on PGlite (one connection) and, with ATLAS_TEST_ENGINE=postgres, on a server where
// every "process" below gets its own connection pool to the same database.
let test: TestDatabase;
const processes: Database[] = [];

beforeAll(async () => {
  test = await createTestDatabase(inject("testTemplate"));
  processes.push(test.db);
  for (let index = 1; index < 4; index += 1)
    processes.push(test.url ? await PostgresDatabase.open(test.url, 4) : test.db);
});

afterAll(async () => {
  for (const db of processes.slice(1)) if (db !== test.db) await db.close();
  await test.dispose();
});

const sleep = (milliseconds: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

async function waitFor(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Zeitüberschreitung: ${what}`);
    await sleep(10);
  }
}

/** Jobs that wait until the test opens their latch, reporting progress while they wait. */
function latchHandler(kind: string) {
  const entered = new Set<string>();
  const released = new Set<string>();
  const handler: JobHandler = {
    kind,
    async run(payload, context) {
      const { name } = payload as { name: string };
      entered.add(name);
      while (!released.has(name)) {
        await context.progress(0.5, `${name} wartet`);
        await sleep(10);
      }
      return { name };
    },
  };
  return { handler, entered, release: (name: string) => released.add(name) };
}

async function enqueue(kind: string, payload: unknown): Promise<number> {
  return enqueueJob(test.db, { kind, payload, createdBy: null });
}

async function status(id: number) {
  return (await findJob(test.db, id))?.status;
}

describe("JobRunner with several jobs at once", () => {
  it("runs two jobs at the same time and keeps a third queued until a slot is free", async () => {
    const latch = latchHandler("test.latch.two");
    const runner = new JobRunner(test.db, [latch.handler], { concurrency: 2 });
    const first = await enqueue("test.latch.two", { name: "erster" });
    const second = await enqueue("test.latch.two", { name: "zweiter" });
    const third = await enqueue("test.latch.two", { name: "dritter" });

    expect(await runner.poll()).toBe(2);
    await waitFor(() => latch.entered.size === 2, "beide Aufträge laufen");
    expect([...latch.entered].sort()).toEqual(["erster", "zweiter"]);
    expect([await status(first), await status(second), await status(third)]).toEqual([
      "running",
      "running",
      "queued",
    ]);
    expect(await runner.poll()).toBe(0);

    latch.release("zweiter");
    await waitFor(async () => (await status(second)) === "succeeded", "zweiter fertig");
    await waitFor(() => runner.runningCount === 1, "Platz frei");
    expect(await runner.poll()).toBe(1);
    await waitFor(() => latch.entered.has("dritter"), "dritter läuft");
    expect(await status(first)).toBe("running");

    latch.release("erster");
    latch.release("dritter");
    await runner.whenIdle();
    expect(await findJob(test.db, first)).toMatchObject({
      status: "succeeded",
      result: { name: "erster" },
      progress: 1,
    });
    expect(await status(third)).toBe("succeeded");
  });

  it("cancels one running job without touching the other", async () => {
    const latch = latchHandler("test.latch.cancel");
    const runner = new JobRunner(test.db, [latch.handler], { concurrency: 2 });
    const cancelled = await enqueue("test.latch.cancel", { name: "abbrechen" });
    const kept = await enqueue("test.latch.cancel", { name: "behalten" });
    expect(await runner.poll()).toBe(2);
    await waitFor(() => latch.entered.size === 2, "beide Aufträge laufen");

    expect(await requestJobCancel(test.db, cancelled)).toBe("running");
    await waitFor(async () => (await status(cancelled)) === "cancelled", "Abbruch");
    expect(await findJob(test.db, kept)).toMatchObject({
      status: "running",
      progressText: "behalten wartet",
      cancelRequested: false,
    });

    latch.release("behalten");
    await runner.whenIdle();
    expect(await findJob(test.db, kept)).toMatchObject({
      status: "succeeded",
      result: { name: "behalten" },
    });
    expect(await status(cancelled)).toBe("cancelled");
  });

  it("never hands one job to two claimers, however many claim at once", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 2, max: 16 }),
        async (jobCount, claimers) => {
          const kind = `test.claim.${jobCount}.${claimers}.${Math.random()}`;
          const ids = new Set<number>();
          for (let index = 0; index < jobCount; index += 1) ids.add(await enqueue(kind, {}));
          const claims = await Promise.all(
            Array.from({ length: claimers }, (_, index) =>
              claimJob(processes[index % processes.length] ?? test.db, `w${index}`, [kind], 60),
            ),
          );
          const claimed = claims.flatMap((job) => (job ? [job.id] : []));
          expect(new Set(claimed).size).toBe(claimed.length);
          expect(claimed.length).toBe(Math.min(jobCount, claimers));
          for (const id of claimed) expect(ids.has(id)).toBe(true);
        },
      ),
      { numRuns: 8 },
    );
  });

  it("runs every job exactly once with four runners polling the same queue", async () => {
    const kind = "test.stress";
    const runs: number[] = [];
    const runners: JobRunner[] = [];
    const handler: JobHandler = {
      kind,
      async run(_payload, context) {
        runs.push(context.job.id);
        await sleep(Math.floor(Math.random() * 15));
        await context.progress(0.5, "halb");
        await sleep(Math.floor(Math.random() * 15));
        return { id: context.job.id };
      },
    };
    for (const db of processes)
      runners.push(new JobRunner(db, [handler], { concurrency: 3, pollMilliseconds: 5 }));
    const ids: number[] = [];
    for (let index = 0; index < 60; index += 1) ids.push(await enqueue(kind, { index }));
    for (const runner of runners) runner.start();
    try {
      await waitFor(async () => {
        for (const id of ids) if ((await status(id)) !== "succeeded") return false;
        return true;
      }, "alle Aufträge erledigt");
    } finally {
      await Promise.all(runners.map((runner) => runner.stop()));
    }
    expect(runs.sort((a, b) => a - b)).toEqual(ids);
    for (const id of ids) {
      expect(await findJob(test.db, id)).toMatchObject({ attempts: 1, result: { id } });
    }
  });
});

describe("JobRunner across restarts", () => {
  it("keeps a job that computes without reporting alive, so no other runner takes it", async () => {
    let runs = 0;
    const quiet: JobHandler = {
      kind: "test.quiet",
      async run() {
        runs += 1;
        await sleep(1600);
        return "fertig";
      },
    };
    const id = await enqueue("test.quiet", {});
    const owner = new JobRunner(test.db, [quiet], {
      staleSeconds: 0.5,
      heartbeatMilliseconds: 100,
      pollMilliseconds: 20,
    });
    owner.start();
    await waitFor(() => runs === 1, "Auftrag läuft");
    const other = new JobRunner(processes[1] ?? test.db, [quiet], { staleSeconds: 0.5 });
    for (let round = 0; round < 6; round += 1) {
      expect(await other.poll()).toBe(0);
      await sleep(200);
    }
    await owner.whenIdle();
    await owner.stop();
    expect(await findJob(test.db, id)).toMatchObject({
      status: "succeeded",
      attempts: 1,
      result: "fertig",
    });
    expect(runs).toBe(1);
  });

  it("hands a dead worker's job to exactly one of several runners", async () => {
    const kind = "test.orphan";
    const runs: string[] = [];
    const handler = (name: string): JobHandler => ({
      kind,
      async run() {
        runs.push(name);
        return name;
      },
    });
    const id = await enqueue(kind, {});
    expect((await claimJob(test.db, "gestorben", [kind], 60))?.id).toBe(id);
    await sleep(700);
    const runners = processes.map(
      (db, index) => new JobRunner(db, [handler(`r${index}`)], { staleSeconds: 0.5 }),
    );
    const started = await Promise.all(runners.map((runner) => runner.poll()));
    await Promise.all(runners.map((runner) => runner.whenIdle()));
    expect(started.reduce((a, b) => a + b, 0)).toBe(1);
    expect(runs).toHaveLength(1);
    expect(await findJob(test.db, id)).toMatchObject({
      status: "succeeded",
      attempts: 2,
      result: runs[0],
    });
  });

  it("gives up on a job whose workers kept dying, but never on one its runner still runs", async () => {
    const kind = "test.exhausted";
    let open = false;
    let entered = false;
    const quiet: JobHandler = {
      kind,
      async run() {
        entered = true;
        while (!open) await sleep(10);
        return "fertig";
      },
    };
    const lost = await enqueueJob(test.db, { kind, payload: {}, createdBy: null, maxAttempts: 1 });
    expect((await claimJob(test.db, "gestorben", [kind], 60))?.id).toBe(lost);
    const alive = await enqueueJob(test.db, {
      kind,
      payload: {},
      createdBy: null,
      maxAttempts: 1,
    });
    // Its own heartbeat is late (as behind a long PGlite transaction), but the runner is alive.
    const runner = new JobRunner(test.db, [quiet], {
      staleSeconds: 0.3,
      heartbeatMilliseconds: 60_000,
    });
    expect(await runner.poll()).toBe(1);
    await waitFor(() => entered, "Auftrag läuft");
    await sleep(600);
    expect(await runner.poll()).toBe(0);
    expect(await findJob(test.db, lost)).toMatchObject({
      status: "failed",
      errorCode: "worker_lost",
      attempts: 1,
    });
    expect(await status(alive)).toBe("running");
    open = true;
    await runner.whenIdle();
    expect(await findJob(test.db, alive)).toMatchObject({ status: "succeeded", result: "fertig" });
  });

  it("puts a running job back into the queue when the server stops, and runs it after the restart", async () => {
    const latch = latchHandler("test.latch.restart");
    const id = await enqueue("test.latch.restart", { name: "neustart" });
    const before = new JobRunner(test.db, [latch.handler], {
      graceMilliseconds: 100,
      pollMilliseconds: 20,
    });
    before.start();
    await waitFor(() => latch.entered.has("neustart"), "Auftrag läuft");
    await before.stop();
    expect(await findJob(test.db, id)).toMatchObject({
      status: "queued",
      attempts: 0,
      progressText: "Wartet (Server wurde neu gestartet)",
    });

    latch.release("neustart");
    const after = new JobRunner(processes[2] ?? test.db, [latch.handler]);
    expect(await after.tick()).toBe(true);
    expect(await findJob(test.db, id)).toMatchObject({
      status: "succeeded",
      attempts: 1,
      result: { name: "neustart" },
    });
  });

  it("lets a stopping server finish a job that ends within the grace period", async () => {
    const latch = latchHandler("test.latch.grace");
    const id = await enqueue("test.latch.grace", { name: "gnadenfrist" });
    const runner = new JobRunner(test.db, [latch.handler], {
      graceMilliseconds: 5000,
      pollMilliseconds: 20,
    });
    runner.start();
    await waitFor(() => latch.entered.has("gnadenfrist"), "Auftrag läuft");
    const stopping = runner.stop();
    await sleep(100);
    latch.release("gnadenfrist");
    await stopping;
    expect(await findJob(test.db, id)).toMatchObject({ status: "succeeded", attempts: 1 });
  });
});
