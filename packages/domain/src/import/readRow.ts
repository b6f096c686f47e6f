import {
  cellText,
  parseChoice,
  parseDate,
  parseNumber,
  parseOrganisationKey,
  type CellResult,
  type RawCell,
} from "./cellValues.ts";
import { problemValue, type ImportProblem } from "./ImportProblem.ts";
import { IMPORT_LIMITS, type ColumnSpec, type HeaderMapping } from "./SheetSpec.ts";

/** One data row read through a header mapping: field values, or the problems of its cells. */
export interface ReadRow {
  /** Row number as Excel shows it. */
  row: number;
  values: Record<string, unknown>;
  problems: ImportProblem[];
  /** True when every cell is empty (such rows are skipped, not errors). */
  empty: boolean;
}

function parseCell(column: ColumnSpec, raw: RawCell): CellResult<unknown> {
  switch (column.kind) {
    case "key":
      return parseOrganisationKey(raw);
    case "number":
      return parseNumber(raw);
    case "integer": {
      const parsed = parseNumber(raw);
      if (parsed.ok && parsed.value !== null && !Number.isInteger(parsed.value)) {
        return { ok: false, message: "muss eine ganze Zahl sein" };
      }
      return parsed;
    }
    case "date":
      return parseDate(raw);
    case "choice":
      return parseChoice(raw, column.choices ?? []);
    case "text":
    case "info":
      return { ok: true, value: cellText(raw) };
  }
}

/** Reads one row's cells by the header mapping, collecting a problem per bad cell. */
export function readRow(
  mapping: HeaderMapping,
  cells: readonly RawCell[],
  row: number,
  sheet: string,
): ReadRow {
  const values: Record<string, unknown> = {};
  const problems: ImportProblem[] = [];
  let empty = true;
  for (const [index, column] of mapping.columns) {
    const raw = cells[index] ?? null;
    if (typeof raw === "string" && raw.length > IMPORT_LIMITS.maxCellLength) {
      empty = false;
      problems.push({
        sheet,
        row,
        column: column.header,
        value: problemValue(raw),
        message: `Die Zelle ist zu lang (${raw.length.toLocaleString("de-DE")} Zeichen; höchstens ${IMPORT_LIMITS.maxCellLength.toLocaleString("de-DE")}).`,
      });
      continue;
    }
    if (cellText(raw) !== null) empty = false;
    if (column.kind === "info") continue;
    const parsed = parseCell(column, raw);
    if (!parsed.ok) {
      problems.push({
        sheet,
        row,
        column: column.header,
        value: problemValue(raw),
        message: `„${column.header}“ ${parsed.message}.`,
      });
      continue;
    }
    values[column.field] = parsed.value;
  }
  if (!empty) {
    for (const column of mapping.columns.values()) {
      if (column.required && values[column.field] === null && column.kind !== "info") {
        problems.push({
          sheet,
          row,
          column: column.header,
          value: null,
          message: `„${column.header}“ ist eine Pflichtangabe.`,
        });
      }
    }
  }
  return { row, values, problems, empty };
}
