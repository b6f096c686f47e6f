import { ConflictError } from "../errors/AppError.ts";
import { CLOSED_MEASURE_STATUSES, type MeasureStatus } from "./Measure.ts";

/** What the schedule analysis needs of a measure. */
export interface ScheduleItem {
  id: number;
  title: string;
  status: MeasureStatus;
  startDate: string | null;
  dueDate: string | null;
  /** Ids of the measures this one depends on. */
  dependsOn: readonly number[];
}

/** Result of {@link analyseSchedule}. */
export interface ScheduleAnalysis {
  overdueIds: number[];
  blockedIds: number[];
  /** Ids along the critical path, first to last. */
  criticalPath: number[];
  /** Sum of the durations (days) along the critical path. */
  criticalPathDays: number;
}

const DAY = 86_400_000;

function toDay(date: string): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
    DAY
  );
}

/** Duration in days, both ends included; 0 when a date is missing. */
export function measureDurationDays(item: Pick<ScheduleItem, "startDate" | "dueDate">): number {
  if (!item.startDate || !item.dueDate) return 0;
  return Math.max(0, toDay(item.dueDate) - toDay(item.startDate) + 1);
}

/** Whether the measure still needs work. */
export function isOpenMeasure(status: MeasureStatus): boolean {
  return !CLOSED_MEASURE_STATUSES.includes(status);
}

/** Overdue: due before today and not done (erledigt or verworfen). */
export function isOverdue(item: Pick<ScheduleItem, "status" | "dueDate">, today: string): boolean {
  return isOpenMeasure(item.status) && item.dueDate !== null && item.dueDate < today;
}

/** What {@link isBlocked} needs of a dependency. */
export interface DependencyState {
  status: MeasureStatus;
  dueDate: string | null;
}

/**
 * Blocked: an open measure marked `blockiert`, or one held up by an open dependency (neither
 * erledigt nor verworfen) — only when that dependency really stands in the way: the measure's
 * start has come (or it has no start date), or the dependency is planned to end only on or
 * after that start. A later wave that starts after its predecessor is due is not blocked
 * while the predecessor still has time (issue 16: waves were „blockiert“ from the start).
 */
export function isBlocked(
  item: Pick<ScheduleItem, "status" | "startDate">,
  dependencies: readonly DependencyState[],
  today: string,
): boolean {
  if (!isOpenMeasure(item.status)) return false;
  if (item.status === "blockiert") return true;
  const started = item.startDate === null || item.startDate <= today;
  return dependencies.some(
    (dependency) =>
      isOpenMeasure(dependency.status) &&
      (started || dependency.dueDate === null || dependency.dueDate >= (item.startDate ?? "")),
  );
}

/**
 * A dependency cycle as a list of ids (first = last omitted), or undefined when the graph is
 * acyclic. Dependencies on ids outside `items` are ignored.
 */
export function findDependencyCycle(
  items: ReadonlyArray<Pick<ScheduleItem, "id" | "dependsOn">>,
): number[] | undefined {
  const edges = new Map(items.map((item) => [item.id, item.dependsOn]));
  const state = new Map<number, "visiting" | "done">();
  const stack: number[] = [];
  const visit = (id: number): number[] | undefined => {
    const seen = state.get(id);
    if (seen === "done") return undefined;
    if (seen === "visiting") return stack.slice(stack.indexOf(id));
    state.set(id, "visiting");
    stack.push(id);
    for (const next of edges.get(id) ?? []) {
      if (!edges.has(next)) continue;
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(id, "done");
    return undefined;
  };
  for (const item of items) {
    const cycle = visit(item.id);
    if (cycle) return cycle;
  }
  return undefined;
}

/** Refuses a cycle with a German 409 that names the measures in it. */
export function assertNoDependencyCycle(
  items: ReadonlyArray<Pick<ScheduleItem, "id" | "title" | "dependsOn">>,
): void {
  const cycle = findDependencyCycle(items);
  if (!cycle) return;
  const titles = new Map(items.map((item) => [item.id, item.title]));
  const names = [...cycle, cycle[0] ?? 0].map((id) => `„${titles.get(id) ?? id}“`);
  throw new ConflictError(
    "measure_dependency_cycle",
    `Die Abhängigkeiten bilden einen Kreis: ${names.join(" → ")}. Eine Maßnahme kann nicht (mittelbar) von sich selbst abhängen.`,
  );
}

/**
 * The critical path: the chain of dependencies with the largest sum of durations (longest
 * path in the dependency DAG, weights on the nodes). Verworfene measures are left out.
 * Refuses cycles (ConflictError).
 */
export function criticalPath(items: readonly ScheduleItem[]): {
  ids: number[];
  days: number;
} {
  const active = items.filter((item) => item.status !== "verworfen");
  assertNoDependencyCycle(active);
  const byId = new Map(active.map((item) => [item.id, item]));
  // best[id] = longest path ending in id (id included), with its predecessor.
  const best = new Map<number, { days: number; previous: number | null }>();
  const solve = (id: number): number => {
    const known = best.get(id);
    if (known) return known.days;
    const item = byId.get(id);
    if (!item) return 0;
    let days = 0;
    let previous: number | null = null;
    for (const dependency of item.dependsOn) {
      if (!byId.has(dependency)) continue;
      const candidate = solve(dependency);
      if (previous === null || candidate > days) {
        days = candidate;
        previous = dependency;
      }
    }
    const total = days + measureDurationDays(item);
    best.set(id, { days: total, previous });
    return total;
  };
  let end: number | null = null;
  let longest = -1;
  for (const item of active) {
    const days = solve(item.id);
    if (days > longest) {
      longest = days;
      end = item.id;
    }
  }
  const ids: number[] = [];
  for (let id = end; id !== null; id = best.get(id)?.previous ?? null) ids.unshift(id);
  return { ids, days: Math.max(0, longest) };
}

/** Overdue, blocked and critical path of a set of measures on a given day (ISO date). */
export function analyseSchedule(items: readonly ScheduleItem[], today: string): ScheduleAnalysis {
  const byId = new Map(items.map((item) => [item.id, item]));
  const path = criticalPath(items);
  return {
    overdueIds: items.filter((item) => isOverdue(item, today)).map((item) => item.id),
    blockedIds: items
      .filter((item) =>
        isBlocked(
          item,
          item.dependsOn.flatMap((id) => byId.get(id) ?? []),
          today,
        ),
      )
      .map((item) => item.id),
    criticalPath: path.ids,
    criticalPathDays: path.days,
  };
}
