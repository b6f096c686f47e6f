import { comparable } from "./cellValues.ts";
import type { SheetSpec } from "./SheetSpec.ts";
import { MEMBERSHIP_SHEET } from "./membershipSheet.ts";
import { OFFER_SHEET } from "./offerSheet.ts";
import { ORGANISATION_SHEET } from "./organisationSheet.ts";
import { PRODUCT_SHEET } from "./productSheet.ts";
import { SOURCING_SHEET } from "./sourcingSheet.ts";

/**
 * Sheets that can be imported, recognised by name in a workbook or by header in a CSV file,
 * in the order a workbook is applied (products before the offers and Bezüge that name them).
 */
export const IMPORT_SHEETS: readonly SheetSpec[] = [
  ORGANISATION_SHEET,
  PRODUCT_SHEET,
  MEMBERSHIP_SHEET,
  OFFER_SHEET,
  SOURCING_SHEET,
];

/** Entities that can be imported (template names in /api/imports/templates/:entity). */
export const IMPORT_ENTITIES = [
  "organisations",
  "products",
  "memberships",
  "offers",
  "sourcing",
] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

/** Sheets of our templates and exports that are there for reading only. */
export const REFERENCE_SHEETS = [
  "Hinweise",
  "Werte",
  "Quellen",
  "Leistungsbereiche",
  "IT-Dienstleister",
] as const;

/** The importable sheet with this name, if any. */
export function findImportSheet(name: string): SheetSpec | undefined {
  return IMPORT_SHEETS.find((spec) => comparable(spec.sheet) === comparable(name));
}

/**
 * For a CSV file: the sheet that explains the header row best — fewest unknown columns, then
 * all required columns present, then the most matching columns (at least one).
 */
export function guessImportSheet(header: readonly unknown[]): SheetSpec | undefined {
  const names = header
    .filter((cell): cell is string => typeof cell === "string" && cell.trim() !== "")
    .map((cell) => comparable(cell));
  let best: { spec: SheetSpec; unknown: number; complete: boolean; hits: number } | undefined;
  for (const spec of IMPORT_SHEETS) {
    const known = new Map<string, SheetSpec["columns"][number]>();
    for (const column of spec.columns) {
      for (const name of [column.header, ...(column.aliases ?? [])]) {
        known.set(comparable(name), column);
      }
    }
    const found = new Set(names.map((name) => known.get(name)).filter((column) => !!column));
    const hits = found.size;
    if (hits === 0) continue;
    const unknown = names.filter((name) => !known.has(name)).length;
    const complete = spec.columns.every((column) => !column.required || found.has(column));
    const better =
      !best ||
      unknown < best.unknown ||
      (unknown === best.unknown &&
        ((complete && !best.complete) || (complete === best.complete && hits > best.hits)));
    if (better) best = { spec, unknown, complete, hits };
  }
  return best?.spec;
}
