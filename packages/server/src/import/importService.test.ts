import ExcelJS from "exceljs";
import fc from "fast-check";
import { sql } from "@it-atlas/db";
import { useTestDatabase } from "@it-atlas/db/testing";
import { describe, expect, it } from "vitest";
import { exportLandscapeList } from "../export/exportFiles.ts";
import { LandscapeReader, todayInGermany } from "../services/landscapeService.ts";
import { runImport } from "./importService.ts";
import { importActor } from "./importTesting.ts";

const database = useTestDatabase();
const admin = importActor({ role: "administrator" });
const detmold = importActor({ role: "kommune_bearbeiter", organisationKey: "05766020" });

const HEADER =
  "AGS;Leistungsbereich;Betriebsmodell;IT-Dienstleister;Laufende Kosten (€/Jahr);Gültig ab";

function csv(...lines: string[]): Uint8Array {
  return new TextEncoder().encode([HEADER, ...lines].join("\r\n"));
}

async function sourcingCount(): Promise<number> {
  const [row] = await database.db.query<{ count: number }>(
    sql`SELECT count(*)::int AS count FROM sourcing`,
  );
  return row?.count ?? 0;
}

async function xlsx(
  build: (sheet: ExcelJS.Worksheet) => void,
  name = "Bezüge",
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet(name));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("runImport", () => {
  it("finds no changes when an export of the landscape is imported again (CSV and XLSX)", async () => {
    const reader = new LandscapeReader(database.db);
    for (const format of ["csv", "xlsx"] as const) {
      const file = await exportLandscapeList(
        reader,
        { asOf: todayInGermany(), kreis: "05766" },
        admin.principal,
        format,
      );
      const result = await runImport(database.db, file.body, {
        fileName: file.fileName,
        actor: admin,
        commit: true,
      });
      expect(result.problems).toEqual([]);
      expect(result.counts).toMatchObject({ new: 0, changed: 0, invalid: 0 });
      expect(result.counts.unchanged).toBeGreaterThan(100);
      expect(result.committed).toBe(false);
    }
  });

  it("previews changes and problems, refuses to commit while a row is invalid, then commits once", async () => {
    const before = await sourcingCount();
    const broken = csv(
      "5766020;einwohnerwesen;Eigener Betrieb;;1.234.567,89;01.01.2031",
      "05766044;einwohnerwesen;IT-Dienstleister;gibt-es-nicht;;01.01.2031",
    );
    const preview = await runImport(database.db, broken, {
      fileName: "test.csv",
      actor: admin,
      commit: true,
    });
    expect(preview.committed).toBe(false);
    expect(preview.counts).toEqual({ new: 0, changed: 1, unchanged: 0, invalid: 1 });
    expect(preview.problems).toEqual([
      {
        sheet: "test.csv",
        row: 3,
        column: "IT-Dienstleister",
        value: "gibt-es-nicht",
        message: "IT-Dienstleister „gibt-es-nicht“ ist unbekannt.",
      },
    ]);
    expect(await sourcingCount()).toBe(before);

    const fixed = csv(
      "5766020;einwohnerwesen;Eigener Betrieb;;1.234.567,89;01.01.2031",
      "05766044;einwohnerwesen;IT-Dienstleister;owl-it;;01.01.2031",
    );
    const committed = await runImport(database.db, fixed, {
      fileName: "test.csv",
      actor: admin,
      commit: true,
    });
    expect(committed).toMatchObject({ committed: true, counts: { changed: 2, invalid: 0 } });
    expect(await sourcingCount()).toBe(before + 2);
    const [row] = await database.db.query<{
      running_cost: number;
      change_reason: string;
      quality: string;
      predecessor_id: number | null;
    }>(
      sql`SELECT running_cost, change_reason, quality, predecessor_id FROM sourcing
          WHERE organisation_key = '05766020' AND domain_id = 'einwohnerwesen' AND valid_to IS NULL`,
    );
    expect(row).toMatchObject({
      running_cost: 1_234_567.89,
      change_reason: "Import test.csv",
      quality: "user",
    });
    expect(row?.predecessor_id).not.toBeNull();
    const [audit] = await database.db.query<{ count: number }>(
      sql`SELECT count(*)::int AS count FROM audit_log WHERE entity_type = 'import' AND action = 'import'`,
    );
    expect(audit?.count).toBe(1);

    const again = await runImport(database.db, fixed, {
      fileName: "test.csv",
      actor: admin,
      commit: true,
    });
    expect(again).toMatchObject({
      committed: false,
      counts: { new: 0, changed: 0, unchanged: 2, invalid: 0 },
    });
    expect(await sourcingCount()).toBe(before + 2);
  });

  it("reports every problem of a row in one pass: a range error does not hide an unknown AGS or Leistungsbereich (issue 16, defect 5)", async () => {
    const result = await runImport(
      database.db,
      csv("05999999;gibtsnicht;IT-Dienstleister;owl-it;-5;01.01.2030"),
      { fileName: "bezuege.csv", actor: admin, commit: false },
    );
    expect(result.counts.invalid).toBe(1);
    const messages = result.problems.map((problem) => `${problem.column}: ${problem.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Laufende Kosten \(€\/Jahr\): .*negativ/),
        "AGS: Es gibt keine Kommune mit dem Schlüssel „05999999“.",
        expect.stringMatching(/^Leistungsbereich: Es gibt keinen Leistungsbereich „gibtsnicht“/),
      ]),
    );
    expect(result.problemCount).toBe(3);
  });

  it("imports a history (several days per Kommune and domain) in order and refuses rewriting the past", async () => {
    const history = csv(
      "05766008;schulverwaltung;Eigener Betrieb;;100;01.01.2032",
      "05766008;schulverwaltung;Eigener Betrieb;;200;01.01.2033",
      "05766008;schulverwaltung;Eigener Betrieb;;300;01.01.2034",
    );
    const result = await runImport(database.db, history, {
      fileName: "verlauf.csv",
      actor: admin,
      commit: true,
    });
    expect(result).toMatchObject({ committed: true, counts: { changed: 3, invalid: 0 } });
    const versions = await database.db.query<{
      valid_from: string;
      valid_to: string | null;
      running_cost: number;
    }>(
      sql`SELECT valid_from, valid_to, running_cost FROM sourcing
          WHERE organisation_key = '05766008' AND domain_id = 'schulverwaltung' AND valid_from >= '2032-01-01' ORDER BY valid_from`,
    );
    expect(versions).toEqual([
      { valid_from: "2032-01-01", valid_to: "2033-01-01", running_cost: 100 },
      { valid_from: "2033-01-01", valid_to: "2034-01-01", running_cost: 200 },
      { valid_from: "2034-01-01", valid_to: null, running_cost: 300 },
    ]);
    const again = await runImport(database.db, history, {
      fileName: "verlauf.csv",
      actor: admin,
      commit: true,
    });
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 3, invalid: 0 });
    const past = await runImport(database.db, csv("05766008;schulverwaltung;Land;;;01.06.2032"), {
      fileName: "x.csv",
      actor: admin,
      commit: false,
    });
    expect(past.problems[0]?.message).toBe(
      "Der aktuelle Stand gilt seit 01.01.2034; Änderungen müssen an oder nach diesem Tag beginnen.",
    );
  });

  it("lets a Kommune-Bearbeiter import only its own Kommune", async () => {
    const result = await runImport(
      database.db,
      csv("05766020;einwohnerwesen;Land;;;01.01.2035", "05766044;einwohnerwesen;Land;;;01.01.2035"),
      { fileName: "x.csv", actor: detmold, commit: true },
    );
    expect(result.committed).toBe(false);
    expect(result.counts).toMatchObject({ changed: 1, invalid: 1 });
    expect(result.problems).toMatchObject([
      { row: 3, column: "AGS", message: expect.stringMatching(/nicht ändern/) },
    ]);
  });

  it("marks rows of a Kommune-Bearbeiter's own Kommune as self-reported", async () => {
    const result = await runImport(database.db, csv("05766020;einwohnerwesen;Land;;;01.01.2036"), {
      fileName: "selbst.csv",
      actor: detmold,
      commit: true,
    });
    expect(result.committed).toBe(true);
    const [row] = await database.db.query<{ quality: string }>(
      sql`SELECT quality FROM sourcing WHERE organisation_key = '05766020' AND domain_id = 'einwohnerwesen' AND valid_to IS NULL`,
    );
    expect(row?.quality).toBe("self_reported");
  });
});

describe("export → import round trip", () => {
  it("finds no changes for any filter, format and viewer (property)", async () => {
    const reader = new LandscapeReader(database.db);
    const leser = importActor({ role: "leser" });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("csv" as const, "xlsx" as const),
        fc.constantFrom("05766", "05774", "05911", "05334"),
        fc.option(fc.constantFrom("einwohnerwesen", "finanzwesen", "schulverwaltung", "e-akte"), {
          nil: undefined,
        }),
        fc.constantFrom("admin", "leser", "kommune"),
        async (format, kreis, domain, viewer) => {
          const exporter = viewer === "admin" ? admin : viewer === "leser" ? leser : detmold;
          const filter =
            viewer === "kommune" ? { organisation: "05766020", domain } : { kreis, domain };
          const file = await exportLandscapeList(
            reader,
            { asOf: todayInGermany(), ...filter },
            exporter.principal,
            format,
          );
          // A reader's export (confidential figures hidden) is imported by an administrator.
          const importer = viewer === "leser" ? admin : exporter;
          const result = await runImport(database.db, file.body, {
            fileName: file.fileName,
            actor: importer,
            commit: true,
          });
          expect(result.problems).toEqual([]);
          expect(result.counts).toMatchObject({ new: 0, changed: 0, invalid: 0 });
          expect(result.committed).toBe(false);
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});

describe("runImport on broken and hostile files", () => {
  const cases: Array<[string, () => Promise<Uint8Array>, RegExp]> = [
    ["an empty file", async () => new Uint8Array(), /leer/],
    [
      "random bytes",
      async () => Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256),
      /weder eine Excel-Arbeitsmappe/,
    ],
    [
      "a truncated workbook",
      async () => (await xlsx((sheet) => sheet.addRow(["AGS"]))).slice(0, 300),
      /keine lesbare Excel-Arbeitsmappe/,
    ],
  ];
  it.each(cases)("refuses %s with a German message", async (_name, build, message) => {
    const before = await sourcingCount();
    await expect(
      runImport(database.db, await build(), {
        fileName: "kaputt.xlsx",
        actor: admin,
        commit: true,
      }),
    ).rejects.toMatchObject({
      detail: expect.stringMatching(message),
    });
    expect(await sourcingCount()).toBe(before);
  });

  const sheetCases: Array<[string, () => Promise<Uint8Array>, RegExp]> = [
    [
      "formula cells",
      () =>
        xlsx((sheet) => {
          sheet.addRow(HEADER.split(";"));
          sheet.addRow([
            "05766020",
            "einwohnerwesen",
            "Land",
            null,
            { formula: "1+1", result: 2 },
            "01.01.2037",
          ]);
        }),
      /enthält eine Formel/,
    ],
    [
      "merged header cells",
      () =>
        xlsx((sheet) => {
          sheet.addRow([...HEADER.split(";"), "Extra"]);
          sheet.mergeCells("F1:G1");
          sheet.addRow(["05766020", "einwohnerwesen", "Land", null, null, "01.01.2037"]);
        }),
      /verbundene Zellen/,
    ],
    [
      "unknown columns",
      () => xlsx((sheet) => void sheet.addRow([...HEADER.split(";"), "Lieblingsfarbe"])),
      /Unbekannte Spalte „Lieblingsfarbe“/,
    ],
    [
      "1,000 columns",
      () =>
        xlsx(
          (sheet) =>
            void sheet.addRow(Array.from({ length: 1000 }, (_, index) => `Spalte ${index}`)),
        ),
      /1000 Spalten/,
    ],
    [
      "a 10 MB cell",
      () =>
        xlsx((sheet) => {
          sheet.addRow(HEADER.split(";"));
          sheet.addRow([
            "05766020",
            "einwohnerwesen",
            "Land",
            "x".repeat(10 * 1024 * 1024),
            null,
            "01.01.2037",
          ]);
        }),
      /Zelle ist zu lang/,
    ],
    [
      "wrong types",
      () =>
        xlsx((sheet) => {
          sheet.addRow(HEADER.split(";"));
          sheet.addRow([true, 42, new Date(), 3.5, "viel", "gestern"]);
        }),
      /„AGS“ ist kein Gemeindeschlüssel/,
    ],
    [
      "a workbook without an importable sheet",
      () => xlsx((sheet) => void sheet.addRow(["A"]), "Tabelle1"),
      /kein Blatt, das eingelesen werden kann \(.*„Bezüge“\)/,
    ],
  ];
  it.each(sheetCases)(
    "reports %s as problems and writes nothing",
    async (_name, build, message) => {
      const before = await sourcingCount();
      const result = await runImport(database.db, await build(), {
        fileName: "kaputt.xlsx",
        actor: admin,
        commit: true,
      });
      expect(result.committed).toBe(false);
      expect(result.problems.map((problem) => problem.message).join("\n")).toMatch(message);
      expect(await sourcingCount()).toBe(before);
    },
  );
});
