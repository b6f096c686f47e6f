import { toCsv, type CsvColumn } from "@it-atlas/domain";

/** Offers rows as a CSV download (UTF-8 with BOM so Excel reads the umlauts). */
export function downloadCsv<Row>(
  fileName: string,
  columns: ReadonlyArray<CsvColumn<Row>>,
  rows: readonly Row[],
): void {
  const blob = new Blob(["\uFEFF", toCsv(columns, rows)], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
