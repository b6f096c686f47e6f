import { defaultScenarioDefinition, specialisationPreset } from "@it-atlas/domain";
import { describe, expect, it } from "vitest";
import { sql } from "../client/sql.ts";
import { useTestDatabase } from "../testing/useTestDatabase.ts";
import {
  createScenario,
  deleteScenario,
  findLatestScenarioResult,
  findScenario,
  insertScenarioResult,
  listScenarioResults,
  listScenarios,
  setScenarioTarget,
  updateScenario,
} from "./scenarioRepository.ts";

const database = useTestDatabase();

const create = (name: string) =>
  database.db.transaction((tx) =>
    createScenario(
      tx,
      {
        name,
        description: null,
        definition: specialisationPreset("2026-01-01"),
        assignments: [{ kommuneKey: "05766020", domainId: "einwohnerwesen", providerId: null }],
      },
      "analyst@example.org",
    ),
  );

describe("scenario repository", () => {
  it("stores a definition and hand-made assignments and reads them back", async () => {
    const id = await create("Spezialisierung Einwohnerwesen");
    const scenario = await findScenario(database.db, id);
    expect(scenario).toMatchObject({
      name: "Spezialisierung Einwohnerwesen",
      baseDate: "2026-01-01",
      isTarget: false,
      latestResult: null,
      assignments: [{ kommuneKey: "05766020", domainId: "einwohnerwesen", providerId: null }],
    });
    expect(scenario?.definition.constraints.couplings).toEqual([
      { domainIds: ["einwohnerwesen", "personenstandswesen"] },
    ]);
    const updated = await database.db.transaction((tx) =>
      updateScenario(
        tx,
        id,
        {
          name: "Neu",
          description: "x",
          definition: defaultScenarioDefinition("2025-06-30"),
          assignments: [],
        },
        "b",
      ),
    );
    expect(updated).toBe(true);
    expect(await findScenario(database.db, id)).toMatchObject({
      name: "Neu",
      baseDate: "2025-06-30",
      assignments: [],
    });
  });

  it("keeps at most one Zielbild", async () => {
    const first = await create("A");
    const second = await create("B");
    await database.db.transaction((tx) => setScenarioTarget(tx, first, true, "a"));
    await database.db.transaction((tx) => setScenarioTarget(tx, second, true, "a"));
    const targets = (await listScenarios(database.db)).filter((scenario) => scenario.isTarget);
    expect(targets.map((scenario) => scenario.id)).toEqual([second]);
    await expect(
      database.db.query(sql`UPDATE scenario SET is_target = true WHERE id = ${first}`),
    ).rejects.toThrow();
  });

  it("stores results, refuses a plan without a feasible status, and deletes with the scenario", async () => {
    const id = await create("C");
    const definition = specialisationPreset("2026-01-01");
    await database.db.transaction((tx) =>
      insertScenarioResult(tx, {
        scenarioId: id,
        jobId: null,
        status: "infeasible",
        objective: null,
        bound: null,
        gap: null,
        seconds: 0.5,
        plan: null,
        conflicts: ["Kapazität von X reicht nicht."],
        message: null,
        definition,
      }),
    );
    await expect(
      database.db.transaction((tx) =>
        insertScenarioResult(tx, {
          scenarioId: id,
          jobId: null,
          status: "optimal",
          objective: 1,
          bound: 1,
          gap: 0,
          seconds: 0,
          plan: null,
          conflicts: [],
          message: null,
          definition,
        }),
      ),
    ).rejects.toMatchObject({ code: "scenario_result_inconsistent" });
    const latest = await findLatestScenarioResult(database.db, id);
    expect(latest).toMatchObject({
      status: "infeasible",
      conflicts: ["Kapazität von X reicht nicht."],
    });
    expect((await findScenario(database.db, id))?.latestResult?.status).toBe("infeasible");
    expect(await listScenarioResults(database.db, id)).toHaveLength(1);
    expect(await database.db.transaction((tx) => deleteScenario(tx, id))).toBe(true);
    expect(await listScenarioResults(database.db, id)).toHaveLength(0);
  });
});
