import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "@it-atlas/domain";
import { MAX_CSV_LINE_BYTES, readImportFile } from "./readImportFile.ts";
import { loadWorkbook, MAX_UNPACKED_BYTES, readWorkbook, streamWorkbook } from "./readWorkbook.ts";
import { zipBomb } from "./zipBomb.testing.ts";
import { measureUnpackedSize, worksheetsHaveMergedCells } from "./zipEntrySizes.ts";

const cell = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.boolean(),
  fc.date({ min: new Date("1950-01-01"), max: new Date("2090-12-31"), noInvalidDate: true }),
  fc.constantFrom(
    null,
    "=1+1",
    " Detmold ",
    { formula: "A1*2", result: 4 },
    { error: "#DIV/0!" },
    { richText: [{ text: "fett", font: { bold: true } }, { text: " normal" }] },
  ),
);

/** Empty-text cells: the careful path keeps them, streaming drops them; the import reads both as empty. */
function withoutBlankRows(sheets: Awaited<ReturnType<typeof loadWorkbook>> | undefined) {
  const blank = (value: unknown) => value === null || value === "";
  return sheets?.map((sheet) => ({
    ...sheet,
    rows: sheet.rows
      .filter(
        (row) =>
          row.cells.some((value) => !blank(value)) ||
          sheet.problems.some((problem) => problem.row === row.number),
      )
      .map((row) => {
        const cells = row.cells.map((value) => (blank(value) ? null : value));
        while (cells.length > 0 && cells.at(-1) === null) cells.pop();
        return { ...row, cells };
      }),
  }));
}

async function workbook(sheets: Array<{ name: string; rows: unknown[][] }>, shared: boolean) {
  const book = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = book.addWorksheet(sheet.name);
    for (const row of sheet.rows) worksheet.addRow(row);
  }
  const buffer = await book.xlsx.writeBuffer({
    useSharedStrings: shared,
  });
  return new Uint8Array(buffer);
}

describe("readWorkbook", () => {
  it("reads the same rows and problems by streaming as by loading the whole workbook (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 }),
        fc.boolean(),
        async (rows, shared) => {
          const bytes = await workbook(
            [
              { name: "Bezüge", rows: [["AGS", "Leistungsbereich", "Gültig ab"], ...rows] },
              { name: "Hinweise", rows: [["Text"], [], ["mehr"]] },
            ],
            shared,
          );
          const streamed = await streamWorkbook(bytes);
          expect(streamed).toBeDefined();
          expect(withoutBlankRows(streamed)).toEqual(withoutBlankRows(await loadWorkbook(bytes)));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("takes the careful path for merged cells and still reports them", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Bezüge");
    sheet.addRow(["AGS", "Leistungsbereich"]);
    sheet.addRow(["05766020", "einwohnerwesen"]);
    sheet.mergeCells("A1:B1");
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    expect(worksheetsHaveMergedCells(bytes)).toBe(true);
    const [read] = await readWorkbook(bytes);
    expect(read?.problems[0]?.message).toMatch(/verbundene Zellen/);
  });
});

describe("ZIP bomb", () => {
  it("measures the real unpacked size, not the understated one in the directory", async () => {
    const bomb = await zipBomb(8, 100);
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    expect(await measureUnpackedSize(bomb, 16 * 1024 * 1024)).toEqual({
      kind: "ok",
      bytes: 8 * 1024 * 1024,
    });
    expect(await measureUnpackedSize(bomb, 4 * 1024 * 1024)).toEqual({
      kind: "too_large",
      budget: 4 * 1024 * 1024,
    });
  });

  it("refuses an .xlsx that unpacks past 800 MB while declaring 1 KB, with the German reason", async () => {
    const bomb = await zipBomb(MAX_UNPACKED_BYTES / 1024 / 1024 + 1);
    const refusal = await readImportFile(bomb, "bombe.xlsx").catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(InputError);
    expect(refusal).toMatchObject({
      code: "import_unpacked_too_large",
      detail: expect.stringContaining("Die Datei entpackt sich zu mehr als 800 MB"),
    });
  });

  it("calls a truncated archive unreadable", async () => {
    const bomb = await zipBomb(1);
    const truncated = bomb.subarray(0, bomb.byteLength - 30);
    expect(await measureUnpackedSize(truncated, MAX_UNPACKED_BYTES)).toEqual({
      kind: "unreadable",
    });
  });
});

describe("CSV without line breaks", () => {
  it("refuses a line longer than any table row before parsing it", async () => {
    const line = new Uint8Array(MAX_CSV_LINE_BYTES + 1).fill(0x41);
    const refusal = await readImportFile(line, "eine-zeile.csv").catch((error: unknown) => error);
    expect(refusal).toMatchObject({
      code: "import_unreadable",
      detail: expect.stringContaining("Zeile 1 ist länger als"),
    });
    const fine = new TextEncoder().encode("AGS;Leistungsbereich\r\n05766020;einwohnerwesen\r\n");
    expect((await readImportFile(fine, "ok.csv")).sheets[0]?.rows).toHaveLength(2);
  });
});
