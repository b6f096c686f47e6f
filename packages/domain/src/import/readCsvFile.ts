import type { RawCell } from "./cellValues.ts";
import { decodeText, looksBinary, type TextEncoding } from "./decodeText.ts";
import { parseCsv, sniffSeparator, type CsvSeparator } from "./parseCsv.ts";
import { IMPORT_LIMITS } from "./SheetSpec.ts";

/** A CSV file read into rows, or why it cannot be read. */
export type CsvFile =
  | { ok: true; rows: RawCell[][]; encoding: TextEncoding; separator: CsvSeparator }
  | { ok: false; message: string };

/**
 * Reads an uploaded CSV file: detects encoding and separator, parses quoted fields and drops
 * trailing empty lines. Binary data and absurd column counts are refused with a German
 * message instead of being parsed.
 */
export function readCsvFile(bytes: Uint8Array): CsvFile {
  const { text, encoding } = decodeText(bytes);
  if (looksBinary(text)) {
    return {
      ok: false,
      message:
        "Die Datei ist weder eine Excel-Arbeitsmappe (.xlsx) noch eine CSV-Textdatei. Bitte die Vorlage verwenden.",
    };
  }
  const separator = sniffSeparator(text);
  const { rows, tooManyColumns } = parseCsv(text, separator, IMPORT_LIMITS.maxColumns);
  if (tooManyColumns) {
    return {
      ok: false,
      message: `Die Datei hat mehr als ${IMPORT_LIMITS.maxColumns} Spalten; die Vorlage hat weniger als 30. Bitte die Vorlage verwenden.`,
    };
  }
  while (rows.length > 0 && (rows.at(-1) ?? []).every((cell) => cell.trim() === "")) rows.pop();
  return { ok: true, rows, encoding, separator };
}
