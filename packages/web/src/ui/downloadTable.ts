import { toCsv, type CsvColumn } from "@it-atlas/domain";
import { toXlsx } from "./xlsxFile.ts";

/** Formats every list can be exported in. */
export type TableFormat = "csv" | "xlsx";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Offers rows as a download: CSV for German Excel (semicolon, decimal comma, UTF-8 with BOM
 * so Excel reads the umlauts) or an .xlsx workbook with the same columns. Text that a
 * spreadsheet would run as a formula (= + - @) is neutralised in both.
 */
export function downloadTable<Row>(
  fileStem: string,
  format: TableFormat,
  columns: ReadonlyArray<CsvColumn<Row>>,
  rows: readonly Row[],
  sheetName = "Liste",
): void {
  const blob =
    format === "csv"
      ? new Blob(["\uFEFF", toCsv(columns, rows)], { type: "text/csv;charset=utf-8" })
      : new Blob([toXlsx(sheetName, columns, rows) as BlobPart], { type: XLSX_TYPE });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `${fileStem}.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
