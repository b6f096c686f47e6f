import ExcelJS from "exceljs";
import { sql } from "@it-atlas/db";
import { ImportResult } from "@it-atlas/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { validateArchimate } from "../export/validateArchimate.testing.ts";
import { zipBomb } from "../import/zipBomb.testing.ts";
import { jobHandlers } from "../jobs/jobHandlers.ts";
import { JobRunner } from "../jobs/JobRunner.ts";
import { expectProblem } from "../testing/expectProblem.ts";
import { authHeaders } from "../testing/signedIn.ts";
import { useTestApp } from "../testing/testApp.ts";

const server = useTestApp();
let admin: Record<string, string>;
let leser: Record<string, string>;

beforeAll(async () => {
  admin = await authHeaders(server.db, "administrator");
  leser = await authHeaders(server.db, "leser");
});

async function runJobs(): Promise<void> {
  const runner = new JobRunner(server.db, jobHandlers(server.db));
  while (await runner.tick()) {
    // run until the queue is empty
  }
}

async function jobResult(jobId: number, headers: Record<string, string>) {
  const response = await server.app.inject({ url: `/api/jobs/${jobId}`, headers });
  expect(response.statusCode).toBe(200);
  const job = response.json<{ status: string; result: unknown; progress: number }>();
  return {
    ...job,
    result: job.status === "succeeded" ? ImportResult.parse(job.result) : undefined,
  };
}

