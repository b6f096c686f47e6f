import ExcelJS from "exceljs";
import {
  IMPORT_LIMITS,
  InputError,
  problemValue,
  type ImportProblem,
  type RawCell,
} from "@it-atlas/domain";
import { Readable } from "node:stream";
import { measureUnpackedSize, worksheetsHaveMergedCells } from "./zipEntrySizes.ts";

/** A sheet read from a workbook or CSV file: rows by their Excel number. */
export interface ReadSheet {
  name: string;
  /** Header (row 1) and data rows; `number` is the row as Excel shows it. */
  rows: Array<{ number: number; cells: RawCell[] }>;
  /** Problems found while reading (formulas, merged cells, error values, size). */
  problems: ImportProblem[];
}

/**
 * Bytes an .xlsx may really unpack to (measured by inflating, never taken from the archive's
 * own directory); real templates with 250,000 rows stay far below.
 */
export const MAX_UNPACKED_BYTES = 800 * 1024 * 1024;

/** Refusal of a workbook that unpacks to more than {@link MAX_UNPACKED_BYTES}. */
export function unpackedTooLarge(budget = MAX_UNPACKED_BYTES): InputError {
  return new InputError(
    "import_unpacked_too_large",
    `Die Datei entpackt sich zu mehr als ${Math.round(budget / 1024 / 1024)} MB. So große Arbeitsmappen werden nicht eingelesen – bitte die Daten auf mehrere kleinere Dateien aufteilen.`,
  );
}

/**
 * Checks an .xlsx before anything unpacks it for real: a readable ZIP whose entries inflate
 * to at most `budget` bytes in total. Throws the German refusal otherwise.
 */
export async function assertWorkbookUnpacksWithin(
  bytes: Uint8Array,
  budget = MAX_UNPACKED_BYTES,
): Promise<number> {
  const unpacked = await measureUnpackedSize(bytes, budget);
  if (unpacked.kind === "unreadable") throw unreadableWorkbook();
  if (unpacked.kind === "too_large") throw unpackedTooLarge(unpacked.budget);
  return unpacked.bytes;
}

/** Refusal of a file that is not a readable workbook (German message for people). */
export function unreadableWorkbook(detail?: string): InputError {
  return new InputError(
    "import_unreadable",
    detail ??
      "Die Datei ist keine lesbare Excel-Arbeitsmappe (.xlsx). Bitte als „Excel-Arbeitsmappe (*.xlsx)“ oder als CSV speichern.",
  );
}

function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "richText" in value) {
    const parts = (value as { richText: Array<{ text?: unknown }> }).richText;
    return parts.map((part) => (typeof part.text === "string" ? part.text : "")).join("");
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

/** A cell's value as a raw import cell, or a German reason why it cannot be imported. */
function toRawCell(cell: ExcelJS.Cell): { value: RawCell } | { problem: string; shown: string } {
  const value = cell.value;
  if (
    cell.type === ExcelJS.ValueType.Formula ||
    (value && typeof value === "object" && ("formula" in value || "sharedFormula" in value))
  ) {
    return {
      problem:
        "Die Zelle enthält eine Formel. Formeln werden nicht eingelesen – bitte die Werte einfügen („Inhalte einfügen → Werte“).",
      shown: `=${textOf((value as { formula?: unknown }).formula) || "…"}`,
    };
  }
  if (value === null || value === undefined) return { value: null };
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return { value };
  }
  if (value instanceof Date) return { value };
  if (typeof value === "object" && "error" in value) {
    return {
      problem: `Die Zelle enthält den Fehlerwert ${String(value.error)}.`,
      shown: String(value.error),
    };
  }
  if (typeof value === "object" && "richText" in value) return { value: textOf(value) };
  if (typeof value === "object" && "text" in value) return { value: textOf(value.text) };
  return { value: null };
}

/**
 * Reads every worksheet of an .xlsx file into raw cells. Refuses what cannot be imported
 * safely: files that are not workbooks or unpack to absurd sizes, sheets with too many
 * columns, formulas (their cached result may be stale), error values and merged cells.
 */
export async function readWorkbook(bytes: Uint8Array): Promise<ReadSheet[]> {
  await assertWorkbookUnpacksWithin(bytes);
  // Streaming is several times faster and lighter for large files, but exceljs's streaming
  // reader ignores merged cells: files with any take the careful path that reports them.
  if (worksheetsHaveMergedCells(bytes, MAX_UNPACKED_BYTES) === false) {
    const streamed = await streamWorkbook(bytes);
    if (streamed) return streamed;
  }
  return loadWorkbook(bytes);
}

