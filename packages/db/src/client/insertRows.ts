import type { Queryable } from "./Database.ts";
import { join, raw, sql, type SqlFragment } from "./sql.ts";

/** Rows per INSERT statement; keeps the parameter count far below PostgreSQL's 65,535. */
const CHUNK_SIZE = 500;

/**
 * Inserts rows in multi-row INSERT statements. `table` and `columns` are trusted code
 * constants; values are always parameters. `onConflict` is appended verbatim (trusted).
 */
export async function insertRows(
  tx: Queryable,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
  onConflict = "",
): Promise<void> {
  const columnList = raw(columns.join(", "));
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
    const chunk = rows.slice(start, start + CHUNK_SIZE);
    const tuples: SqlFragment[] = chunk.map((row) => {
      if (row.length !== columns.length) {
        throw new Error(`insertRows(${table}): ${row.length} Werte für ${columns.length} Spalten`);
      }
      return sql`(${join(row.map((value) => sql`${value}`))})`;
    });
    await tx.query(
      sql`INSERT INTO ${raw(table)} (${columnList}) VALUES ${join(tuples)} ${raw(onConflict)}`,
    );
  }
}
