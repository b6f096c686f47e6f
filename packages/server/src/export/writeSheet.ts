import type ExcelJS from "exceljs";
import { germanDateText, neutraliseFormula, toCsv, type ExportCell } from "@it-atlas/domain";

/** A table to export: headers in order and rows keyed by header. */
export interface ExportTable {
  name: string;
  headers: readonly string[];
  rows: ReadonlyArray<Record<string, ExportCell>>;
  /** Column widths in characters, by header. */
  widths?: Readonly<Record<string, number>>;
}

function excelValue(cell: ExportCell | undefined): ExcelJS.CellValue {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (typeof cell === "object") return new Date(`${cell.date}T00:00:00Z`);
  // Text that Excel would run as a formula (after a user re-saves as CSV) gets an apostrophe.
  return neutraliseFormula(cell);
}

/**
 * Adds a table as a worksheet: bold frozen header with filter, real numbers and dates
 * (dd.mm.yyyy), text neutralised against formula injection.
 */
export function addTableSheet(workbook: ExcelJS.Workbook, table: ExportTable): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: 1 }] });
  // Headers can carry names people typed (a scenario's name in the comparison): neutralised too.
  sheet.columns = table.headers.map((header) => ({
    header: neutraliseFormula(header),
    key: header,
    width: table.widths?.[header] ?? Math.min(40, Math.max(10, header.length + 2)),
  }));
  const dateColumns = new Set<number>();
  for (const row of table.rows) {
    const values = table.headers.map((header, index) => {
      const cell = row[header];
      if (cell !== null && typeof cell === "object") dateColumns.add(index + 1);
      return excelValue(cell);
    });
    sheet.addRow(values);
  }
  for (const column of dateColumns) sheet.getColumn(column).numFmt = "dd.mm.yyyy";
  sheet.getRow(1).font = { bold: true };
  if (table.headers.length > 0) {
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: 1, column: table.headers.length },
    };
  }
  return sheet;
}

/** A table as CSV for German Excel (semicolon, decimal comma, dates dd.mm.yyyy), with BOM. */
export function tableToCsv(table: ExportTable): string {
  return `\uFEFF${toCsv(
    table.headers.map((header) => ({
      header,
      value: (row: Record<string, ExportCell>) => {
        const cell = row[header];
        return cell !== null && typeof cell === "object" ? germanDateText(cell.date) : cell;
      },
    })),
    table.rows,
  )}`;
}

/** Writes a workbook into a buffer. */
export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
