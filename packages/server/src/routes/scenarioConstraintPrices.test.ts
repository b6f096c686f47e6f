import { createScenario, enqueueJob, findJob, findLatestScenarioResult, sql } from "@it-atlas/db";
import {
  specialisationPreset,
  type Scenario,
  type ScenarioComparison,
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

describe("Preis der Vorgabe over HTTP", () => {
  it("stores the price of each constraint group with the result; only viewers who see all costs get the money", async () => {
    // „Spezialisierung Einwohnerwesen“ for Kreis Lippe, with a migration budget on top.
    const rows = await server.db.query<{ key: string }>(
      sql`SELECT key FROM organisation WHERE key = '05766' OR kreis_key = '05766' ORDER BY key`,
    );
    const preset = specialisationPreset("2026-01-01");
    const definition = {
      ...preset,
      scope: { ...preset.scope, kommuneKeys: rows.map((row) => row.key) },
      constraints: { ...preset.constraints, maxMigrationsPerYear: 2 },
    };
    const created = await server.app.inject({
      method: "POST",
      url: "/api/scenarios",
      headers: analyst,
      payload: { name: "Lippe mit Wechselbudget", definition },
    });
    expect(created.statusCode, created.body).toBe(201);
    const scenario = created.json<Scenario>();
    const started = await server.app.inject({
      method: "POST",
      url: `/api/scenarios/${scenario.id}/run`,
      headers: analyst,
    });
    expect(started.statusCode).toBe(202);
    const runner = new JobRunner(server.db, [
      scenarioSolveJobHandler(server.db, {
        solver: new HighsSolver(),
        timeLimitSeconds: 30,
        constraintPriceSeconds: 40,
      }),
    ]);
    while (await runner.tick()) {
      // until the queue is empty
    }

    const latest = (
      await server.app.inject({
        url: `/api/scenarios/${scenario.id}/results/latest`,
        headers: analyst,
      })
    ).json<ScenarioResult>();
    expect(latest.status).toBe("optimal");
    const prices = latest.plan?.constraintPrices ?? [];
    const groups = prices.map((price) => price.group);
    // The preset's coupling and provider counts, the budget, and all of them together.
    expect(groups).toEqual(
      expect.arrayContaining(["couplings", "providerCounts", "migrationBudget", "all"]),
    );
    const objective = latest.objective ?? NaN;
    for (const price of prices) {
      expect(price.proven, price.group).toBe(true);
      expect(price.pricePerYear!).toBeGreaterThanOrEqual(0);
      expect(price.objectiveWithout! + price.pricePerYear!).toBeCloseTo(objective, 4);
      expect(price.priceLower!).toBeLessThanOrEqual(price.pricePerYear! + 1e-6);
    }
    // Together the groups cost at least as much as the dearest alone (a relaxation of each).
    const all = prices.find((price) => price.group === "all")!;
    for (const price of prices) {
      if (price.group !== "all")
        expect(all.priceUpper!).toBeGreaterThanOrEqual(price.priceLower! - 1e-6);
    }

    // A reader and a Kommune user see which groups were priced, not what they cost.
    for (const headers of [leser, detmold]) {
      const hidden = (
        await server.app.inject({ url: `/api/scenarios/${scenario.id}/results/latest`, headers })
      ).json<ScenarioResult>();
      expect(hidden.plan?.constraintPrices?.map((price) => price.group)).toEqual(groups);
      for (const price of hidden.plan?.constraintPrices ?? []) {
        expect(price).toMatchObject({
          pricePerYear: null,
          priceLower: null,
          priceUpper: null,
          objectiveWithout: null,
          boundWithout: null,
        });
      }
    }

    // The comparison carries them, and so do its XLSX and PDF.
    const comparison = (
      await server.app.inject({
        url: `/api/scenarios/compare?ids=${scenario.id}`,
        headers: analyst,
      })
    ).json<ScenarioComparison>();
    expect(comparison.constraintPrices).toEqual([{ scenarioId: scenario.id, prices }]);
    const asReader = (
      await server.app.inject({ url: `/api/scenarios/compare?ids=${scenario.id}`, headers: leser })
    ).json<ScenarioComparison>();
    expect(
      asReader.constraintPrices[0]?.prices?.every((price) => price.pricePerYear === null),
    ).toBe(true);
    const xlsx = await server.app.inject({
      url: `/api/scenarios/compare/xlsx?ids=${scenario.id}`,
      headers: analyst,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Preis der Vorgabe");
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      "Szenario",
      "Vorgabe",
      "Anzahl",
      "Preis je Jahr (€)",
      "mindestens (€)",
      "höchstens (€)",
      "Neuberechnung",
      "Hinweis",
      // Every sheet says whether its figures derive from demo data (issue 14, ADR 0024).
      "Qualität",
    ]);
    const coupling = sheet
      ?.getRows(2, prices.length)
      ?.find((row) => row.getCell(2).value === "Kopplungen von Leistungsbereichen");
    expect(coupling?.getCell(1).value).toBe("Lippe mit Wechselbudget");
    expect(coupling?.getCell(4).value).toBeCloseTo(
      prices.find((price) => price.group === "couplings")!.pricePerYear!,
      6,
    );
    expect(coupling?.getCell(7).value).toBe("bewiesen");
    const pdf = await server.app.inject({
      url: `/api/scenarios/compare/pdf?ids=${scenario.id}`,
      headers: analyst,
    });
    const text = extractPdfText(pdf.rawPayload);
    expect(text).toContain("Lippe mit Wechselbudget: Preis der Vorgabe");
    expect(text).toContain("Kopplungen von Leistungsbereichen:");
  }, 180_000);

  it("reports each re-solve's progress in the job; hand-made scenarios get no prices", async () => {
    const rows = await server.db.query<{ key: string }>(
      sql`SELECT key FROM organisation WHERE kreis_key = '05766' ORDER BY key`,
    );
    const preset = specialisationPreset("2026-01-01");
    const optimised = {
      ...preset,
      scope: { ...preset.scope, kommuneKeys: rows.map((row) => row.key) },
    };
    const steps: Array<[number, string | undefined]> = [];
    for (const definition of [optimised, { ...optimised, mode: "manual" as const }]) {
      const scenarioId = await server.db.transaction((tx) =>
        createScenario(
          tx,
          { name: definition.mode, description: null, definition, assignments: [] },
          "test",
        ),
      );
      const jobId = await enqueueJob(server.db, {
        kind: "scenario.solve",
        payload: { scenarioId },
        createdBy: null,
      });
      const job = (await findJob(server.db, jobId))!;
      steps.length = 0;
      await scenarioSolveJobHandler(server.db, {
        solver: new HighsSolver(),
        timeLimitSeconds: 30,
      }).run(
        { scenarioId },
        {
          job,
          progress: async (fraction, text) => {
            steps.push([fraction, text]);
          },
        },
      );
      const result = await findLatestScenarioResult(server.db, scenarioId);
      if (definition.mode === "manual") {
        expect(result?.plan?.constraintPrices).toBeNull();
        expect(steps.some(([, text]) => text?.startsWith("Preis der Vorgabe"))).toBe(false);
        continue;
      }
      const count = result?.plan?.constraintPrices?.length ?? 0;
      expect(count).toBeGreaterThanOrEqual(3);
      const texts = steps.map(([, text]) => text);
      const coupling = new RegExp(
        `^Preis der Vorgabe: Kopplungen von Leistungsbereichen \\(\\d von ${count}\\)$`,
      );
      expect(texts.some((text) => coupling.test(text ?? ""))).toBe(true);
      expect(texts).toContain(`Preis der Vorgabe: Alle Vorgaben zusammen (${count} von ${count})`);
      const fractions = steps.map(([fraction]) => fraction);
      expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
      expect(fractions.at(-1)).toBe(0.97);
    }
  }, 180_000);
});
