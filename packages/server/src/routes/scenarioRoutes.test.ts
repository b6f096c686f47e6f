import { sql } from "@it-atlas/db";
import {
  specialisationPreset,
  type DomainCostCurve,
  type Scenario,
  type ScenarioComparison,
  type ScenarioDefinition,
  type ScenarioResult,
} from "@it-atlas/domain";
import { HighsSolver } from "@it-atlas/solver";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { extractPdfText } from "../export/textPdf.ts";
import { JobRunner } from "../jobs/JobRunner.ts";
import { scenarioSolveJobHandler } from "../jobs/scenarioJobs.ts";
import { authHeaders } from "../testing/signedIn.ts";
import { useTestApp } from "../testing/testApp.ts";

const server = useTestApp();
let analyst: Record<string, string>;
let leser: Record<string, string>;
let detmold: Record<string, string>;

beforeAll(async () => {
  analyst = await authHeaders(server.db, "kdn_analyst");
  leser = await authHeaders(server.db, "leser");
  detmold = await authHeaders(server.db, { kommune: "05766020" });
});

/** "Spezialisierung Einwohnerwesen" for Kreis Lippe and its Gemeinden (solves in seconds). */
async function lippePreset(): Promise<ScenarioDefinition> {
  const rows = await server.db.query<{ key: string }>(
    sql`SELECT key FROM organisation WHERE key = '05766' OR kreis_key = '05766' ORDER BY key`,
  );
  const preset = specialisationPreset("2026-01-01");
  return { ...preset, scope: { ...preset.scope, kommuneKeys: rows.map((row) => row.key) } };
}

async function runJobs(): Promise<void> {
  const runner = new JobRunner(server.db, [
    scenarioSolveJobHandler(server.db, { solver: new HighsSolver() }),
  ]);
  while (await runner.tick()) {
    // until the queue is empty
  }
}

