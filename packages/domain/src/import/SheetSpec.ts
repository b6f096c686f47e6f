import { comparable, type RawCell } from "./cellValues.ts";
import { problemValue, type ImportProblem } from "./ImportProblem.ts";
import { looksMisdecoded } from "./decodeText.ts";

/** How a column's cells are read. */
export type ColumnKind = "key" | "text" | "number" | "integer" | "date" | "choice" | "info";

/** One column of an import template. */
export interface ColumnSpec {
  /** German header as in the template. */
  header: string;
  /** Other headers accepted for it (older templates, common spellings). */
  aliases?: readonly string[];
  /** Field of the parsed row; informational columns (`info`) have none. */
  field: string;
  kind: ColumnKind;
  required?: boolean;
  /** Allowed values (code and German label) of a choice column, for value lists. */
  choices?: ReadonlyArray<{ value: string; label: string }>;
  /** One German sentence for the "Hinweise" sheet. */
  hint: string;
  /** Example value for the template. */
  example?: string | number;
  /** Column width in the template (characters). */
  width?: number;
  /** An informational column that the template still shows (e.g. the Kommune's name). */
  template?: boolean;
}

/** An importable sheet: its name and columns. */
export interface SheetSpec {
  entity: string;
  /** Sheet name in templates and exports; also how a workbook sheet is recognised. */
  sheet: string;
  /** German title for the Hinweise sheet. */
  title: string;
  /** German sentence for the Hinweise sheet: what one row describes and how it is keyed. */
  rowHint?: string;
  /** Who may import the sheet (German, for the Hinweise sheet and the import page). */
  permissionHint?: string;
  columns: readonly ColumnSpec[];
}

/** Where each known column sits in the file's header row. */
export interface HeaderMapping {
  /** Column index (0-based) → spec. */
  columns: Map<number, ColumnSpec>;
}

/** Limits that keep a hostile or broken file from exhausting the server. */
export const IMPORT_LIMITS = {
  /** Columns of a sheet; templates have fewer than 30. */
  maxColumns: 60,
  /** Excel's own limit of characters in one cell. */
  maxCellLength: 32_767,
  /** Rows of one import. */
  maxRows: 250_000,
  /** Bytes of an uploaded file. */
  maxBytes: 50 * 1024 * 1024,
} as const;

/**
 * Maps a header row to the sheet's columns. Unknown, duplicate and missing required columns
 * are problems of the whole sheet (the file is refused: guessing would import wrong data).
 */
export function mapHeader(
  spec: SheetSpec,
  header: readonly RawCell[],
  sheetName: string,
): { mapping: HeaderMapping; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const byName = new Map<string, ColumnSpec>();
  for (const column of spec.columns) {
    for (const name of [column.header, ...(column.aliases ?? [])]) {
      byName.set(comparable(name), column);
    }
  }
  const columns = new Map<number, ColumnSpec>();
  const seen = new Map<ColumnSpec, number>();
  header.forEach((cell, index) => {
    const text = typeof cell === "string" ? cell.trim() : cell === null ? "" : String(cell);
    if (text === "") return;
    const column = byName.get(comparable(text));
    if (!column) {
      problems.push({
        sheet: sheetName,
        row: 1,
        column: text,
        value: problemValue(text),
        message: looksMisdecoded(text)
          ? `Unbekannte Spalte „${text}“: Die Umlaute der Überschrift sind falsch gelesen – die Datei ist nicht einheitlich als UTF-8 gespeichert (z. B. ein ungültiges Zeichen oder eine andere Kodierung). Bitte in Excel „Speichern unter → CSV UTF-8 (durch Trennzeichen getrennt)“ wählen oder die Vorlage als .xlsx verwenden.`
          : `Unbekannte Spalte „${text}“. Bitte nur die Spalten der Vorlage verwenden (siehe Blatt „Hinweise“).`,
      });
      return;
    }
    const earlier = seen.get(column);
    if (earlier !== undefined) {
      problems.push({
        sheet: sheetName,
        row: 1,
        column: text,
        value: problemValue(text),
        message: `Die Spalte „${column.header}“ kommt doppelt vor (Spalten ${columnLetter(earlier)} und ${columnLetter(index)}).`,
      });
      return;
    }
    seen.set(column, index);
    columns.set(index, column);
  });
  for (const column of spec.columns) {
    if (column.required && !seen.has(column)) {
      problems.push({
        sheet: sheetName,
        row: 1,
        column: column.header,
        value: null,
        message: `Die Pflichtspalte „${column.header}“ fehlt.`,
      });
    }
  }
  return { mapping: { columns }, problems };
}

/** Excel's column letter of a 0-based index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let letters = "";
  let rest = index + 1;
  while (rest > 0) {
    const remainder = (rest - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}
