import { seedDemoLandscape } from "@it-atlas/db";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { authHeaders } from "../testing/signedIn.ts";
import { useTestApp } from "../testing/testApp.ts";
import { extractPdfText } from "./textPdf.ts";

const server = useTestApp();
let analyst: { authorization: string };

beforeAll(async () => {
  analyst = await authHeaders(server.db, "kdn_analyst");
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
  "Landschaft als XLSX (Bezüge, Produkte, IT-Dienstleister)": async () => {
    const sheets = await workbookText((await get(`/api/export/workbook?asOf=${AS_OF}`)).rawPayload);
    const withDemo = ["Bezüge", "Produkte"].filter((name) => sheets[name]?.includes(LABEL));
    const demoProviders = sheets["IT-Dienstleister"]?.includes("(Demo)") ?? false;
    return { label: withDemo.length > 0 || demoProviders, flag: withDemo.length === 2 };
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
      if (!seen.label) missing.push(`${name}: kein Hinweis „${LABEL}“`);
      if (!seen.flag) missing.push(`${name}: keine maschinenlesbare Kennzeichnung`);
    }
    expect(missing).toEqual([]);
  });

  it("carries no demo label in any output after the demo is removed", async () => {
    await seedDemoLandscape(server.db, false);
    const labelled: string[] = [];
    for (const [name, observe] of Object.entries(OUTPUTS)) {
      const seen = await observe();
      if (seen.label || seen.flag) labelled.push(name);
    }
    expect(labelled).toEqual([]);
    // Unknown is shown as unknown: Detmold's profile has no Bezug any more.
    const profile = extractPdfText((await get(`/api/reports/kommunen/${DETMOLD}`)).rawPayload);
    expect(profile).toContain("IT-Dienstleister im Einsatz");
    expect(profile).toMatch(/IT-Dienstleister im Einsatz\s*keine Angabe/);
    expect(profile).toMatch(/Kosten\s*keine Angabe/);
    expect(profile).not.toMatch(/0 €/);
  });
});
