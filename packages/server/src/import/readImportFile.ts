import { IMPORT_LIMITS, InputError, readCsvFile } from "@it-atlas/domain";
import { readWorkbook, type ReadSheet } from "./readWorkbook.ts";

/** ZIP files (and so .xlsx) start with "PK\x03\x04". */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Longest line a CSV file may have: every column at Excel's cell limit, three bytes per
 * character. Longer lines are no table (e.g. a binary file); parsing them would only cost
 * memory.
 */
export const MAX_CSV_LINE_BYTES = IMPORT_LIMITS.maxColumns * (IMPORT_LIMITS.maxCellLength * 3 + 3);

/** Number (1-based) of the first line longer than {@link MAX_CSV_LINE_BYTES}, if any. */
function firstOverlongLine(bytes: Uint8Array): number | undefined {
  let start = 0;
  let line = 1;
  for (;;) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end < 0 ? bytes.length : end;
    if (stop - start > MAX_CSV_LINE_BYTES) return line;
    if (end < 0) return undefined;
    start = end + 1;
    line += 1;
  }
}

/** The file format an upload was read as. */
export type ImportFormat = "xlsx" | "csv";

/**
 * Reads an uploaded file into sheets of raw cells: an .xlsx workbook (all sheets) or a CSV
 * file (one sheet named after the file). Decides by content, not by file name, because
 * browsers and users rename files.
 */
export async function readImportFile(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ format: ImportFormat; sheets: ReadSheet[] }> {
  if (bytes.byteLength === 0) throw new InputError("import_empty", "Die Datei ist leer.");
  if (bytes.byteLength > IMPORT_LIMITS.maxBytes) {
    throw new InputError(
      "import_too_large",
      `Die Datei ist größer als ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB. Bitte in kleinere Dateien aufteilen.`,
    );
  }
  if (isZip(bytes)) return { format: "xlsx", sheets: await readWorkbook(bytes) };
  const overlong = firstOverlongLine(bytes);
  if (overlong !== undefined) {
    throw new InputError(
      "import_unreadable",
      `Die Datei ist keine lesbare Tabelle: Zeile ${overlong.toLocaleString("de-DE")} ist länger als ${Math.round(MAX_CSV_LINE_BYTES / 1024 / 1024)} MB. Bitte als CSV (Semikolon getrennt) oder als Excel-Arbeitsmappe (*.xlsx) speichern.`,
    );
  }
  const csv = readCsvFile(bytes);
  if (!csv.ok) throw new InputError("import_unreadable", csv.message);
  if (csv.rows.length > IMPORT_LIMITS.maxRows + 1) {
    throw new InputError(
      "import_too_large",
      `Die Datei hat mehr als ${IMPORT_LIMITS.maxRows.toLocaleString("de-DE")} Zeilen. Bitte in kleinere Dateien aufteilen.`,
    );
  }
  return {
    format: "csv",
    sheets: [
      {
        name: fileName,
        rows: csv.rows.map((cells, index) => ({ number: index + 1, cells })),
        problems: [],
      },
    ],
  };
}
