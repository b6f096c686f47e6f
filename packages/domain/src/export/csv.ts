/** A column of a CSV export: German header and how to read the cell from a row. */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null | undefined;
}

// Excel and LibreOffice run cells that start with these as formulas (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Makes a text cell safe against formula injection by prefixing an apostrophe. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cell(value: string | number | boolean | null | undefined, separator: string): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (typeof value === "number") {
    // German Excel reads a decimal comma; no thousands separators so it stays a number.
    text = Number.isFinite(value) ? String(value).replace(".", ",") : "";
  } else if (typeof value === "boolean") {
    text = value ? "ja" : "nein";
  } else {
    text = neutraliseFormula(value);
  }
  return /["\r\n]/.test(text) || text.includes(separator)
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

/**
 * Renders rows as CSV the way German spreadsheet users expect: semicolon separator,
 * decimal comma, CRLF line ends. The caller adds the UTF-8 BOM when writing a file.
 */
export function toCsv<Row>(
  columns: ReadonlyArray<CsvColumn<Row>>,
  rows: readonly Row[],
  separator = ";",
): string {
  const lines = [columns.map((column) => cell(column.header, separator)).join(separator)];
  for (const row of rows) {
    lines.push(columns.map((column) => cell(column.value(row), separator)).join(separator));
  }
  return `${lines.join("\r\n")}\r\n`;
}
