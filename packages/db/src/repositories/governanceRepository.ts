import {
  ConflictError,
  NotFoundError,
  type GovernanceBody,
  type GovernanceBodyInput,
  type GovernanceBodyKind,
  type GovernanceDecision,
  type GovernanceDecisionInput,
} from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { insertRows } from "../client/insertRows.ts";
import { sql, whereAll, type SqlFragment } from "../client/sql.ts";

/** All Gremien with their number of decisions. */
export async function listGovernanceBodies(db: Queryable): Promise<GovernanceBody[]> {
  const rows = await db.query<{
    id: number;
    name: string;
    kind: GovernanceBodyKind;
    description: string | null;
    decision_count: number;
  }>(sql`
    SELECT b.id, b.name, b.kind, b.description,
           (SELECT count(*)::int FROM governance_decision d WHERE d.body_id = b.id) AS decision_count
    FROM governance_body b ORDER BY b.name`);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    description: row.description,
    decisionCount: row.decision_count,
  }));
}

/** Creates a Gremium; a second one with the same name is a conflict. Returns its id. */
export async function createGovernanceBody(
  tx: Queryable,
  input: GovernanceBodyInput,
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(sql`
    INSERT INTO governance_body (name, kind, description)
    VALUES (${input.name}, ${input.kind}, ${input.description})
    ON CONFLICT (name) DO NOTHING RETURNING id`);
  if (!row) {
    throw new ConflictError(
      "governance_body_exists",
      `Es gibt bereits ein Gremium „${input.name}“.`,
    );
  }
  return row.id;
}

/** Filters of the decision list. */
export interface DecisionFilter {
  bodyId?: number | undefined;
  measureId?: number | undefined;
  scenarioId?: string | undefined;
}

/** Decisions, newest first, with the measures and scenarios they affect. */
export async function listGovernanceDecisions(
  db: Queryable,
  filter: DecisionFilter = {},
): Promise<GovernanceDecision[]> {
  const conditions: SqlFragment[] = [];
  if (filter.bodyId) conditions.push(sql`d.body_id = ${filter.bodyId}`);
  if (filter.measureId) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM governance_decision_measure x WHERE x.decision_id = d.id AND x.measure_id = ${filter.measureId})`,
    );
  }
  if (filter.scenarioId) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM governance_decision_scenario x WHERE x.decision_id = d.id AND x.scenario_id = ${filter.scenarioId})`,
    );
  }
  const rows = await db.query<{
    id: number;
    body_id: number;
    body_name: string;
    decided_on: string;
    title: string;
    text: string | null;
    document_reference: string | null;
    created_by: string;
  }>(sql`
    SELECT d.id, d.body_id, b.name AS body_name, d.decided_on, d.title, d.text, d.document_reference, d.created_by
    FROM governance_decision d JOIN governance_body b ON b.id = d.body_id
    ${whereAll(conditions)} ORDER BY d.decided_on DESC, d.id DESC`);
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [measures, scenarios] = await Promise.all([
    db.query<{ decision_id: number; id: number; title: string }>(sql`
      SELECT x.decision_id, m.id, m.title FROM governance_decision_measure x JOIN measure m ON m.id = x.measure_id
      WHERE x.decision_id = ANY(${ids}) ORDER BY m.title`),
    db.query<{ decision_id: number; scenario_id: string }>(sql`
      SELECT decision_id, scenario_id FROM governance_decision_scenario
      WHERE decision_id = ANY(${ids}) ORDER BY scenario_id`),
  ]);
  return rows.map((row) => ({
    id: row.id,
    bodyId: row.body_id,
    bodyName: row.body_name,
    decidedOn: row.decided_on,
    title: row.title,
    text: row.text,
    documentReference: row.document_reference,
    measures: measures
      .filter((measure) => measure.decision_id === row.id)
      .map((measure) => ({ id: measure.id, title: measure.title })),
    scenarioIds: scenarios
      .filter((scenario) => scenario.decision_id === row.id)
      .map((scenario) => scenario.scenario_id),
    createdBy: row.created_by,
  }));
}

/** Records a decision with the measures and scenarios it affects; returns its id. */
export async function createGovernanceDecision(
  tx: Queryable,
  input: GovernanceDecisionInput,
  actorLabel: string,
): Promise<number> {
  const [body] = await tx.query<{ id: number }>(
    sql`SELECT id FROM governance_body WHERE id = ${input.bodyId}`,
  );
  if (!body) {
    throw new NotFoundError("governance_body_not_found", `Es gibt kein Gremium ${input.bodyId}.`);
  }
  const measureIds = [...new Set(input.measureIds)];
  const known = await tx.query<{ id: number }>(
    sql`SELECT id FROM measure WHERE id = ANY(${measureIds})`,
  );
  const missing = measureIds.filter((id) => !known.some((row) => row.id === id));
  if (missing.length > 0) {
    throw new NotFoundError("measure_not_found", `Es gibt keine Maßnahme ${missing.join(", ")}.`);
  }
  const [row] = await tx.query<{ id: number }>(sql`
    INSERT INTO governance_decision (body_id, decided_on, title, text, document_reference, created_by)
    VALUES (${input.bodyId}, ${input.decidedOn}, ${input.title}, ${input.text}, ${input.documentReference}, ${actorLabel})
    RETURNING id`);
  if (!row) throw new Error("Beschluss nicht angelegt");
  await insertRows(
    tx,
    "governance_decision_measure",
    ["decision_id", "measure_id"],
    measureIds.map((id) => [row.id, id]),
  );
  await insertRows(
    tx,
    "governance_decision_scenario",
    ["decision_id", "scenario_id"],
    [...new Set(input.scenarioIds)].map((id) => [row.id, id]),
  );
  return row.id;
}
