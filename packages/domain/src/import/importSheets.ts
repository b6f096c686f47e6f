import { comparable } from "./cellValues.ts";
import type { SheetSpec } from "./SheetSpec.ts";
import { SOURCING_SHEET } from "./sourcingSheet.ts";

/** Sheets that can be imported, recognised by name in a workbook or by header in a CSV file. */
export const IMPORT_SHEETS: readonly SheetSpec[] = [SOURCING_SHEET];

/** Sheets of our templates and exports that are there for reading only. */
export const REFERENCE_SHEETS = [
  "Hinweise",
  "Werte",
  "Quellen",
  "Leistungsbereiche",
  "Kommunen",
  "IT-Dienstleister",
  "Mitgliedschaften",
  "Angebote",
  "Produkte",
] as const;

/** The importable sheet with this name, if any. */
export function findImportSheet(name: string): SheetSpec | undefined {
  return IMPORT_SHEETS.find((spec) => comparable(spec.sheet) === comparable(name));
}

/** For a CSV file: the sheet whose headers match the file's header row best (at least one). */
export function guessImportSheet(header: readonly unknown[]): SheetSpec | undefined {
  const names = new Set(
    header
      .filter((cell): cell is string => typeof cell === "string")
      .map((cell) => comparable(cell)),
  );
  let best: { spec: SheetSpec; hits: number } | undefined;
  for (const spec of IMPORT_SHEETS) {
    const hits = spec.columns.filter((column) =>
      [column.header, ...(column.aliases ?? [])].some((name) => names.has(comparable(name))),
    ).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { spec, hits };
  }
  return best?.spec;
}