describe("/api/scenarios", () => {
  it("refuses anonymous callers, readers writing, and an invalid definition in German", async () => {
    expect((await server.app.inject({ url: "/api/scenarios" })).statusCode).toBe(401);
    const asReader = await server.app.inject({
      method: "POST",
      url: "/api/scenarios",
      headers: leser,
      payload: { name: "x", definition: await lippePreset() },
    });
    expect(asReader.statusCode).toBe(403);
    const invalid = await server.app.inject({
      method: "POST",
      url: "/api/scenarios",
      headers: analyst,
      payload: {
        name: "x",
        definition: { ...(await lippePreset()), costs: { horizonYears: 0 } },
      },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<{ code: string }>().code).toBe("invalid_request");
  });

  it("creates, runs, compares with Ist and exports a scenario; marks it as Zielbild", async () => {
    const created = await server.app.inject({
      method: "POST",
      url: "/api/scenarios",
      headers: analyst,
      payload: { name: "Spezialisierung Einwohnerwesen", definition: await lippePreset() },
    });
    expect(created.statusCode, created.body).toBe(201);
    const scenario = created.json<Scenario>();
    const notYet = await server.app.inject({
      url: `/api/scenarios/compare?ids=${scenario.id}`,
      headers: analyst,
    });
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json<{ detail: string }>().detail).toMatch(/noch nicht berechnet/);

    const started = await server.app.inject({
      method: "POST",
      url: `/api/scenarios/${scenario.id}/run`,
      headers: analyst,
    });
    expect(started.statusCode).toBe(202);
    const { jobId } = started.json<{ jobId: number }>();
    await runJobs();
    const job = await server.app.inject({ url: `/api/jobs/${jobId}`, headers: analyst });
    expect(job.json<{ status: string }>().status).toBe("succeeded");

    const latest = await server.app.inject({
      url: `/api/scenarios/${scenario.id}/results/latest`,
      headers: analyst,
    });
    const result = latest.json<ScenarioResult>();
    expect(result.status).toBe("optimal");
    expect(result.plan?.costPerYear.total).toBeCloseTo(result.objective ?? NaN, 6);

    const compare = await server.app.inject({
      url: `/api/scenarios/compare?ids=${scenario.id}`,
      headers: analyst,
    });
    expect(compare.statusCode).toBe(200);
    const comparison = compare.json<ScenarioComparison>();
    expect(comparison.columns.map((column) => column.name)).toEqual([
      "Ist",
      "Spezialisierung Einwohnerwesen",
    ]);
    const [ist, planned] = comparison.columns;
    expect(planned?.savingPerYear).toBeCloseTo(
      (ist?.costPerYear.total ?? 0) - (planned?.costPerYear.total ?? 0),
      6,
    );
    expect(comparison.kommunen).toHaveLength(16);
    expect(planned?.affectedKommunen).toBe(
      comparison.kommunen.filter((kommune) => kommune.scenarios[0]?.changesProvider).length,
    );

    // Readers see who changes, not the costs; Detmold sees its own row.
    const asReader = (
      await server.app.inject({ url: `/api/scenarios/compare?ids=${scenario.id}`, headers: leser })
    ).json<ScenarioComparison>();
    expect(asReader.confidentialHidden).toBe(true);
    expect(JSON.stringify(asReader.columns)).not.toMatch(/"total":\d/);
    expect(asReader.columns[1]?.migrations).toBe(planned?.migrations);
    const asDetmold = (
      await server.app.inject({
        url: `/api/scenarios/${scenario.id}/results/latest`,
        headers: detmold,
      })
    ).json<ScenarioResult>();
    expect(asDetmold.objective).toBeNull();
    const rows = asDetmold.plan?.kommunen ?? [];
    expect(rows.find((row) => row.key === "05766020")?.istCostPerYear).not.toBeNull();
    expect(rows.find((row) => row.key === "05766044")?.istCostPerYear).toBeNull();

    const xlsx = await server.app.inject({
      url: `/api/scenarios/compare/xlsx?ids=${scenario.id}`,
      headers: analyst,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-disposition"]).toMatch(/szenariovergleich\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Vergleich",
      "Anbieter je Bereich",
      "Kommunen",
    ]);
    const pdf = await server.app.inject({
      url: `/api/scenarios/compare/pdf?ids=${scenario.id}`,
      headers: analyst,
    });
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const text = extractPdfText(pdf.rawPayload);
    expect(text).toContain("Szenariovergleich");
    expect(text).toContain("Demodaten (synthetisch)");

    const marked = await server.app.inject({
      method: "PUT",
      url: `/api/scenarios/${scenario.id}/target`,
      headers: analyst,
      payload: { isTarget: true },
    });
    expect(marked.json<Scenario>().isTarget).toBe(true);
    const list = (await server.app.inject({ url: "/api/scenarios", headers: leser })).json<{
      items: Scenario[];
    }>();
    expect(list.items[0]).toMatchObject({ id: scenario.id, isTarget: true });
    expect(list.items[0]?.latestResult?.status).toBe("optimal");
  });

  it("refuses hand-made assignments that name an unknown Kommune (400, no write)", async () => {
    const response = await server.app.inject({
      method: "POST",
      url: "/api/scenarios",
      headers: analyst,
      payload: {
        name: "Von Hand",
        definition: { ...(await lippePreset()), mode: "manual" },
        assignments: [{ kommuneKey: "05999999", domainId: "einwohnerwesen", providerId: null }],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string; detail: string }>()).toMatchObject({
      code: "scenario_assignment_unknown",
      detail: "Unbekannte Kommune „05999999“.",
    });
    const list = (await server.app.inject({ url: "/api/scenarios", headers: analyst })).json<{
      items: Scenario[];
    }>();
    expect(list.items.some((item) => item.name === "Von Hand")).toBe(false);
  });

  it("answers 404 for a scenario that does not exist", async () => {
    const response = await server.app.inject({ url: "/api/scenarios/999999", headers: leser });
    expect(response.statusCode).toBe(404);
    expect(response.json<{ code: string }>().code).toBe("scenario_not_found");
  });
});

describe("/api/scenarios/defaults", () => {
  it("refuses readers, and prefills a new scenario's cost curves with the landscape's fit", async () => {
    const asReader = await server.app.inject({ url: "/api/scenarios/defaults", headers: leser });
    expect(asReader.statusCode).toBe(403);
    const response = await server.app.inject({
      url: "/api/scenarios/defaults?baseDate=2026-01-01",
      headers: analyst,
    });
    expect(response.statusCode, response.body).toBe(200);
    const { definition, confidentialHidden } = response.json<{
      definition: ScenarioDefinition;
      confidentialHidden: boolean;
    }>();
    expect(confidentialHidden).toBe(false);
    expect(definition.baseDate).toBe("2026-01-01");
    const fitted = await server.app.inject({
      url: "/api/analysis/cost-curves?asOf=2026-01-01&operatingModel=it_dienstleister",
      headers: analyst,
    });
    const curves = fitted
      .json<{ items: DomainCostCurve[] }>()
      .items.filter((curve) => curve.fit !== null);
    expect(curves.length).toBeGreaterThan(0);
    // Every fitted domain, with the fitted fixed cost and segments unchanged.
    expect(definition.costs.costCurves).toEqual(
      curves.map((curve) => ({
        domainId: curve.domainId,
        fixedCost: curve.fit?.fixedCost,
        segments: curve.fit?.segments,
        source: {
          kind: "fit",
          asOf: "2026-01-01",
          rSquared: curve.fit?.rSquared,
          points: curve.fit?.points,
          demo: true,
        },
      })),
    );

    // Saved as a scenario for Kreis Lippe, the curves price the providers of the run.
    const preset = await lippePreset();
    const created = await server.app.inject({
      method: "POST",
      url: "/api/scenarios",
      headers: analyst,
      payload: {
        name: "Kostenkurven aus der Landkarte",
        definition: { ...preset, costs: definition.costs },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const scenario = created.json<Scenario>();
    expect(scenario.definition.costs.costCurves).toEqual(definition.costs.costCurves);
    await server.app.inject({
      method: "POST",
      url: `/api/scenarios/${scenario.id}/run`,
      headers: analyst,
    });
    await runJobs();
    const latest = await server.app.inject({
      url: `/api/scenarios/${scenario.id}/results/latest`,
      headers: analyst,
    });
    const result = latest.json<ScenarioResult>();
    expect(["optimal", "feasible"]).toContain(result.status);
    expect(result.plan?.notes.join(" ")).toMatch(
      /Anbieterpreise aus der Kostenkurve des Szenarios \(Demodaten \(synthetisch\)\): Einwohnerwesen/,
    );
    expect(result.definition.costs.costCurves.length).toBeGreaterThan(0);

    // The curves are fitted on confidential costs: readers and Kommune editors never get them,
    // wherever a definition is answered (issue 15.3).
    for (const headers of [leser, detmold]) {
      for (const url of [
        `/api/scenarios/${scenario.id}`,
        `/api/scenarios/${scenario.id}/results/latest`,
      ]) {
        const response = await server.app.inject({ url, headers });
        expect(response.statusCode, url).toBe(200);
        const body = response.json<{ definition: ScenarioDefinition }>();
        expect(body.definition.costs.costCurves, url).toEqual([]);
      }
      const results = await server.app.inject({
        url: `/api/scenarios/${scenario.id}/results`,
        headers,
      });
      const runs = results.json<{ items: ScenarioResult[] }>().items;
      expect(runs.length).toBeGreaterThan(0);
      expect(runs.every((run) => run.definition.costs.costCurves.length === 0)).toBe(true);
      const list = await server.app.inject({ url: "/api/scenarios", headers });
      const listed = list.json<{ items: Scenario[] }>().items;
      expect(listed.find((item) => item.id === scenario.id)?.definition.costs.costCurves).toEqual(
        [],
      );
      expect(JSON.stringify(listed)).not.toContain('"kind":"fit"');
    }
  });

  it("reads a scenario stored without cost curves and project capacities", async () => {
    const preset = await lippePreset();
    const { costCurves: _omitted, ...oldCosts } = preset.costs;
    const created = await server.app.inject({
      method: "POST",
      url: "/api/scenarios",
      headers: analyst,
      payload: { name: "Ohne Kostenkurven", definition: { ...preset, costs: oldCosts } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<Scenario>();
    // As stored before cost curves and project capacities existed.
    await server.db.query(
      sql`UPDATE scenario SET definition = definition #- '{costs,costCurves}' #- '{constraints,providerProjectCapacity}' WHERE id = ${id}`,
    );
    const stored = await server.app.inject({ url: `/api/scenarios/${id}`, headers: analyst });
    expect(stored.statusCode, stored.body).toBe(200);
    const { definition } = stored.json<Scenario>();
    expect(definition.costs.costCurves).toEqual([]);
    expect(definition.constraints.providerProjectCapacity).toEqual([]);
  });
});
