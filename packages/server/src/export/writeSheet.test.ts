import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addTableSheet } from "./writeSheet.ts";

const FORMULA_START = /^[=+\-@\t\r]/;

describe("addTableSheet", () => {
  it("never writes a header or a text cell that Excel would run as a formula", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom("=", "+", "-", "@"),
        (names, start) => {
          const headers = [...new Set([`${start}HYPERLINK("x")`, ...names])];
          const workbook = new ExcelJS.Workbook();
          const sheet = addTableSheet(workbook, {
            name: "Vergleich",
            headers,
            rows: [Object.fromEntries(headers.map((header) => [header, `${start}1+1`]))],
          });
          sheet.eachRow((row) =>
            row.eachCell((cell) => {
              expect(typeof cell.value === "string" && FORMULA_START.test(cell.value)).toBe(false);
            }),
          );
        },
      ),
      { numRuns: 50 },
    );
  });

  it("keeps the header text readable behind the apostrophe", () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = addTableSheet(workbook, {
      name: "Vergleich",
      headers: ["Kennzahl", "=Szenario A"],
      rows: [{ Kennzahl: "Kosten", "=Szenario A": 12 }],
    });
    expect(sheet.getRow(1).getCell(2).value).toBe("'=Szenario A");
    expect(sheet.getRow(2).getCell(2).value).toBe(12);
  });
});
