import type { KpiFigures, KpiLevel, KpiPoint, KpiTrigger, KpiValue } from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { insertRows } from "../client/insertRows.ts";
import { sql } from "../client/sql.ts";

const ISO = 'YYYY-MM-DD"T"HH24:MI:SS"Z"';

interface ValueRow {
  kommunen: number;
  population: number;
  providers: number;
  fragmentation_index: number | null;
  running_cost: number;
  investment_cost: number;
  cost_demo: boolean;
  ozg_responsible: number;
  ozg_online: number;
  survey_responses: number;
  survey_completed: number;
  measures_total: number | null;
  measures_on_time: number | null;
}

function share(part: number | null, whole: number | null): number | null {
  return part === null || whole === null || whole === 0 ? null : part / whole;
}

function toFigures(row: ValueRow): KpiFigures {
  return {
    kommunen: row.kommunen,
    population: row.population,
    providers: row.providers,
    fragmentationIndex: row.fragmentation_index,
    runningCost: row.running_cost,
    investmentCost: row.investment_cost,
    costDemo: row.cost_demo,
    ozgResponsible: row.ozg_responsible,
    ozgOnline: row.ozg_online,
    ozgCoverage: share(row.ozg_online, row.ozg_responsible),
    surveyResponses: row.survey_responses,
    surveyCompleted: row.survey_completed,
    surveyCompletion: share(row.survey_completed, row.survey_responses),
    measuresTotal: row.measures_total,
    measuresOnTime: row.measures_on_time,
    measuresOnTimeShare: share(row.measures_on_time, row.measures_total),
  };
}

/** A stored KPI snapshot run. */
export interface KpiSnapshotRecord {
  id: number;
  takenAt: string;
  trigger: KpiTrigger;
  takenBy: string;
  scopes: number;
}

/** Stores a snapshot with the figures of every scope; returns its id (in the caller's transaction). */
export async function insertKpiSnapshot(
  tx: Queryable,
  input: { trigger: KpiTrigger; takenBy: string; values: readonly KpiValue[] },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(sql`
    INSERT INTO kpi_snapshot (trigger, taken_by) VALUES (${input.trigger}, ${input.takenBy})
    RETURNING id`);
  const id = row?.id ?? 0;
  await insertRows(
    tx,
    "kpi_value",
    [
      "snapshot_id",
      "level",
      "key",
      "name",
      "kommunen",
      "population",
      "providers",
      "fragmentation_index",
      "running_cost",
      "investment_cost",
      "cost_demo",
      "ozg_responsible",
      "ozg_online",
      "survey_responses",
      "survey_completed",
      "measures_total",
      "measures_on_time",
    ],
    input.values.map(({ level, key, name, figures }) => [
      id,
      level,
      key,
      name,
      figures.kommunen,
      figures.population,
      figures.providers,
      figures.fragmentationIndex,
      figures.runningCost,
      figures.investmentCost,
      figures.costDemo,
      figures.ozgResponsible,
      figures.ozgOnline,
      figures.surveyResponses,
      figures.surveyCompleted,
      figures.measuresTotal,
      figures.measuresOnTime,
    ]),
  );
  return id;
}

/** The latest snapshot run, if any. */
export async function findLatestKpiSnapshot(db: Queryable): Promise<KpiSnapshotRecord | undefined> {
  const [row] = await db.query<KpiSnapshotRecord>(sql`
    SELECT s.id, to_char(s.taken_at AT TIME ZONE 'UTC', ${ISO}) AS "takenAt", s.trigger, s.taken_by AS "takenBy",
           (SELECT count(*)::int FROM kpi_value v WHERE v.snapshot_id = s.id) AS scopes
    FROM kpi_snapshot s ORDER BY s.taken_at DESC, s.id DESC LIMIT 1`);
  return row;
}

/** A scope's figures over time (oldest first), and its name from the latest snapshot. */
export async function listKpiSeries(
  db: Queryable,
  level: KpiLevel,
  key: string,
): Promise<{ name: string | null; points: KpiPoint[] }> {
  const rows = await db.query<
    ValueRow & { snapshot_id: number; taken_at: string; trigger: KpiTrigger; name: string }
  >(sql`
    SELECT v.*, to_char(s.taken_at AT TIME ZONE 'UTC', ${ISO}) AS taken_at, s.trigger
    FROM kpi_value v JOIN kpi_snapshot s ON s.id = v.snapshot_id
    WHERE v.level = ${level} AND v.key = ${key}
    ORDER BY s.taken_at, s.id`);
  return {
    name: rows.at(-1)?.name ?? null,
    points: rows.map((row) => ({
      snapshotId: row.snapshot_id,
      takenAt: row.taken_at,
      trigger: row.trigger,
      figures: toFigures(row),
    })),
  };
}

/** Survey responses per Kommune in started campaigns, and those submitted or accepted. */
export async function listSurveyCompletionCounts(
  db: Queryable,
): Promise<Array<{ organisationKey: string; responses: number; completed: number }>> {
  return db.query(sql`
    SELECT r.organisation_key AS "organisationKey", count(*)::int AS responses,
           count(*) FILTER (WHERE r.status IN ('submitted','accepted'))::int AS completed
    FROM survey_response r JOIN survey_campaign c ON c.id = r.campaign_id
    WHERE c.status <> 'draft'
    GROUP BY r.organisation_key`);
}

/** Whether a job of this kind is waiting or running (so a periodic trigger does not add another). */
export async function hasOpenJobOfKind(db: Queryable, kind: string): Promise<boolean> {
  const [row] = await db.query<{ open: boolean }>(sql`
    SELECT EXISTS (SELECT 1 FROM job WHERE kind = ${kind} AND status IN ('queued','running')) AS open`);
  return row?.open ?? false;
}
