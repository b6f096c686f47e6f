import { bumpLandscapeRevision, seedDemoLandscape, sql } from "@it-atlas/db";
import {
  IMPORT_ENTITIES,
  specialisationPreset,
  type ScenarioComparison,
  type ScenarioResult,
} from "@it-atlas/domain";
import { HighsSolver } from "@it-atlas/solver";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { JobRunner } from "../jobs/JobRunner.ts";
import { scenarioSolveJobHandler } from "../jobs/scenarioJobs.ts";
import { authHeaders } from "../testing/signedIn.ts";
import { useTestApp } from "../testing/testApp.ts";
import { extractPdfText } from "./textPdf.ts";

const server = useTestApp();
let analyst: { authorization: string };
let detmoldEditor: { authorization: string };
let scenarioId = 0;

/** Kreis Lippe and its Gemeinden: a scenario over them solves in seconds. */
async function lippeKeys(): Promise<string[]> {
  const rows = await server.db.query<{ key: string }>(
    sql`SELECT key FROM organisation WHERE key = '05766' OR kreis_key = '05766' ORDER BY key`,
  );
  return rows.map((row) => row.key);
}

async function runScenario(): Promise<void> {
  const started = await server.app.inject({
    method: "POST",
    url: `/api/scenarios/${scenarioId}/run`,
    headers: analyst,
  });
  expect(started.statusCode, started.body).toBe(202);
  const runner = new JobRunner(server.db, [
    scenarioSolveJobHandler(server.db, { solver: new HighsSolver() }),
  ]);
  while (await runner.tick()) {
    // until the queue is empty
  }
}

beforeAll(async () => {
  analyst = await authHeaders(server.db, "kdn_analyst");
  detmoldEditor = await authHeaders(server.db, { kommune: DETMOLD });
  const preset = specialisationPreset(AS_OF);
  const created = await server.app.inject({
    method: "POST",
    url: "/api/scenarios",
    headers: analyst,
    payload: {
      name: "Spezialisierung Lippe",
      definition: { ...preset, scope: { ...preset.scope, kommuneKeys: await lippeKeys() } },
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  scenarioId = created.json<{ id: number }>().id;
  await runScenario();
  // Detmold's IT-Strategie: its own decisions; the PDF shows today's operating model beside them.
  const draft = await server.app.inject({
    method: "PUT",
    url: `/api/organisations/${DETMOLD}/strategy/draft`,
    headers: detmoldEditor,
    payload: {
      decisions: [
        { domainId: "einwohnerwesen", targetModel: "it_dienstleister", providerId: "owl-it" },
      ],
    },
  });
  expect(draft.statusCode, draft.body).toBe(200);
});

/** The label for people; the machine-readable flags are checked per format below. */
const LABEL = "Demodaten (synthetisch)";
const AS_OF = "2026-06-01";
const DETMOLD = "05766020";

async function get(url: string) {
  const response = await server.app.inject({ url, headers: analyst });
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
  return response;
}

async function workbookText(body: Buffer): Promise<Record<string, string>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheets: Record<string, string> = {};
  workbook.eachSheet((sheet) => {
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text)));
    sheets[sheet.name] = cells.join("\n");
  });
  return sheets;
}

interface Observation {
  /** The people's label somewhere in the output. */
  label: boolean;
  /** The machine-readable flag (a `demo` field or a „Qualität“ column with the label). */
  flag: boolean;
  /** Sheets of a workbook without a „Qualität“ column (each must have one, demo or not). */
  sheetsWithoutQuality?: string[];
  /** The output need not hold synthetic values; if it does, they must be marked. */
  mayBeWithoutDemo?: boolean;
}

/** The header row and the „Qualität“ cells of every sheet of a workbook. */
async function workbookSheets(
  body: Buffer,
): Promise<Array<{ name: string; headers: string[]; qualities: string[]; text: string }>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheets: Array<{ name: string; headers: string[]; qualities: string[]; text: string }> = [];
  workbook.eachSheet((sheet) => {
    const headers: string[] = [];
    sheet.getRow(1).eachCell((cell) => headers.push(cell.text));
    const column = headers.indexOf("Qualität") + 1;
    const qualities: string[] = [];
    const cells: string[] = [];
    sheet.eachRow((row, number) => {
      row.eachCell((cell) => cells.push(cell.text));
      if (number > 1 && column > 0) qualities.push(row.getCell(column).text);
    });
    sheets.push({ name: sheet.name, headers, qualities, text: cells.join("\n") });
  });
  return sheets;
}

/**
 * A workbook in which every sheet has a „Qualität“ column; `demoSheets` must mark synthetic
 * rows there while the demo is loaded.
 */
