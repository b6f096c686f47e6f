import {
  createScenario,
  enqueueJob,
  findJob,
  findLatestScenarioPareto,
  findLatestScenarioResult,
  requestJobCancel,
  sql,
} from "@it-atlas/db";
import { useTestDatabase } from "@it-atlas/db/testing";
import {
  defaultScenarioDefinition,
  specialisationPreset,
  type ScenarioDefinition,
} from "@it-atlas/domain";
import { HighsSolver } from "@it-atlas/solver";
import { describe, expect, it } from "vitest";
import { JobRunner, type JobHandler } from "./JobRunner.ts";
import {
  SCENARIO_PARETO_JOB_KIND,
  SCENARIO_SOLVE_JOB_KIND,
  scenarioParetoJobHandler,
  scenarioSolveJobHandler,
} from "./scenarioJobs.ts";

const database = useTestDatabase();
const BASE_DATE = "2026-01-01";
const options = { solver: new HighsSolver(), timeLimitSeconds: 60, relativeGap: 1e-4 };

async function scenarioWith(name: string, definition: ScenarioDefinition): Promise<number> {
  return database.db.transaction((tx) =>
    createScenario(tx, { name, description: null, definition, assignments: [] }, "test"),
  );
}

/** "Spezialisierung Einwohnerwesen" for Kreis Lippe and its Gemeinden (proven quickly). */
async function lippePreset(): Promise<ScenarioDefinition> {
  const rows = await database.db.query<{ key: string }>(
    sql`SELECT key FROM organisation WHERE key = '05766' OR kreis_key = '05766' ORDER BY key`,
  );
  const preset = specialisationPreset(BASE_DATE);
  return { ...preset, scope: { ...preset.scope, kommuneKeys: rows.map((row) => row.key) } };
}

async function run(kind: string, scenarioId: number, handler: JobHandler) {
  const jobId = await enqueueJob(database.db, { kind, payload: { scenarioId }, createdBy: null });
  await new JobRunner(database.db, [handler]).tick();
  return (await findJob(database.db, jobId))!;
}

describe("scenario.solve", () => {
  it("solves 'Spezialisierung Einwohnerwesen' within its constraints and stores the result", async () => {
    const id = await scenarioWith("Spezialisierung Einwohnerwesen", await lippePreset());
    const job = await run(
      SCENARIO_SOLVE_JOB_KIND,
      id,
      scenarioSolveJobHandler(database.db, options),
    );
    expect(job).toMatchObject({ status: "succeeded", progress: 1 });
    const result = await findLatestScenarioResult(database.db, id);
    expect(result?.jobId).toBe(job.id);
    expect(result?.status).toBe("optimal");
    const plan = result!.plan!;
    expect(result!.bound!).toBeLessThanOrEqual(result!.objective! + 1e-6);
    expect(plan.costPerYear.total).toBeCloseTo(result!.objective!, 6);
    // At most three providers statewide per coupled domain …
    for (const domainId of ["einwohnerwesen", "personenstandswesen"]) {
      const providers = new Set(
        plan.assignments
          .filter((entry) => entry.domainId === domainId && entry.providerId !== null)
          .map((entry) => entry.providerId),
      );
      expect(providers.size).toBeLessThanOrEqual(3);
    }
    // … and each Kommune obtains both from the same provider (or runs both itself).
    const byKommune = new Map<string, Set<string | null>>();
    for (const entry of plan.assignments) {
      const set = byKommune.get(entry.kommuneKey) ?? new Set();
      set.add(entry.providerId);
      byKommune.set(entry.kommuneKey, set);
    }
    expect([...byKommune.values()].every((set) => set.size === 1)).toBe(true);
    // The 16 Gemeinden of Kreis Lippe (Einwohnerwesen is a Gemeinde task, § 1 MG NRW).
    expect(plan.kommunen).toHaveLength(16);
    // The per-Kommune impact adds up to the plan's cost.
    const sum = plan.kommunen.reduce((total, kommune) => total + (kommune.planCostPerYear ?? 0), 0);
    expect(sum).toBeCloseTo(plan.costPerYear.total ?? 0, 2);
  });

  it("names the constraints in conflict in German when the scenario is infeasible", async () => {
    const definition = defaultScenarioDefinition(BASE_DATE);
    definition.scope = { domainIds: ["einwohnerwesen"], kommuneKeys: "all" };
    // No provider may serve Einwohnerwesen, but nobody may change either.
    definition.constraints.providerCounts = [{ domainId: "einwohnerwesen", min: 0, max: 0 }];
    definition.constraints.maxMigrationsTotal = 0;
    const id = await scenarioWith("Zu eng", definition);
    const job = await run(
      SCENARIO_SOLVE_JOB_KIND,
      id,
      scenarioSolveJobHandler(database.db, options),
    );
    expect(job.status).toBe("succeeded");
    const result = await findLatestScenarioResult(database.db, id);
    expect(result).toMatchObject({ status: "infeasible", plan: null, objective: null });
    const text = result!.conflicts.join(" ");
    expect(text).toContain("Im Bereich Einwohnerwesen sind höchstens 0 Anbieter vorgegeben.");
    expect(text).toMatch(/Wechsel/);
  });

  it("costs a hand-made scenario without the optimiser", async () => {
    const definition = { ...(await lippePreset()), mode: "manual" as const };
    const id = await database.db.transaction((tx) =>
      createScenario(
        tx,
        {
          name: "Detmold von Hand",
          description: null,
          definition,
          assignments: [{ kommuneKey: "05766020", domainId: "einwohnerwesen", providerId: null }],
        },
        "test",
      ),
    );
    await run(SCENARIO_SOLVE_JOB_KIND, id, scenarioSolveJobHandler(database.db, options));
    const result = await findLatestScenarioResult(database.db, id);
    expect(result?.status).toBe("feasible");
    const detmold = result?.plan?.assignments.find(
      (entry) => entry.kommuneKey === "05766020" && entry.domainId === "einwohnerwesen",
    );
    expect(detmold?.providerId).toBeNull();
    const moved = detmold?.currentProviderId !== null ? 1 : 0;
    expect(result?.plan?.migrations).toHaveLength(moved);
  });

  it("stops when cancelled while solving", async () => {
    const id = await scenarioWith("Abbruch", specialisationPreset(BASE_DATE));
    const jobId = await enqueueJob(database.db, {
      kind: SCENARIO_SOLVE_JOB_KIND,
      payload: { scenarioId: id },
      createdBy: null,
    });
    // A solver that never answers: only the cancel can end the job.
    const stuck = { solve: () => new Promise<never>(() => undefined) };
    const runner = new JobRunner(database.db, [
      scenarioSolveJobHandler(database.db, { solver: stuck }),
    ]);
    const ticking = runner.tick();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await requestJobCancel(database.db, jobId);
    await ticking;
    expect((await findJob(database.db, jobId))?.status).toBe("cancelled");
    expect(await findLatestScenarioResult(database.db, id)).toBeUndefined();
  });
});

