import type { ImportResult, KommuneOzgView } from "@it-atlas/domain";
import { sql } from "@it-atlas/db";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { expectInvalidParameter, expectProblem } from "../testing/expectProblem.ts";
import { authHeaders } from "../testing/signedIn.ts";
import { useTestApp } from "../testing/testApp.ts";

const server = useTestApp();
let admin: { authorization: string };
let detmoldEditor: { authorization: string };

const HEADER =
  "Schlüssel;Kommune;OZG-ID;OZG-Leistung;Komponente;Status;Onlinedienst;Geplant zum;Quelle;Stand;Bemerkung";

beforeAll(async () => {
  admin = await authHeaders(server.db, "administrator");
  detmoldEditor = await authHeaders(server.db, { kommune: "05766020" });
});

function upload(path: "preview" | "commit", text: string, headers = admin) {
  return server.app.inject({
    method: "POST",
    url: path === "preview" ? "/api/ozg/adoption/import/preview" : "/api/ozg/adoption/import",
    headers,
    payload: { fileName: "umsetzung.csv", content: Buffer.from(text, "utf8").toString("base64") },
  });
}

async function status(ags: string, ozgId: number): Promise<string | undefined> {
  const response = await server.app.inject({ url: `/api/ozg/kommunen/${ags}`, headers: admin });
  return response.json<KommuneOzgView>().leistungen.find((item) => item.ozgId === ozgId)?.status;
}

describe("adoption import", () => {
  const good =
    `\uFEFF${HEADER}\r\n5766020;Detmold;10124;;;online;melde-online;;Umfrage 2026;15.01.2026;\r\n` +
    `05766020;Detmold;;;E-Payment;in Anbindung;epayment-nrw;30.06.2026;Umfrage 2026;15.01.2026;\r\n`;

  it("previews new and changed records without writing", async () => {
    const before = await status("05766020", 10124);
    const response = await upload("preview", good);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<ImportResult>();
    expect(result).toMatchObject({ committed: false, problemCount: 0 });
    expect(result.counts.new + result.counts.changed + result.counts.unchanged).toBe(2);
    expect(await status("05766020", 10124)).toBe(before);
  });

  it("reports bad rows with row, column and a German message, and commits nothing", async () => {
    const bad = `${HEADER}\n05766020;;10124;;;online;;;;15.01.2026;\n05766020;;99999;;;online;;;;15.01.2026;\n05766044;;10124;;;kaputt;;;;15.01.2026;`;
    const preview = (await upload("preview", bad)).json<ImportResult>();
    expect(preview.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          row: 3,
          column: "OZG-ID",
          message: "Es gibt keine OZG-Leistung 99999.",
        }),
        expect.objectContaining({
          row: 4,
          column: "Status",
          message: expect.stringContaining("kein zulässiger Wert"),
        }),
      ]),
    );
    const [{ count: before } = { count: 0 }] = await server.db.query<{ count: number }>(
      sql`SELECT count(*)::int AS count FROM ozg_adoption WHERE organisation_key = '05766020' AND as_of = '2026-01-15'`,
    );
    const problem = expectProblem(await upload("commit", bad), 400, "import_invalid");
    expect(problem.detail).toMatch(/2 Fehler; es wurde nichts übernommen/);
    expect(problem.errors?.[0]?.field).toBe("Zeile 3, OZG-ID");
    const [{ count: after } = { count: 0 }] = await server.db.query<{ count: number }>(
      sql`SELECT count(*)::int AS count FROM ozg_adoption WHERE organisation_key = '05766020' AND as_of = '2026-01-15'`,
    );
    expect(after).toBe(before);
  });

  it("lets a Kommune-Bearbeiter import only its own Kommune", async () => {
    const other = `${HEADER}\n05766044;Lemgo;10124;;;online;;;;15.01.2026;`;
    const result = (await upload("preview", other, detmoldEditor)).json<ImportResult>();
    expect(result.problems[0]).toMatchObject({
      row: 2,
      column: "Schlüssel",
      message: expect.stringContaining("nicht ändern"),
    });
    expectProblem(
      await upload("preview", other, await authHeaders(server.db, "leser")),
      403,
      "forbidden",
    );
  });

  it("commits a clean file atomically with a summary audit record and one per changed Leistung", async () => {
    const response = await upload("commit", good, detmoldEditor);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<ImportResult>().committed).toBe(true);
    expect(await status("05766020", 10124)).toBe("online");
    const [record] = await server.db.query<{ quality: string; info_source: string }>(
      sql`SELECT quality, info_source FROM ozg_onboarding WHERE organisation_key = '05766020' AND component = 'epayment'`,
    );
    expect(record).toEqual({ quality: "self_reported", info_source: "Umfrage 2026" });
    const audit = await server.db.query<{ via: string; entity_type: string; entity_id: string }>(
      sql`SELECT via, entity_type, entity_id FROM audit_log ORDER BY id DESC LIMIT 3`,
    );
    // The checklist row (E-Payment) has no ozg_adoption entry; the one before is older.
    expect(audit.slice(0, 2)).toEqual([
      { via: "import", entity_type: "ozg_adoption_import", entity_id: "umsetzung.csv" },
      { via: "import", entity_type: "ozg_adoption", entity_id: "05766020/10124" },
    ]);
    expect(audit[2]?.via).not.toBe("import");
    const again = (await upload("preview", good, detmoldEditor)).json<ImportResult>();
    expect(again.counts).toMatchObject({ new: 0, changed: 0, unchanged: 2 });
  });

  it("serves a template pre-filled with a Kommune's Leistungen that reads back cleanly", async () => {
    const response = await server.app.inject({
      url: "/api/ozg/adoption/template.csv?ags=05766020",
      headers: admin,
    });
    expect(response.statusCode).toBe(200);
    const lines = response.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(HEADER);
    expect(
      lines.some((line) => line.startsWith("05766020;Detmold;10124;Wohnsitzmeldungen;;online;")),
    ).toBe(true);
    const preview = (await upload("preview", response.body)).json<ImportResult>();
    expect(preview.problemCount).toBe(0);
    expect(preview.counts.new + preview.counts.changed + preview.counts.unchanged).toBe(
      lines.length - 1,
    );
  });

  it("reads the sheet of an Excel workbook as well", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Hinweise").addRow(["Bitte das Blatt OZG-Umsetzung ausfüllen."]);
    const sheet = workbook.addWorksheet("OZG-Umsetzung");
    sheet.addRow(["Schlüssel", "OZG-ID", "Status", "Geplant zum", "Stand"]);
    sheet.addRow([
      5766020,
      10145,
      "geplant",
      new Date(Date.UTC(2026, 8, 1)),
      new Date(Date.UTC(2026, 1, 1)),
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await server.app.inject({
      method: "POST",
      url: "/api/ozg/adoption/import/preview",
      headers: admin,
      payload: { fileName: "stand.xlsx", content: bytes.toString("base64") },
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<ImportResult>();
    expect(result).toMatchObject({
      problemCount: 0,
      notes: ["Blatt „Hinweise“ wurde nicht gelesen."],
    });
    expect(result.counts.new + result.counts.changed + result.counts.unchanged).toBe(1);
  });

  it("refuses a body without content", async () => {
    expectInvalidParameter(
      await server.app.inject({
        method: "POST",
        url: "/api/ozg/adoption/import/preview",
        headers: admin,
        payload: {},
      }),
      "fileName",
    );
  });
});
