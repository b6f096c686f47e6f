import {
  ConflictError,
  ParetoPoint,
  ScenarioDefinition,
  ScenarioResultPlan,
  type Scenario,
  type ScenarioAssignment,
  type ScenarioPareto,
  type ScenarioResult,
  type ScenarioResultStatus,
  type ScenarioSaveInput,
} from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { insertRows } from "../client/insertRows.ts";
import { raw, sql } from "../client/sql.ts";

/** A timestamp column as ISO text in UTC (trusted column names only). */
const utc = (column: string) =>
  raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

interface ScenarioRow {
  id: number;
  name: string;
  description: string | null;
  base_date: string;
  definition: unknown;
  is_target: boolean;
  created_by: string;
  created_at: string;
  updated_at: string;
  latest_id: number | null;
  latest_status: ScenarioResultStatus | null;
  latest_created_at: string | null;
}

const SELECT_SCENARIO = sql`
  SELECT s.id, s.name, s.description, s.base_date::text AS base_date, s.definition, s.is_target,
         s.created_by, ${utc("s.created_at")} AS created_at,
         ${utc("s.updated_at")} AS updated_at,
         r.id AS latest_id, r.status AS latest_status,
         ${utc("r.created_at")} AS latest_created_at
  FROM scenario s
  LEFT JOIN LATERAL (SELECT id, status, created_at FROM scenario_result x
                     WHERE x.scenario_id = s.id ORDER BY x.created_at DESC, x.id DESC LIMIT 1) r ON true`;

function toScenario(row: ScenarioRow, assignments: ScenarioAssignment[]): Scenario {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    baseDate: row.base_date,
    // Written only after validation; parsing again fills defaults added to the schema later.
    definition: ScenarioDefinition.parse(row.definition),
    isTarget: row.is_target,
    assignments,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    latestResult:
      row.latest_id !== null && row.latest_status !== null && row.latest_created_at !== null
        ? { id: row.latest_id, status: row.latest_status, createdAt: row.latest_created_at }
        : null,
  };
}

async function listAssignments(db: Queryable, scenarioId: number): Promise<ScenarioAssignment[]> {
  return db.query<ScenarioAssignment>(sql`
    SELECT organisation_key AS "kommuneKey", domain_id AS "domainId", provider_id AS "providerId"
    FROM scenario_assignment WHERE scenario_id = ${scenarioId}
    ORDER BY organisation_key, domain_id`);
}

/** All scenarios, the Zielbild first, then newest first (hand-made assignments not loaded). */
export async function listScenarios(db: Queryable): Promise<Scenario[]> {
  const rows = await db.query<ScenarioRow>(
    sql`${SELECT_SCENARIO} ORDER BY s.is_target DESC, s.updated_at DESC, s.id DESC`,
  );
  return rows.map((row) => toScenario(row, []));
}

/** One scenario with its hand-made assignments, or undefined. */
export async function findScenario(db: Queryable, id: number): Promise<Scenario | undefined> {
  const [row] = await db.query<ScenarioRow>(sql`${SELECT_SCENARIO} WHERE s.id = ${id}`);
  if (!row) return undefined;
  return toScenario(row, await listAssignments(db, id));
}

async function writeAssignments(
  tx: Queryable,
  scenarioId: number,
  assignments: readonly ScenarioAssignment[],
): Promise<void> {
  await tx.query(sql`DELETE FROM scenario_assignment WHERE scenario_id = ${scenarioId}`);
  await insertRows(
    tx,
    "scenario_assignment",
    ["scenario_id", "organisation_key", "domain_id", "provider_id"],
    assignments.map((entry) => [scenarioId, entry.kommuneKey, entry.domainId, entry.providerId]),
  );
}

/** Creates a scenario (in the caller's transaction); returns its id. */
export async function createScenario(
  tx: Queryable,
  input: ScenarioSaveInput,
  actor: string,
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(sql`
    INSERT INTO scenario (name, description, base_date, definition, created_by, updated_by)
    VALUES (${input.name}, ${input.description}, ${input.definition.baseDate}::date,
            ${JSON.stringify(input.definition)}::jsonb, ${actor}, ${actor})
    RETURNING id`);
  if (!row) throw new Error("Szenario wurde nicht angelegt");
  await writeAssignments(tx, row.id, input.assignments);
  return row.id;
}

