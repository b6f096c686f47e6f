import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadWorkbook, readWorkbook, streamWorkbook } from "./readWorkbook.ts";
import { worksheetsHaveMergedCells } from "./zipEntrySizes.ts";

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
