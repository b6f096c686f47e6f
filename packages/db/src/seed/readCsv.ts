import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";

/** Reads a UTF-8 CSV with a header row into records keyed by column name. */
export async function readCsv(directory: string, file: string): Promise<Record<string, string>[]> {
  const text = await readFile(join(directory, file), "utf8");
  return parse<Record<string, string>>(text, { columns: true, skip_empty_lines: true, bom: true });
}

/** Empty strings become null. */
export function blankToNull(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** Splits the " | "-separated URL lists of the source files. */
export function splitUrls(value: string | undefined): string[] {
  return (value ?? "")
    .split("|")
    .map((url) => url.trim())
    .filter((url) => url.length > 0);
}
