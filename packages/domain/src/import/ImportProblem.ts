import { z } from "zod";

/**
 * One problem of an import file, located the way a spreadsheet user finds it: sheet name,
 * row number as Excel shows it (header = 1), column header and the offending value.
 */
export const ImportProblem = z
  .object({
    sheet: z.string(),
    /** Row as Excel numbers it (the header is row 1); null for problems of the whole sheet. */
    row: z.number().int().nullable(),
    /** Column header; null for problems of a whole row or sheet. */
    column: z.string().nullable(),
    /** The cell as read (shortened to 200 characters). */
    value: z.string().nullable(),
    /** German message for people. */
    message: z.string(),
  })
  .meta({ id: "ImportProblem" });
export type ImportProblem = z.infer<typeof ImportProblem>;

/** How many rows an import would create, change, leave alone, or refuse. */
export const ImportCounts = z
  .object({
    new: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    invalid: z.number().int(),
  })
  .meta({ id: "ImportCounts" });
export type ImportCounts = z.infer<typeof ImportCounts>;

/** One value an import would change: where, what, before and after (null = empty). */
export const ImportFieldChange = z
  .object({
    sheet: z.string(),
    row: z.number().int().nullable(),
    /** The changed thing as people name it, e.g. "Detmold (05766020), Einwohnerwesen ab 01.01.2027". */
    subject: z.string(),
    /** Column header of the value. */
    column: z.string(),
    before: z.string().nullable(),
    after: z.string().nullable(),
  })
  .meta({ id: "ImportFieldChange" });
export type ImportFieldChange = z.infer<typeof ImportFieldChange>;

/** Result of checking (and, when committed, applying) an import file. */
export const ImportResult = z
  .object({
    fileName: z.string(),
    /** Sheets that were read, with their row counts. */
    sheets: z.array(z.object({ sheet: z.string(), entity: z.string(), rows: z.number().int() })),
    counts: ImportCounts,
    /** Problems, at most {@link MAX_REPORTED_PROBLEMS}; `problemCount` has the total. */
    problems: z.array(ImportProblem),
    problemCount: z.number().int(),
    /**
     * Every value the import changes or clears, field by field (at most
     * {@link MAX_REPORTED_PROBLEMS}; `fieldChangeCount` has the total).
     */
    fieldChanges: z.array(ImportFieldChange).default([]),
    fieldChangeCount: z.number().int().default(0),
    /** Notes that are not errors (ignored sheets, repaired keys). */
    notes: z.array(z.string()),
    committed: z.boolean(),
  })
  .meta({ id: "ImportResult" });
export type ImportResult = z.infer<typeof ImportResult>;

/** Problems beyond this number are counted but not listed (a preview must stay readable). */
export const MAX_REPORTED_PROBLEMS = 1000;

/** Shortens a cell value for a problem report. */
export function problemValue(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  let text: string;
  if (value instanceof Date)
    text = Number.isNaN(value.getTime()) ? "ungültiges Datum" : value.toISOString().slice(0, 10);
  else if (typeof value === "string") text = value;
  else if (typeof value === "number" || typeof value === "boolean") text = String(value);
  else text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
