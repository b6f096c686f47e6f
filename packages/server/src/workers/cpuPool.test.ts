import ExcelJS from "exceljs";
import fc from "fast-check";
import { InputError } from "@it-atlas/domain";
import { afterAll, describe, expect, it } from "vitest";
import { readAndCheckImportFile } from "../import/importService.ts";
import { zipBomb } from "../import/zipBomb.testing.ts";
import { CpuPool } from "./cpuPool.ts";

const pool = new CpuPool({ threads: 1 });
afterAll(() => pool.close());

const HEADER =
  "AGS;Leistungsbereich;Betriebsmodell;IT-Dienstleister;Laufende Kosten (€/Jahr);Gültig ab";

const sourcingLine = fc
  .tuple(
    fc.constantFrom("05766020", "5766044", "05111000", "0511", ""),
    fc.constantFrom("einwohnerwesen", "Personenstandswesen", "gibt-es-nicht", ""),
    fc.constantFrom("Eigener Betrieb", "IT-Dienstleister", "Cloud", ""),
    fc.constantFrom("", "krzn", "gibt-es-nicht"),
    fc.constantFrom("", "1.234,5", "abc", "-3"),
    fc.constantFrom("01.01.2031", "2024-02-30", "", "31.12.1999"),
  )
  .map((cells) => cells.join(";"));

describe("CpuPool", () => {
  it("checks an import file in a worker exactly as in this thread (CSV, any rows)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sourcingLine, { maxLength: 30 }), async (lines) => {
        const bytes = new TextEncoder().encode([HEADER, ...lines].join("\r\n"));
        const inThread = await readAndCheckImportFile(bytes, "bezuege.csv");
        const inWorker = await pool.run("import.check", { bytes, fileName: "bezuege.csv" });
        expect(inWorker).toEqual(inThread);
      }),
      { numRuns: 25 },
    );
  });

  it("checks a workbook with several sheets, formulas and an unknown sheet as in this thread", async () => {
    const workbook = new ExcelJS.Workbook();
    const sourcing = workbook.addWorksheet("Bezüge");
    sourcing.addRow(HEADER.split(";"));
    sourcing.addRow([
      "05766020",
      "einwohnerwesen",
      "Eigener Betrieb",
      null,
      1234.5,
      new Date(Date.UTC(2031, 0, 1)),
    ]);
    sourcing.addRow([
      "05766044",
      "einwohnerwesen",
      "IT-Dienstleister",
      "gibt-es-nicht",
      { formula: "1+1", result: 2 },
      "01.01.2031",
    ]);
    workbook.addWorksheet("Notizen").addRow(["frei"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const inThread = await readAndCheckImportFile(bytes, "mappe.xlsx");
    const inWorker = await pool.run("import.check", { bytes, fileName: "mappe.xlsx" });
    expect(inWorker).toEqual(inThread);
    expect(inWorker.rows.get("sourcing")?.length).toBe(1);
    expect(inWorker.problems.length).toBeGreaterThan(0);
  });

  it("re-throws the worker's application errors as their own class with code and German text", async () => {
    const refusal = await pool
      .run("import.check", { bytes: new Uint8Array(), fileName: "leer.csv" })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(InputError);
    expect(refusal).toMatchObject({ code: "import_empty", detail: "Die Datei ist leer." });
  });

  it("refuses a ZIP bomb in the worker by its real unpacked size", async () => {
    const refusal = await pool
      .run("import.inspect", { bytes: await zipBomb(801) })
      .catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: "import_unpacked_too_large" });
    expect(await pool.run("import.inspect", { bytes: new TextEncoder().encode("a;b") })).toEqual({
      unpackedBytes: null,
    });
  });
});