async function observeWorkbook(url: string, demoSheets: readonly string[]): Promise<Observation> {
  const sheets = await workbookSheets((await get(url)).rawPayload);
  const labelled = sheets.filter((sheet) => sheet.qualities.includes(LABEL));
  const mentioning = sheets.filter((sheet) => sheet.text.includes(LABEL));
  return {
    label: mentioning.length > 0,
    // The demo sheets, and every sheet that mentions the label, carry it in „Qualität“.
    flag:
      labelled.length > 0 &&
      demoSheets.every((name) => labelled.some((sheet) => sheet.name === name)) &&
      mentioning.every((sheet) => labelled.includes(sheet)),
    sheetsWithoutQuality: sheets
      .filter((sheet) => !sheet.headers.includes("Qualität"))
      .map((sheet) => sheet.name),
  };
}

/** Every output that carries landscape or OZG values, observed the same way. */
const OUTPUTS: Record<string, () => Promise<Observation>> = {
  "Bezüge als CSV": async () => {
    const text = (await get(`/api/export/landscape?format=csv&asOf=${AS_OF}`)).body;
    const header = text.replace(/^\uFEFF/, "").split("\n")[0] ?? "";
    return {
      label: text.includes(LABEL),
      flag: header.includes("Qualität") && text.includes(LABEL),
    };
  },
  "Landschaft als XLSX (jedes Blatt)": async () => {
    const observed = await observeWorkbook(`/api/export/workbook?asOf=${AS_OF}`, [
      "Bezüge",
      "Produkte",
      "IT-Dienstleister",
      "Quellen",
    ]);
    const sheets = await workbookText((await get(`/api/export/workbook?asOf=${AS_OF}`)).rawPayload);
    const demoProviders = sheets["IT-Dienstleister"]?.includes("(Demo)") ?? false;
    return { ...observed, label: observed.label || demoProviders };
  },
  ...Object.fromEntries(
    IMPORT_ENTITIES.map((entity) => [
      `Blatt „${entity}“ als XLSX`,
      async (): Promise<Observation> => ({
        ...(await observeWorkbook(`/api/export/sheets/${entity}?format=xlsx&asOf=${AS_OF}`, [])),
        // Bezüge and Produkte hold synthetic rows while the demo is loaded; the others may.
        mayBeWithoutDemo: entity !== "sourcing" && entity !== "products",
      }),
    ]),
  ),
  "Szenario-Ergebnis (API)": async () => {
    const result = (
      await get(`/api/scenarios/${scenarioId}/results/latest`)
    ).json<ScenarioResult>();
    expect(result.plan, result.message ?? "").not.toBeNull();
    const flag =
      result.plan?.demo === true && (result.plan?.kommunen ?? []).some((kommune) => kommune.demo);
    return { label: flag, flag };
  },
  "Szenariovergleich (API)": async () => {
    const comparison = (
      await get(`/api/scenarios/compare?ids=${scenarioId}`)
    ).json<ScenarioComparison>();
    const flag =
      comparison.demo &&
      comparison.columns.every((column) => column.demo) &&
      comparison.kommunen.some((kommune) => kommune.demo);
    return { label: flag, flag };
  },
  "Szenariovergleich (XLSX, jedes Blatt)": async () =>
    observeWorkbook(`/api/scenarios/compare/xlsx?ids=${scenarioId}`, [
      "Vergleich",
      "Anbieter je Bereich",
      "Kommunen",
    ]),
  "Szenariovergleich (PDF)": async () => {
    const text = extractPdfText(
      (await get(`/api/scenarios/compare/pdf?ids=${scenarioId}`)).rawPayload,
    );
    return { label: text.includes(LABEL), flag: text.includes(`Qualität: ${LABEL}`) };
  },
  "Strategie-Vorschläge (API)": async () => {
    const suggestions = (await get(`/api/organisations/${DETMOLD}/strategy/suggestions`)).json<{
      items: Array<{ demo: boolean; quality: string; reasons: string[] }>;
    }>();
    expect(suggestions.items.length).toBeGreaterThan(0);
    return {
      label: suggestions.items.some(
        (item) => item.quality === LABEL || item.reasons.some((reason) => reason.includes(LABEL)),
      ),
      flag: suggestions.items.some((item) => item.demo),
    };
  },
  "Strategie (PDF)": async () => {
    const text = extractPdfText(
      (await get(`/api/organisations/${DETMOLD}/strategies/1/pdf`)).rawPayload,
    );
    return { label: text.includes(LABEL), flag: text.includes(`Qualität: ${LABEL}`) };
  },
  "GeoJSON mit Jahreskosten": async () => {
    const collection = (
      await get(
        `/api/export/geojson?level=gemeinde&attributes=name,betriebsmodell,jahreskosten&domain=einwohnerwesen&asOf=${AS_OF}`,
      )
    ).json<{
      attribution: string;
      demo?: boolean;
      hinweis?: string;
      features: Array<{ properties: { demo: boolean; qualitaet: string | null } }>;
    }>();
    expect(collection.attribution).toBe("© GeoBasis-DE / BKG (Daten verändert)");
    return {
      label:
        (collection.hinweis ?? "").includes(LABEL) ||
        collection.features.some((feature) => feature.properties.qualitaet === LABEL),
      flag:
        collection.demo === true && collection.features.some((feature) => feature.properties.demo),
    };
  },
  ArchiMate: async () => {
    const xml = (await get(`/api/export/archimate?asOf=${AS_OF}`)).body;
    return {
      label: xml.includes(LABEL),
      flag: xml.includes(`<value xml:lang="de">${LABEL}</value>`),
    };
  },
  "OZG-Umsetzungsstand (API)": async () => {
    const board = (await get("/api/ozg/readiness")).json<{
      rows: Array<{ demo: boolean }>;
      regions: Array<{ demo: boolean }>;
    }>();
    const flag = board.rows.some((row) => row.demo) && board.regions.some((region) => region.demo);
    return { label: flag, flag };
  },
  "OZG-Umsetzungsstand (CSV)": async () => {
    const text = (await get("/api/ozg/readiness.csv")).body;
    const header = text.replace(/^\uFEFF/, "").split("\n")[0] ?? "";
    return {
      label: text.includes(LABEL),
      flag: header.includes("Qualität") && text.includes(LABEL),
    };
  },
  "Landschaftsbericht (PDF)": async () => {
    const text = extractPdfText(
      (await get("/api/reports/landscape?level=kreis&key=05766")).rawPayload,
    );
    return { label: text.includes(LABEL), flag: text.includes("Qualität") && text.includes(LABEL) };
  },
  "Kommunenprofil (PDF)": async () => {
    const text = extractPdfText((await get(`/api/reports/kommunen/${DETMOLD}`)).rawPayload);
    return { label: text.includes(LABEL), flag: text.includes("Qualität") && text.includes(LABEL) };
  },
};