describe("scenario.pareto", () => {
  it("trades savings against migrations under budgets", async () => {
    const id = await scenarioWith("Pareto", await lippePreset());
    const job = await run(
      SCENARIO_PARETO_JOB_KIND,
      id,
      scenarioParetoJobHandler(database.db, options),
    );
    expect(job.status).toBe("succeeded");
    const pareto = await findLatestScenarioPareto(database.db, id);
    const points = pareto!.points;
    expect(points.map((point) => point.share)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    for (const point of points) {
      if (point.budget !== null && point.migrations !== null) {
        expect(point.migrations).toBeLessThanOrEqual(point.budget);
      }
    }
    // Every budget is listed with its status; whatever is not proven optimal says why in German.
    for (const point of points) {
      if (point.status !== "optimal") expect(point.reason).toMatch(/[a-zäöü]{4}/);
      if (point.status === "infeasible") expect(point.migrations).toBeNull();
    }
    // A larger budget never saves less (up to the solver's gap).
    const savings = points.map((point) => point.savingPerYear ?? -Infinity);
    for (let index = 1; index < savings.length; index += 1) {
      expect(savings[index]!).toBeGreaterThanOrEqual(
        savings[index - 1]! - 1e-3 * Math.abs(savings[index - 1]!),
      );
    }
  });

  it("lists every budget with its status and a German reason when none is feasible (issue 16, defect 6)", async () => {
    const preset = await lippePreset();
    // More providers than exist: no plan can meet it, with or without a migration budget.
    const id = await scenarioWith("Pareto unlösbar", {
      ...preset,
      constraints: {
        ...preset.constraints,
        providerCounts: [{ domainId: "einwohnerwesen", min: 60, max: null }],
      },
    });
    const job = await run(
      SCENARIO_PARETO_JOB_KIND,
      id,
      scenarioParetoJobHandler(database.db, options),
    );
    expect(job.status).toBe("succeeded");
    const points = (await findLatestScenarioPareto(database.db, id))!.points;
    expect(points.map((point) => point.share)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    for (const point of points) {
      expect(point).toMatchObject({ status: "infeasible", migrations: null, savingPerYear: null });
      expect(point.reason).toMatch(/keine zulässige Lösung/);
    }
  });
});
