/** Separators German and international spreadsheets write. */
export type CsvSeparator = ";" | "," | "\t";

/**
 * Guesses the separator from the header line: the candidate that occurs most often outside
 * quotes. German Excel writes semicolons, others commas; ties go to the semicolon.
 */
export function sniffSeparator(text: string): CsvSeparator {
  const counts: Record<CsvSeparator, number> = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const character of text.slice(0, 65_536)) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === "\n" || character === "\r")) break;
    else if (!quoted && character in counts) counts[character as CsvSeparator] += 1;
  }
  const order: CsvSeparator[] = [";", ",", "\t"];
  return order.reduce((best, candidate) => (counts[candidate] > counts[best] ? candidate : best));
}

/**
 * Parses CSV (RFC 4180: quoted fields with doubled quotes, line breaks inside quotes; CRLF,
 * LF or CR line ends). Returns rows of raw text cells; the caller trims and interprets them.
 * Stops with `tooManyColumns` as soon as a row exceeds `maxColumns` (a broken or hostile file).
 */
export function parseCsv(
  text: string,
  separator: CsvSeparator,
  maxColumns = 200,
): { rows: string[][]; tooManyColumns: boolean } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let index = 0;
  const length = text.length;
  const endField = () => {
    row.push(field);
    field = "";
  };
  while (index < length) {
    const character = text[index];
    if (quoted) {
      if (character === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index += 2;
          continue;
        }
        quoted = false;
        index += 1;
        continue;
      }
      // Copy a run of ordinary characters at once (large cells stay fast).
      const next = text.indexOf('"', index);
      const end = next === -1 ? length : next;
      field += text.slice(index, end);
      index = end;
      continue;
    }
    if (character === '"' && field === "") {
      quoted = true;
      index += 1;
    } else if (character === separator) {
      endField();
      if (row.length > maxColumns) return { rows, tooManyColumns: true };
      index += 1;
    } else if (character === "\r" || character === "\n") {
      endField();
      rows.push(row);
      row = [];
      index += character === "\r" && text[index + 1] === "\n" ? 2 : 1;
    } else {
      field += character;
      index += 1;
    }
  }
  if (field !== "" || row.length > 0) {
    endField();
    rows.push(row);
  }
  return { rows, tooManyColumns: rows.some((cells) => cells.length > maxColumns) };
}
