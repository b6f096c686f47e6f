/** `ON CONFLICT (key) DO UPDATE SET col = EXCLUDED.col, …` for trusted column names. */
export function upsertClause(conflictColumn: string, columns: readonly string[]): string {
  const updates = columns
    .filter((column) => column !== conflictColumn)
    .map((column) => `${column} = EXCLUDED.${column}`);
  return updates.length === 0
    ? `ON CONFLICT (${conflictColumn}) DO NOTHING`
    : `ON CONFLICT (${conflictColumn}) DO UPDATE SET ${updates.join(", ")}`;
}