/** Replaces a scenario's name, description, definition and assignments; false when missing. */
export async function updateScenario(
  tx: Queryable,
  id: number,
  input: ScenarioSaveInput,
  actor: string,
): Promise<boolean> {
  const rows = await tx.query<{ id: number }>(sql`
    UPDATE scenario SET name = ${input.name}, description = ${input.description},
      base_date = ${input.definition.baseDate}::date, definition = ${JSON.stringify(input.definition)}::jsonb,
      updated_by = ${actor}, updated_at = now()
    WHERE id = ${id} RETURNING id`);
  if (rows.length === 0) return false;
  await writeAssignments(tx, id, input.assignments);
  return true;
}

/** Deletes a scenario with its results; false when missing. */
export async function deleteScenario(tx: Queryable, id: number): Promise<boolean> {
  const rows = await tx.query<{ id: number }>(
    sql`DELETE FROM scenario WHERE id = ${id} RETURNING id`,
  );
  return rows.length > 0;
}

/**
 * Marks a scenario as the Zielbild (and unmarks the previous one), or unmarks it. Runs in the
 * caller's transaction; the partial unique index guarantees at most one Zielbild.
 */
export async function setScenarioTarget(
  tx: Queryable,
  id: number,
  isTarget: boolean,
  actor: string,
): Promise<boolean> {
  if (isTarget) {
    await tx.query(
      sql`UPDATE scenario SET is_target = false, updated_at = now(), updated_by = ${actor}
          WHERE is_target AND id <> ${id}`,
    );
  }
  const rows = await tx.query<{ id: number }>(sql`
    UPDATE scenario SET is_target = ${isTarget}, updated_at = now(), updated_by = ${actor}
    WHERE id = ${id} RETURNING id`);
  return rows.length > 0;
}

/** What a run stores. */
export interface ScenarioResultRecord {
  scenarioId: number;
  jobId: number | null;
  status: ScenarioResultStatus;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  seconds: number;
  plan: ScenarioResultPlan | null;
  conflicts: string[];
  message: string | null;
  definition: ScenarioDefinition;
}

/** Stores a run's result; refuses a plan for infeasible runs and a missing plan otherwise. */
export async function insertScenarioResult(
  tx: Queryable,
  record: ScenarioResultRecord,
): Promise<number> {
  const hasPlan = record.status === "optimal" || record.status === "feasible";
  if (hasPlan !== (record.plan !== null)) {
    throw new ConflictError(
      "scenario_result_inconsistent",
      "Ein Ergebnis hat genau dann einen Plan, wenn es zulässig ist.",
    );
  }
  const [row] = await tx.query<{ id: number }>(sql`
    INSERT INTO scenario_result (scenario_id, job_id, status, objective, bound, gap, seconds, plan,
                                 conflicts, message, definition)
    VALUES (${record.scenarioId}, ${record.jobId}, ${record.status}, ${record.objective},
            ${record.bound}, ${record.gap}, ${record.seconds},
            ${record.plan === null ? null : JSON.stringify(record.plan)}::jsonb,
            ${record.conflicts}::text[], ${record.message}, ${JSON.stringify(record.definition)}::jsonb)
    RETURNING id`);
  if (!row) throw new Error("Ergebnis wurde nicht gespeichert");
  return row.id;
}

interface ResultRow {
  id: number;
  scenario_id: number;
  job_id: number | null;
  status: ScenarioResultStatus;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  seconds: number;
  plan: unknown;
  conflicts: string[];
  message: string | null;
  definition: unknown;
  created_at: string;
}

function toResult(row: ResultRow): ScenarioResult {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    jobId: row.job_id,
    status: row.status,
    objective: row.objective,
    bound: row.bound,
    gap: row.gap,
    seconds: row.seconds,
    plan: row.plan === null ? null : ScenarioResultPlan.parse(row.plan),
    conflicts: row.conflicts,
    message: row.message,
    definition: ScenarioDefinition.parse(row.definition),
    createdAt: row.created_at,
  };
}