/** Reads every worksheet after loading the whole workbook model (merged cells known). */
export async function loadWorkbook(bytes: Uint8Array): Promise<ReadSheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
    );
  } catch {
    throw unreadableWorkbook();
  }
  const sheets: ReadSheet[] = [];
  for (const worksheet of workbook.worksheets) {
    const name = worksheet.name;
    const problems: ImportProblem[] = [];
    const rows: ReadSheet["rows"] = [];
    if (worksheet.columnCount > IMPORT_LIMITS.maxColumns) {
      problems.push({
        sheet: name,
        row: null,
        column: null,
        value: String(worksheet.columnCount),
        message: `Das Blatt hat ${worksheet.columnCount} Spalten; erlaubt sind höchstens ${IMPORT_LIMITS.maxColumns}. Bitte die Vorlage verwenden.`,
      });
      sheets.push({ name, rows, problems });
      continue;
    }
    if (worksheet.rowCount > IMPORT_LIMITS.maxRows + 1) {
      problems.push({
        sheet: name,
        row: null,
        column: null,
        value: String(worksheet.rowCount),
        message: `Das Blatt hat mehr als ${IMPORT_LIMITS.maxRows.toLocaleString("de-DE")} Zeilen. Bitte in kleinere Dateien aufteilen.`,
      });
      sheets.push({ name, rows, problems });
      continue;
    }
    const header = worksheet.getRow(1);
    worksheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: RawCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        if (cell.isMerged) {
          // One problem per merged range: at its top-left (master) cell.
          if (cell.type === ExcelJS.ValueType.Merge) return;
          problems.push({
            sheet: name,
            row: number,
            column:
              number === 1
                ? textOf(cell.master.value) || null
                : textOf(header.getCell(column).value) || null,
            value: problemValue(textOf(cell.master.value)),
            message:
              number === 1
                ? "Die Kopfzeile enthält verbundene Zellen. Bitte die Verbindung aufheben: jede Spalte braucht ihre eigene Überschrift."
                : "Die Zeile enthält verbundene Zellen. Bitte die Verbindung aufheben und den Wert in jede Zelle schreiben.",
          });
          return;
        }
        const read = toRawCell(cell);
        if ("problem" in read) {
          problems.push({
            sheet: name,
            row: number,
            column: number === 1 ? null : textOf(header.getCell(column).value) || null,
            value: problemValue(read.shown),
            message: read.problem,
          });
          return;
        }
        cells[column - 1] = read.value;
      });
      for (let index = 0; index < cells.length; index += 1) cells[index] ??= null;
      rows.push({ number, cells });
    });
    sheets.push({ name, rows, problems });
  }
  return sheets;
}

function tooManyColumns(name: string, columns: number): ImportProblem {
  return {
    sheet: name,
    row: null,
    column: null,
    value: String(columns),
    message: `Das Blatt hat ${columns} Spalten; erlaubt sind höchstens ${IMPORT_LIMITS.maxColumns}. Bitte die Vorlage verwenden.`,
  };
}

function tooManyRows(name: string, rows: number): ImportProblem {
  return {
    sheet: name,
    row: null,
    column: null,
    value: String(rows),
    message: `Das Blatt hat mehr als ${IMPORT_LIMITS.maxRows.toLocaleString("de-DE")} Zeilen. Bitte in kleinere Dateien aufteilen.`,
  };
}

/**
 * Reads the worksheets row by row with exceljs's streaming reader (no workbook model in
 * memory). Returns undefined when the file needs the careful path: it cannot be streamed,
 * or a sheet came before the styles or sheet names it depends on (date cells, names).
 */
export async function streamWorkbook(bytes: Uint8Array): Promise<ReadSheet[] | undefined> {
  const sheets: ReadSheet[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
      worksheets: "emit",
      entries: "ignore",
    });
    const state = reader as unknown as { styles?: unknown; model?: { sheets?: unknown[] } };
    for await (const worksheet of reader) {
      const sheet = worksheet as unknown as ExcelJS.Worksheet & AsyncIterable<ExcelJS.Row>;
      const named = (state.model?.sheets ?? []).length > 0;
      if (!state.styles || !named) return undefined;
      const name = sheet.name;
      const problems: ImportProblem[] = [];
      const rows: ReadSheet["rows"] = [];
      let headers: string[] = [];
      let stopped = false;
      for await (const row of sheet) {
        if (stopped) continue;
        const number = row.number;
        if (rows.length > IMPORT_LIMITS.maxRows) {
          problems.push(tooManyRows(name, number));
          rows.length = 0;
          stopped = true;
          continue;
        }
        const cells: RawCell[] = [];
        let seen = false;
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          seen = true;
          if (column > IMPORT_LIMITS.maxColumns) {
            stopped = true;
            return;
          }
          const read = toRawCell(cell);
          if ("problem" in read) {
            problems.push({
              sheet: name,
              row: number,
              column: number === 1 ? null : (headers[column - 1] ?? null),
              value: problemValue(read.shown),
              message: read.problem,
            });
            return;
          }
          cells[column - 1] = read.value;
        });
        if (stopped) {
          problems.length = 0;
          problems.push(tooManyColumns(name, row.cellCount));
          rows.length = 0;
          continue;
        }
        for (let index = 0; index < cells.length; index += 1) cells[index] ??= null;
        if (number === 1) headers = cells.map((cell) => (cell === null ? "" : textOf(cell)));
        // As the careful path: rows with any cell (even one refused above) are kept.
        if (seen) rows.push({ number, cells });
      }
      sheets.push({ name, rows, problems });
    }
  } catch {
    return undefined;
  }
  return sheets;
}
