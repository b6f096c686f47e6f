import { cellText, type RawCell } from "./cellValues.ts";
import { problemValue, type ImportProblem } from "./ImportProblem.ts";
import type { ReadRow } from "./readRow.ts";
import type { SheetSpec } from "./SheetSpec.ts";

/** A checked row, or the problems that keep it out of the import. */
export type RowResult<T> = { ok: true; value: T } | { ok: false; problems: ImportProblem[] };

/** Where a checked row came from (for problems found later against the database). */
export interface ImportRowOrigin {
  sheet: string;
  /** Row as Excel numbers it. */
  row: number;
}

/**
 * An importable entity as far as the file is concerned: its sheet (columns, hints) and how a
 * read row becomes a checked row. Resolving references and comparing with the database is
 * the server's part (`EntityImporter`).
 */
export interface ImportEntitySheet<Row extends ImportRowOrigin> {
  spec: SheetSpec;
  toRow(read: ReadRow, sheet: string): RowResult<Row>;
}

/** Collects problems of one row, each named by column header and value. */
export class RowProblems {
  readonly problems: ImportProblem[] = [];

  constructor(
    private readonly sheet: string,
    private readonly row: number,
  ) {}

  add(column: string | null, value: unknown, message: string): void {
    this.problems.push({
      sheet: this.sheet,
      row: this.row,
      column,
      value: problemValue(value),
      message,
    });
  }
}

/** A text field of a read row (null when empty or not text). */
export function textField(values: Record<string, unknown>, field: string): string | null {
  const value = values[field];
  return typeof value === "string" ? value : null;
}

/** Rounds to a number of decimals (what the database keeps, so a re-import compares equal). */
export function roundTo(value: unknown, decimals: number): number | null {
  if (typeof value !== "number") return null;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Splits a list cell ("a, b; c" or one per line) into trimmed, non-empty entries. */
export function splitList(text: string | null, separators = /[;,\n|]/): string[] {
  if (text === null) return [];
  return text
    .split(separators)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/** Source URLs: separated by " | ", line breaks or spaces; each http(s). */
export function parseUrls(raw: RawCell): { ok: true; value: string[] } | { ok: false } {
  const urls = splitList(cellText(raw), /\s+\|\s+|\s+/);
  return urls.every((url) => /^https?:\/\/\S+$/i.test(url))
    ? { ok: true, value: urls }
    : { ok: false };
}

/** Checks a text's length and returns a German message when it is too long. */
export function tooLong(text: string | null, max: number): string | null {
  return text !== null && text.length > max
    ? `darf höchstens ${max.toLocaleString("de-DE")} Zeichen lang sein`
    : null;
}
