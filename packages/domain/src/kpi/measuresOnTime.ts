/** What the KPI needs of a Maßnahme (works before the measures table exists). */
export interface MeasureFact {
  id: string | number;
  /** Due date (ISO); measures without one are not counted. */
  due: string | null;
  status: string;
  /** Day the measure was done (ISO date or timestamp); null while open. */
  doneAt: string | null;
  /** Kommunen in its scope; empty = counted for NRW only. */
  organisationKeys?: readonly string[];
}

const DROPPED = new Set(["cancelled", "abgebrochen", "verworfen", "entfallen"]);

/**
 * Whether a measure is on time on `asOf`: done on or before its due date, or still open and
 * not yet due. Undefined when it does not count (no due date, or cancelled).
 */
export function isOnTime(measure: MeasureFact, asOf: string): boolean | undefined {
  if (measure.due === null || DROPPED.has(measure.status)) return undefined;
  const due = measure.due.slice(0, 10);
  if (measure.doneAt !== null) return measure.doneAt.slice(0, 10) <= due;
  return asOf.slice(0, 10) <= due;
}

/** Counts measures and those on time (each measure once, even with several Kommunen). */
export function measuresOnTime(
  measures: readonly MeasureFact[],
  asOf: string,
): { total: number; onTime: number } {
  const seen = new Set<string | number>();
  let total = 0;
  let onTime = 0;
  for (const measure of measures) {
    if (seen.has(measure.id)) continue;
    seen.add(measure.id);
    const result = isOnTime(measure, asOf);
    if (result === undefined) continue;
    total += 1;
    if (result) onTime += 1;
  }
  return { total, onTime };
}