const SELECT_RESULT = sql`
  SELECT id, scenario_id, job_id, status, objective, bound, gap, seconds, plan, conflicts, message,
         definition, ${utc("created_at")} AS created_at
  FROM scenario_result`;

/** Results of a scenario, newest first (with plans only when `withPlans`). */
export async function listScenarioResults(
  db: Queryable,
  scenarioId: number,
  options: { withPlans: boolean; limit?: number } = { withPlans: false },
): Promise<ScenarioResult[]> {
  const rows = await db.query<ResultRow>(sql`${SELECT_RESULT}
    WHERE scenario_id = ${scenarioId} ORDER BY created_at DESC, id DESC LIMIT ${options.limit ?? 50}`);
  return rows.map((row) => toResult(options.withPlans ? row : { ...row, plan: null }));
}

/** The newest result of a scenario, or undefined. */
export async function findLatestScenarioResult(
  db: Queryable,
  scenarioId: number,
): Promise<ScenarioResult | undefined> {
  const [row] = await db.query<ResultRow>(sql`${SELECT_RESULT}
    WHERE scenario_id = ${scenarioId} ORDER BY created_at DESC, id DESC LIMIT 1`);
  return row ? toResult(row) : undefined;
}

/** Stores a Pareto analysis; returns its id. */
export async function insertScenarioPareto(
  tx: Queryable,
  record: { scenarioId: number; jobId: number | null; points: ParetoPoint[] },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(sql`
    INSERT INTO scenario_pareto (scenario_id, job_id, points)
    VALUES (${record.scenarioId}, ${record.jobId}, ${JSON.stringify(record.points)}::jsonb) RETURNING id`);
  if (!row) throw new Error("Pareto-Auswertung wurde nicht gespeichert");
  return row.id;
}

/** The newest Pareto analysis of a scenario, or undefined. */
export async function findLatestScenarioPareto(
  db: Queryable,
  scenarioId: number,
): Promise<ScenarioPareto | undefined> {
  const [row] = await db.query<{
    id: number;
    scenario_id: number;
    job_id: number | null;
    points: unknown;
    created_at: string;
  }>(sql`SELECT id, scenario_id, job_id, points,
           ${utc("created_at")} AS created_at
         FROM scenario_pareto WHERE scenario_id = ${scenarioId}
         ORDER BY created_at DESC, id DESC LIMIT 1`);
  if (!row) return undefined;
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    jobId: row.job_id,
    points: ParetoPoint.array().parse(row.points),
    createdAt: row.created_at,
  };
}

/** Keys of hand-made assignments that name no Kommune, Leistungsbereich or provider (German). */
export async function listUnknownAssignmentReferences(
  db: Queryable,
  assignments: readonly ScenarioAssignment[],
): Promise<string[]> {
  if (assignments.length === 0) return [];
  const kommunen = [...new Set(assignments.map((entry) => entry.kommuneKey))];
  const domains = [...new Set(assignments.map((entry) => entry.domainId))];
  const providers = [
    ...new Set(assignments.flatMap((entry) => (entry.providerId ? [entry.providerId] : []))),
  ];
  const [knownKommunen, knownDomains, knownProviders] = await Promise.all([
    db.query<{ key: string }>(
      sql`SELECT key FROM organisation WHERE key = ANY(${kommunen}) AND kind IN ('gemeinde','kreis')`,
    ),
    db.query<{ id: string }>(
      sql`SELECT id FROM service_domain WHERE id = ANY(${domains}) AND NOT is_group`,
    ),
    db.query<{ id: string }>(sql`SELECT id FROM provider WHERE id = ANY(${providers})`),
  ]);
  const has = (rows: ReadonlyArray<{ key?: string; id?: string }>) =>
    new Set(rows.map((row) => row.key ?? row.id));
  const kommuneSet = has(knownKommunen);
  const domainSet = has(knownDomains);
  const providerSet = has(knownProviders);
  return [
    ...kommunen.filter((key) => !kommuneSet.has(key)).map((key) => `Unbekannte Kommune „${key}“.`),
    ...domains
      .filter((id) => !domainSet.has(id))
      .map((id) => `Unbekannter Leistungsbereich „${id}“.`),
    ...providers.filter((id) => !providerSet.has(id)).map((id) => `Unbekannter Anbieter „${id}“.`),
  ];
}
