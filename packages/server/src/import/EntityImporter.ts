import type { Queryable } from "@it-atlas/db";
import type {
  ImportCounts,
  ImportEntitySheet,
  ImportFieldChange,
  ImportProblem,
  ImportRowOrigin,
  Principal,
} from "@it-atlas/domain";
import type { ReferenceIndex } from "./sourcingPlan.ts";

/** What every entity's check needs besides its rows. */
export interface ImportContext {
  principal: Principal;
  /** Kommunen, domains, providers and products by key, id or name (products of the file added). */
  index: ReferenceIndex;
  /** "Import datei.xlsx": change reason and evidence of written rows. */
  reason: string;
}

/**
 * A row that failed its sheet check (e.g. a negative amount), with the values it could read:
 * its references are still checked, so every problem of the row is reported in one pass.
 */
export interface RejectedRow {
  sheet: string;
  row: number;
  values: Record<string, unknown>;
}

/** Counts and problems of one entity's rows. */
export interface EntityCheck {
  counts: ImportCounts;
  problems: ImportProblem[];
  /** Values the rows change, field by field (entities that list them). */
  fieldChanges?: ImportFieldChange[];
  /** All problems when `problems` holds only the first ones (sorted by sheet and row). */
  problemCount?: number;
  /** All field changes when `fieldChanges` holds only the first ones. */
  fieldChangeCount?: number;
}

/** The outcome of checking one entity's rows, and how to write them. */
export interface EntityPlan extends EntityCheck {
  /**
   * In the commit transaction: locks the entity's tables, checks again against what is
   * stored now and, when no row has become invalid, writes the changes. Returns the check
   * that was (or would have been) written.
   */
  commit(tx: Queryable): Promise<EntityCheck>;
}

/** A check with the changes it would write. */
export interface CheckedChanges<Change> extends EntityCheck {
  changes: Change[];
}

/**
 * The plan of a check: commit locks, checks again inside the transaction (the stored state
 * may have changed since the preview) and writes only when no row has become invalid.
 */
export function entityPlan<Change>(
  checked: CheckedChanges<Change>,
  steps: {
    lock(tx: Queryable): Promise<void>;
    recheck(tx: Queryable): Promise<CheckedChanges<Change>>;
    write(tx: Queryable, changes: readonly Change[]): Promise<void>;
  },
): EntityPlan {
  return {
    counts: checked.counts,
    problems: checked.problems,
    async commit(tx) {
      await steps.lock(tx);
      const fresh = await steps.recheck(tx);
      if (fresh.counts.invalid === 0 && fresh.changes.length > 0) {
        await steps.write(tx, fresh.changes);
      }
      return { counts: fresh.counts, problems: fresh.problems };
    },
  };
}

/**
 * One importable entity: its sheet (columns, row check) and how its rows are compared with
 * the database and written. Sourcing, Kommunen, products, memberships and offers each have
 * one; `runImport` treats them alike.
 */
export interface EntityImporter<Row extends ImportRowOrigin> {
  sheet: ImportEntitySheet<Row>;
  /**
   * Compares the rows with the database. Absent for Bezüge: they are compared with the stored
   * versions while the file is checked, in the worker pool (`CheckedImportFile.sourcingPlan`).
   */
  plan?(db: Queryable, rows: readonly Row[], context: ImportContext): Promise<EntityPlan>;
  /** Reference problems (unknown Kommune, Leistungsbereich …) of rows the sheet check rejected. */
  referenceProblems?(rows: readonly RejectedRow[], context: ImportContext): ImportProblem[];
}

/** Counts with nothing in them. */
export function emptyCounts(): ImportCounts {
  return { new: 0, changed: 0, unchanged: 0, invalid: 0 };
}

/** Problem of a row that names a key or row of the same sheet twice. */
export function duplicateRow(
  row: ImportRowOrigin,
  earlier: number,
  column: string | null,
  value: string | null,
  what: string,
): ImportProblem {
  return {
    sheet: row.sheet,
    row: row.row,
    column,
    value,
    message: `Zeile ${earlier} beschreibt schon ${what}.`,
  };
}
