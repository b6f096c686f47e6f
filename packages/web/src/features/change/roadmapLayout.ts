import type { Measure } from "./changeQueries.ts";

/** How the roadmap groups its rows. */
export type RoadmapGrouping = "domain" | "provider" | "kreis";

/** German labels of the groupings. */
export const GROUPING_LABEL: Record<RoadmapGrouping, string> = {
  domain: "Leistungsbereich",
  provider: "IT-Dienstleister",
  kreis: "Kreis",
};

/** One bar of the Gantt chart, positioned in percent of the time range. */
export interface RoadmapRow {
  measure: Measure;
  /** Undefined when the measure has no start or due date (shown without a bar). */
  bar: { left: number; width: number } | undefined;
  critical: boolean;
}

/** A group of rows with its heading. */
export interface RoadmapGroup {
  key: string;
  label: string;
  rows: RoadmapRow[];
}

/** The laid-out roadmap: time range, year ticks and groups. */
export interface RoadmapLayout {
  start: string;
  end: string;
  years: Array<{ year: number; left: number }>;
  groups: RoadmapGroup[];
}

const DAY = 86_400_000;
const toDay = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;

function groupsOf(measure: Measure, grouping: RoadmapGrouping): Array<[string, string]> {
  if (grouping === "domain") return measure.domains.map((domain) => [domain.id, domain.name]);
  if (grouping === "provider") {
    return measure.providers.map((provider) => [provider.id, provider.name]);
  }
  const kreise = new Map<string, string>();
  for (const kommune of measure.kommunen) {
    // A kreisfreie Stadt is its own Kreis-level group.
    kreise.set(kommune.kreisKey ?? kommune.key, kommune.kreisName ?? kommune.name);
  }
  return [...kreise];
}

/**
 * Lays out the measures as a Gantt chart: whole calendar years from the earliest start to the
 * latest due date; a measure appears in every group it belongs to (e.g. both providers of a
 * change), measures without one under "Ohne Zuordnung".
 */
export function roadmapLayout(
  measures: readonly Measure[],
  grouping: RoadmapGrouping,
  criticalPath: readonly number[],
): RoadmapLayout {
  const dated = measures.filter((measure) => measure.startDate && measure.dueDate);
  const firstYear =
    dated.length > 0
      ? Math.min(...dated.map((measure) => Number(measure.startDate?.slice(0, 4))))
      : new Date().getUTCFullYear();
  const lastYear = Math.max(
    ...dated.map((measure) => Number(measure.dueDate?.slice(0, 4))),
    firstYear,
  );
  const start = `${firstYear}-01-01`;
  const end = `${lastYear}-12-31`;
  const span = toDay(end) - toDay(start) + 1;
  const percent = (date: string) => ((toDay(date) - toDay(start)) / span) * 100;
  const critical = new Set(criticalPath);
  const groups = new Map<string, RoadmapGroup>();
  for (const measure of measures) {
    const row: RoadmapRow = {
      measure,
      bar:
        measure.startDate && measure.dueDate
          ? {
              left: percent(measure.startDate),
              width: ((toDay(measure.dueDate) - toDay(measure.startDate) + 1) / span) * 100,
            }
          : undefined,
      critical: critical.has(measure.id),
    };
    const memberships = groupsOf(measure, grouping);
    for (const [key, label] of memberships.length > 0
      ? memberships
      : [["", "Ohne Zuordnung"] as [string, string]]) {
      const group = groups.get(key) ?? { key, label, rows: [] };
      group.rows.push(row);
      groups.set(key, group);
    }
  }
  const years = [];
  for (let year = firstYear; year <= lastYear; year += 1) {
    years.push({ year, left: percent(`${year}-01-01`) });
  }
  return {
    start,
    end,
    years,
    groups: [...groups.values()].sort((a, b) =>
      a.key === "" ? 1 : b.key === "" ? -1 : a.label.localeCompare(b.label, "de"),
    ),
  };
}