describe("the demo label travels with the number", () => {
  it("marks demo values in every output, for people and machines, while the demo is loaded", async () => {
    const missing: string[] = [];
    for (const [name, observe] of Object.entries(OUTPUTS)) {
      const seen = await observe();
      if (!seen.label && !seen.mayBeWithoutDemo) missing.push(`${name}: kein Hinweis „${LABEL}“`);
      if ((seen.label || !seen.mayBeWithoutDemo) && !seen.flag)
        missing.push(`${name}: keine maschinenlesbare Kennzeichnung`);
      for (const sheet of seen.sheetsWithoutQuality ?? [])
        missing.push(`${name}: Blatt „${sheet}“ ohne Spalte „Qualität“`);
    }
    expect(missing).toEqual([]);
  });

  it("carries no demo label in any output after the demo is removed", async () => {
    await seedDemoLandscape(server.db, false);
    // Unknown is shown as unknown: Detmold's profile has no Bezug any more.
    const profile = extractPdfText((await get(`/api/reports/kommunen/${DETMOLD}`)).rawPayload);
    expect(profile).toContain("IT-Dienstleister im Einsatz");
    expect(profile).toMatch(/IT-Dienstleister im Einsatz\s*keine Angabe/);
    expect(profile).toMatch(/Kosten\s*keine Angabe/);
    expect(profile).not.toMatch(/0 €/);
    // What people recorded for Lippe stays; the scenario is computed again on it alone.
    await recordLippeByHand();
    await runScenario();
    const labelled: string[] = [];
    for (const [name, observe] of Object.entries(OUTPUTS)) {
      const seen = await observe();
      if (seen.label || seen.flag) labelled.push(name);
      for (const sheet of seen.sheetsWithoutQuality ?? [])
        labelled.push(`${name}: Blatt „${sheet}“ ohne Spalte „Qualität“`);
    }
    expect(labelled).toEqual([]);
  });
});

/**
 * Bezüge of Lippe's Gemeinden in Einwohner- and Personenstandswesen as Kommunen reported them
 * (self_reported): half with OWL-IT, half in eigener Betrieb, with volume and cost.
 */
async function recordLippeByHand(): Promise<void> {
  const keys = (await lippeKeys()).filter((key) => key.length === 8);
  await server.db.transaction(async (tx) => {
    for (const [index, key] of keys.entries()) {
      for (const domainId of ["einwohnerwesen", "personenstandswesen"]) {
        const own = index % 2 === 0;
        await tx.query(sql`
          INSERT INTO sourcing (organisation_key, domain_id, operating_model, provider_id,
                                running_cost, volume, valid_from, quality, change_reason)
          VALUES (${key}, ${domainId}, ${own ? "eigenbetrieb" : "it_dienstleister"},
                  ${own ? null : "owl-it"}, ${20_000 + index * 1_000}, ${10_000 + index * 500},
                  '2025-01-01', 'self_reported', 'Selbstauskunft im Test')`);
      }
    }
    await bumpLandscapeRevision(tx);
  });
}