describe("import API", () => {
  it("asks anonymous callers to sign in", async () => {
    const response = await server.app.inject({
      method: "POST",
      url: "/api/imports?fileName=a.csv",
      payload: "x",
      headers: { "content-type": "text/csv" },
    });
    expectProblem(response, 401, "unauthenticated");
  });

  it("refuses an upload without a file body", async () => {
    const response = await server.app.inject({
      method: "POST",
      url: "/api/imports?fileName=a.csv",
      payload: {},
      headers: admin,
    });
    expectProblem(response, 400, "import_body_missing");
  });

  it("uploads a CSV file, previews it in a job and commits it in a second job", async () => {
    const csv =
      "\uFEFFAGS;Leistungsbereich;Betriebsmodell;Gültig ab\r\n5766020;einwohnerwesen;Land;01.01.2040\r\n";
    const upload = await server.app.inject({
      method: "POST",
      url: "/api/imports?fileName=bezug.csv",
      payload: Buffer.from(csv, "utf8"),
      headers: { ...admin, "content-type": "text/csv; charset=utf-8" },
    });
    expect(upload.statusCode, upload.body).toBe(202);
    const { uploadId, jobId } = upload.json<{ uploadId: number; jobId: number }>();
    await runJobs();
    const preview = await jobResult(jobId, admin);
    expect(preview).toMatchObject({
      status: "succeeded",
      progress: 1,
      result: { committed: false, counts: { changed: 1, invalid: 0 } },
    });
    // A Leser may not commit (nor upload) imports at all.
    expectProblem(
      await server.app.inject({
        method: "POST",
        url: `/api/imports/${uploadId}/commit`,
        headers: leser,
      }),
      403,
      "forbidden",
    );

    const commit = await server.app.inject({
      method: "POST",
      url: `/api/imports/${uploadId}/commit`,
      headers: admin,
    });
    expect(commit.statusCode).toBe(202);
    await runJobs();
    const done = await jobResult(commit.json<{ jobId: number }>().jobId, admin);
    expect(done.result).toMatchObject({ committed: true, counts: { changed: 1 } });
    const [row] = await server.db.query<{ operating_model: string }>(
      sql`SELECT operating_model FROM sourcing WHERE organisation_key = '05766020' AND domain_id = 'einwohnerwesen' AND valid_to IS NULL`,
    );
    expect(row?.operating_model).toBe("land");
  });

  it("refuses a broken .xlsx at upload with a German problem (checked in the worker pool)", async () => {
    const upload = await server.app.inject({
      method: "POST",
      url: "/api/imports?fileName=kaputt.xlsx",
      payload: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
      headers: { ...admin, "content-type": "application/octet-stream" },
    });
    expectProblem(upload, 400, "import_unreadable");
    expect(upload.json<{ detail: string }>().detail).toMatch(/keine lesbare Excel-Arbeitsmappe/);
  });

  it("stores a German failure with the job when a ZIP file is no workbook", async () => {
    // A readable ZIP (1 MB of spaces as its only entry), but nothing exceljs can open.
    const upload = await server.app.inject({
      method: "POST",
      url: "/api/imports?fileName=kein-excel.xlsx",
      payload: Buffer.from(await zipBomb(1)),
      headers: { ...admin, "content-type": "application/octet-stream" },
    });
    expect(upload.statusCode, upload.body).toBe(202);
    await runJobs();
    const job = await server.app.inject({
      url: `/api/jobs/${upload.json<{ jobId: number }>().jobId}`,
      headers: admin,
    });
    expect(job.json()).toMatchObject({
      status: "failed",
      errorCode: "import_unreadable",
      errorDetail: expect.stringMatching(/keine lesbare Excel-Arbeitsmappe/),
    });
  });

  it("serves the template with Hinweise, value lists and drop-downs", async () => {
    const response = await server.app.inject({
      url: "/api/imports/templates/sourcing",
      headers: leser,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Hinweise", "Bezüge", "Werte"]);
    const data = workbook.getWorksheet("Bezüge");
    expect(data?.getRow(1).getCell(1).value).toBe("AGS");
    const betriebsmodell = (data?.getRow(1).values as unknown[]).indexOf("Betriebsmodell");
    expect(data?.getRow(2).getCell(betriebsmodell).dataValidation).toMatchObject({ type: "list" });
    const werte = workbook.getWorksheet("Werte");
    expect(werte?.getColumn(1).values).toContain("IT-Dienstleister");
  });
});

describe("templates and sheets of every importable entity", () => {
  it.each([
    ["organisations", "Kommunen", "Schlüssel", []],
    ["products", "Produkte", "Kennung", ["Lebenszyklus", "Leistungsbereiche (Kennungen)"]],
    ["memberships", "Mitgliedschaften", "Schlüssel", ["Beziehung", "IT-Dienstleister"]],
    ["offers", "Angebote", "IT-Dienstleister", ["Leistungsbereich", "IT-Dienstleister", "Produkt"]],
  ])(
    "serves the %s template (sheet %s) with its hints and value lists",
    async (entity, sheetName, firstHeader, lists) => {
      const response = await server.app.inject({
        url: `/api/imports/templates/${entity}`,
        headers: leser,
      });
      expect(response.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
        "Hinweise",
        sheetName,
        "Werte",
      ]);
      expect(workbook.getWorksheet(sheetName)?.getRow(1).getCell(1).value).toBe(firstHeader);
      const headings = (workbook.getWorksheet("Werte")?.getRow(1).values as unknown[]).filter(
        (value) => typeof value === "string" && value !== "Bedeutung",
      );
      expect(headings).toEqual(lists);
      const hints = workbook.getWorksheet("Hinweise");
      const importedColumn = (hints?.getColumn(3).values ?? []).filter(
        (value) => value === "ja" || value === "nein",
      );
      expect(importedColumn.length).toBeGreaterThan(2);
    },
  );

  it("exports one entity with the template's columns, as CSV or Excel", async () => {
    const csv = await server.app.inject({
      url: "/api/export/sheets/organisations?format=csv",
      headers: leser,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.startsWith("\uFEFFSchlüssel;ARS;Name;Art")).toBe(true);
    expect(csv.body.trim().split("\r\n")).toHaveLength(1 + 427);
    const xlsx = await server.app.inject({ url: "/api/export/sheets/products", headers: leser });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Produkte"]);
    const unknown = await server.app.inject({ url: "/api/export/sheets/nutzer", headers: leser });
    expect(unknown.statusCode).toBe(400);
  });
});

describe("export API", () => {
  it("exports the landscape list as CSV with what the viewer may see", async () => {
    const response = await server.app.inject({
      url: "/api/export/landscape?format=csv&kreis=05766&domain=einwohnerwesen",
      headers: leser,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toMatch(
      /attachment; filename="it-atlas-bezuege-/,
    );
    expect(response.body.startsWith("\uFEFFAGS;Kommune;Leistungsbereich")).toBe(true);
    const lines = response.body.trim().split("\r\n");
    expect(lines.length).toBeGreaterThan(10);
    // A reader sees who provides what, never the figures.
    for (const line of lines.slice(1)) expect(line.split(";")[10]).toBe("");
    const asAdmin = await server.app.inject({
      url: "/api/export/landscape?format=csv&kreis=05766&domain=einwohnerwesen",
      headers: admin,
    });
    expect(
      asAdmin.body
        .trim()
        .split("\r\n")
        .slice(1)
        .some((line) => /^\d/.test(line.split(";")[10] ?? "")),
    ).toBe(true);
  });

  it("exports the whole landscape as a workbook with a sheet per entity and the sources", async () => {
    const response = await server.app.inject({ url: "/api/export/workbook", headers: admin });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Bezüge",
      "Kommunen",
      "IT-Dienstleister",
      "Ereignisse",
      "Mitgliedschaften",
      "Angebote",
      "Produkte",
      "Leistungsbereiche",
      "Quellen",
    ]);
    expect(workbook.getWorksheet("Kommunen")?.rowCount).toBeGreaterThan(400);
  });

  it("exports Kommunen as GeoJSON with the chosen attributes", async () => {
    const response = await server.app.inject({
      url: "/api/export/geojson?level=gemeinde&attributes=name,einwohner,betriebsmodell,jahreskosten&domain=einwohnerwesen",
      headers: leser,
    });
    expect(response.statusCode).toBe(200);
    const collection = response.json<{
      type: string;
      features: Array<{ properties: Record<string, unknown>; geometry: { type: string } }>;
    }>();
    expect(collection.type).toBe("FeatureCollection");
    expect(collection.features).toHaveLength(396);
    expect(Object.keys(collection.features[0]?.properties ?? {})).toEqual([
      "ags",
      "name",
      "einwohner",
      "betriebsmodell",
      "jahreskosten",
      "demo",
      "qualitaet",
    ]);
    expect(collection.features.every((feature) => feature.properties.jahreskosten === null)).toBe(
      true,
    );
    expect(collection.features.some((feature) => feature.properties.betriebsmodell !== null)).toBe(
      true,
    );
  });

  it("refuses unknown GeoJSON attributes", async () => {
    const response = await server.app.inject({
      url: "/api/export/geojson?attributes=name,passwort",
      headers: leser,
    });
    expectProblem(response, 400, "invalid_request");
  });

  it("exports an ArchiMate 3.1 exchange file that passes the structural checks of the schema", async () => {
    const response = await server.app.inject({ url: "/api/export/archimate", headers: admin });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("application/xml");
    expect(validateArchimate(response.body)).toEqual([]);
    expect(response.body).toContain('xsi:type="Serving"');
    expect(response.body).toContain('propertyDefinitionRef="pd-annualCost"');
  });

  it("does not put confidential figures into a reader's ArchiMate file", async () => {
    const response = await server.app.inject({ url: "/api/export/archimate", headers: leser });
    expect(validateArchimate(response.body)).toEqual([]);
    expect(response.body).not.toContain('propertyDefinitionRef="pd-annualCost"');
  });

  it("detects broken ArchiMate files (the validator is not a rubber stamp)", () => {
    expect(validateArchimate("<model")).not.toEqual([]);
    expect(
      validateArchimate(
        '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="1x"><elements/><name>x</name><relationships><relationship identifier="r" source="a" target="b" xsi:type="Serving"/></relationships></model>',
      ),
    ).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/kein xs:ID/),
        expect.stringMatching(/falscher Stelle/),
        expect.stringMatching(/source „a“/),
      ]),
    );
  });
});
