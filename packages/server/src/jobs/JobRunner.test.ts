import { claimJob, enqueueJob, findJob, requestJobCancel } from "@it-atlas/db";
import { useTestDatabase } from "@it-atlas/db/testing";
import { InputError } from "@it-atlas/domain";
import { describe, expect, it } from "vitest";
import { JobRunner, type JobHandler } from "./JobRunner.ts";

const database = useTestDatabase();

const sum: JobHandler = {
  kind: "test.sum",
  async run(payload, context) {
    const { values } = payload as { values: number[] };
    let total = 0;
    for (const [index, value] of values.entries()) {
      total += value;
      await context.progress((index + 1) / values.length, `${index + 1} von ${values.length}`);
    }
    return { total };
  },
};

const refuses: JobHandler = {
  kind: "test.refuse",
  async run() {
    throw new InputError("bad_payload", "Die Datei ist leer.");
  },
};

describe("JobRunner", () => {
  it("runs a job, records progress and stores the result", async () => {
    const runner = new JobRunner(database.db, [sum]);
    const id = await enqueueJob(database.db, {
      kind: "test.sum",
      payload: { values: [1, 2, 3] },
      createdBy: null,
    });
    expect(await runner.tick()).toBe(true);
    expect(await findJob(database.db, id)).toMatchObject({
      status: "succeeded",
      progress: 1,
      progressText: "3 von 3",
      result: { total: 6 },
    });
  });

  it("records an expected failure with its code and German detail", async () => {
    const runner = new JobRunner(database.db, [refuses]);
    const id = await enqueueJob(database.db, { kind: "test.refuse", payload: {}, createdBy: null });
    await runner.tick();
    expect(await findJob(database.db, id)).toMatchObject({
      status: "failed",
      errorCode: "bad_payload",
      errorDetail: "Die Datei ist leer.",
    });
  });

  it("cancels a queued job at once and a running job at its next progress report", async () => {
    const queued = await enqueueJob(database.db, {
      kind: "test.sum",
      payload: { values: [1] },
      createdBy: null,
    });
    expect(await requestJobCancel(database.db, queued)).toBe("cancelled");
    const slow: JobHandler = {
      kind: "test.slow",
      async run(_payload, context) {
        await requestJobCancel(database.db, context.job.id);
        await context.progress(0.5, "halb");
        return "nie erreicht";
      },
    };
    const running = await enqueueJob(database.db, {
      kind: "test.slow",
      payload: {},
      createdBy: null,
    });
    await new JobRunner(database.db, [slow]).tick();
    expect((await findJob(database.db, running))?.status).toBe("cancelled");
  });

  it("takes over a job whose worker died (e.g. a server restart) and finishes it", async () => {
    const id = await enqueueJob(database.db, {
      kind: "test.sum",
      payload: { values: [5, 5] },
      createdBy: null,
    });
    // A first worker claims the job and then disappears without heart-beating.
    expect((await claimJob(database.db, "gestorben", ["test.sum"], 60))?.id).toBe(id);
    const impatient = new JobRunner(database.db, [sum], { staleSeconds: 60 });
    expect(await impatient.tick()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const successor = new JobRunner(database.db, [sum], { staleSeconds: 1 });
    expect(await successor.tick()).toBe(true);
    expect(await findJob(database.db, id)).toMatchObject({
      status: "succeeded",
      attempts: 2,
      result: { total: 10 },
    });
  });
});
