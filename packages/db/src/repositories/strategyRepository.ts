import {
  ConflictError,
  NotFoundError,
  type Strategy,
  type StrategyDecision,
  type StrategyStatus,
  type TargetModel,
} from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { insertRows } from "../client/insertRows.ts";
import { sql } from "../client/sql.ts";

const ISO = 'YYYY-MM-DD"T"HH24:MI:SS"Z"';

interface StrategyRow {
  id: number;
  organisation_key: string;
  organisation_name: string;
  version: number;
  status: StrategyStatus;
  council_decision_date: string | null;
  updated_at: string;
  updated_by: string;
}

interface DecisionRow {
  domain_id: string;
  target_model: TargetModel;
  provider_id: string | null;
  vor_ort_required: boolean;
  rationale: string | null;
  priority: number;
  target_year: number | null;
}

const SELECT_STRATEGY = sql`
  SELECT s.id, s.organisation_key, o.name AS organisation_name, s.version, s.status,
         s.council_decision_date, to_char(s.updated_at AT TIME ZONE 'UTC', ${ISO}) AS updated_at, s.updated_by
  FROM strategy s JOIN organisation o ON o.key = s.organisation_key`;

function toDecision(row: DecisionRow): StrategyDecision {
  return {
    domainId: row.domain_id,
    targetModel: row.target_model,
    providerId: row.provider_id,
    vorOrtRequired: row.vor_ort_required,
    rationale: row.rationale,
    priority: row.priority,
    targetYear: row.target_year,
  };
}

async function toStrategy(db: Queryable, row: StrategyRow): Promise<Strategy> {
  const decisions = await db.query<DecisionRow>(sql`
    SELECT d.domain_id, d.target_model, d.provider_id, d.vor_ort_required, d.rationale, d.priority, d.target_year
    FROM strategy_decision d JOIN service_domain sd ON sd.id = d.domain_id
    WHERE d.strategy_id = ${row.id} ORDER BY sd.position, sd.name`);
  return {
    id: row.id,
    organisationKey: row.organisation_key,
    organisationName: row.organisation_name,
    version: row.version,
    status: row.status,
    councilDecisionDate: row.council_decision_date,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    decisions: decisions.map(toDecision),
  };
}

/** All versions of a Kommune's strategy, newest first. */
export async function listStrategies(db: Queryable, organisationKey: string): Promise<Strategy[]> {
  const rows = await db.query<StrategyRow>(
    sql`${SELECT_STRATEGY} WHERE s.organisation_key = ${organisationKey} ORDER BY s.version DESC`,
  );
  return Promise.all(rows.map((row) => toStrategy(db, row)));
}

/** One version of a Kommune's strategy. */
export async function findStrategyVersion(
  db: Queryable,
  organisationKey: string,
  version: number,
): Promise<Strategy | undefined> {
  const [row] = await db.query<StrategyRow>(
    sql`${SELECT_STRATEGY} WHERE s.organisation_key = ${organisationKey} AND s.version = ${version}`,
  );
  return row ? toStrategy(db, row) : undefined;
}

/**
 * Saves the draft's decisions; starts a new draft version (after the last adopted one) when
 * there is none. Returns the draft's version.
 */
export async function saveStrategyDraft(
  tx: Queryable,
  organisationKey: string,
  decisions: readonly StrategyDecision[],
  updatedBy: string,
): Promise<number> {
  // Serialise writers of one Kommune's strategy (two editors saving the first draft at once).
  await tx.query(sql`SELECT key FROM organisation WHERE key = ${organisationKey} FOR UPDATE`);
  let [draft] = await tx.query<{ id: number; version: number }>(
    sql`SELECT id, version FROM strategy WHERE organisation_key = ${organisationKey} AND status = 'draft'`,
  );
  if (!draft) {
    [draft] = await tx.query<{ id: number; version: number }>(sql`
      INSERT INTO strategy (organisation_key, version, updated_by)
      VALUES (${organisationKey},
              (SELECT coalesce(max(version), 0) + 1 FROM strategy WHERE organisation_key = ${organisationKey}),
              ${updatedBy})
      RETURNING id, version`);
  } else {
    await tx.query(
      sql`UPDATE strategy SET updated_at = now(), updated_by = ${updatedBy} WHERE id = ${draft.id}`,
    );
  }
  if (!draft) throw new Error("Strategieentwurf nicht angelegt");
  const domainIds = decisions.map((decision) => decision.domainId);
  const known = await tx.query<{ id: string }>(
    sql`SELECT id FROM service_domain WHERE id = ANY(${domainIds}) AND NOT is_group`,
  );
  const missing = domainIds.filter((id) => !known.some((row) => row.id === id));
  if (missing.length > 0) {
    throw new NotFoundError(
      "domain_not_found",
      `Unbekannter Leistungsbereich: ${missing.join(", ")}.`,
    );
  }
  const providerIds = decisions.flatMap((decision) => decision.providerId ?? []);
  const providers = await tx.query<{ id: string }>(
    sql`SELECT id FROM provider WHERE id = ANY(${providerIds})`,
  );
  const unknownProvider = providerIds.find((id) => !providers.some((row) => row.id === id));
  if (unknownProvider) {
    throw new NotFoundError(
      "provider_not_found",
      `Es gibt keinen IT-Dienstleister „${unknownProvider}“.`,
    );
  }
  await tx.query(sql`DELETE FROM strategy_decision WHERE strategy_id = ${draft.id}`);
  await insertRows(
    tx,
    "strategy_decision",
    [
      "strategy_id",
      "domain_id",
      "target_model",
      "provider_id",
      "vor_ort_required",
      "rationale",
      "priority",
      "target_year",
    ],
    decisions.map((decision) => [
      draft.id,
      decision.domainId,
      decision.targetModel,
      decision.providerId,
      decision.vorOrtRequired,
      decision.rationale,
      decision.priority,
      decision.targetYear,
    ]),
  );
  return draft.version;
}

/** Adopts the draft with the council decision date; returns the adopted version. */
export async function adoptStrategyDraft(
  tx: Queryable,
  organisationKey: string,
  councilDecisionDate: string,
  updatedBy: string,
): Promise<number> {
  const [row] = await tx.query<{ version: number }>(sql`
    UPDATE strategy SET status = 'adopted', council_decision_date = ${councilDecisionDate},
      updated_at = now(), updated_by = ${updatedBy}
    WHERE organisation_key = ${organisationKey} AND status = 'draft' RETURNING version`);
  if (!row) {
    throw new ConflictError(
      "strategy_no_draft",
      "Es gibt keinen Entwurf, der beschlossen werden könnte.",
    );
  }
  return row.version;
}

/** One row of the statewide overview: a decision of a Kommune's latest adopted strategy. */
export interface AdoptedDecisionRow {
  organisationKey: string;
  organisationName: string;
  kreisKey: string | null;
  councilDecisionDate: string;
  decision: StrategyDecision;
}

/** Decisions of each Kommune's latest adopted strategy (optionally of one domain). */
export async function listAdoptedDecisions(
  db: Queryable,
  domainId?: string,
): Promise<AdoptedDecisionRow[]> {
  const rows = await db.query<
    DecisionRow & {
      organisation_key: string;
      name: string;
      kreis_key: string | null;
      council_decision_date: string;
    }
  >(sql`
    SELECT s.organisation_key, o.name, coalesce(o.kreis_key, CASE WHEN o.kind = 'kreis' THEN o.key END) AS kreis_key,
           s.council_decision_date, d.domain_id, d.target_model, d.provider_id, d.vor_ort_required, d.rationale,
           d.priority, d.target_year
    FROM strategy s JOIN organisation o ON o.key = s.organisation_key
    JOIN strategy_decision d ON d.strategy_id = s.id
    WHERE s.status = 'adopted'
      AND s.version = (SELECT max(version) FROM strategy x WHERE x.organisation_key = s.organisation_key AND x.status = 'adopted')
      ${domainId ? sql`AND d.domain_id = ${domainId}` : sql``}
    ORDER BY o.name, d.domain_id`);
  return rows.map((row) => ({
    organisationKey: row.organisation_key,
    organisationName: row.name,
    kreisKey: row.kreis_key,
    councilDecisionDate: row.council_decision_date,
    decision: toDecision(row),
  }));
}

/**
 * Today's operating models of the peers of a size class (same municipality type, or Kreise),
 * counted per domain; the Kommune itself is left out.
 */
export async function countPeerOperatingModels(
  db: Queryable,
  responsibleType: string,
  exceptKey: string,
): Promise<Array<{ domainId: string; operatingModel: string; count: number; demoCount: number }>> {
  const rows = await db.query<{
    domain_id: string;
    operating_model: string;
    count: number;
    demo_count: number;
  }>(sql`
    SELECT s.domain_id, s.operating_model, count(*)::int AS count,
           count(*) FILTER (WHERE s.quality = 'demo')::int AS demo_count
    FROM sourcing s JOIN organisation o ON o.key = s.organisation_key
    WHERE s.valid_to IS NULL AND o.key <> ${exceptKey}
      AND ((o.kind = 'gemeinde' AND o.municipality_type = ${responsibleType})
        OR (o.kind = 'kreis' AND CASE WHEN o.kreis_type = 'staedteregion' THEN 'staedteregion' ELSE 'kreis' END = ${responsibleType}))
    GROUP BY s.domain_id, s.operating_model`);
  return rows.map((row) => ({
    domainId: row.domain_id,
    operatingModel: row.operating_model,
    count: row.count,
    demoCount: row.demo_count,
  }));
}

/** The latest accepted (else submitted) response of a Kommune, for strategy suggestions. */
export async function findLatestReviewedResponseId(
  db: Queryable,
  organisationKey: string,
): Promise<number | undefined> {
  const [row] = await db.query<{ id: number }>(sql`
    SELECT id FROM survey_response WHERE organisation_key = ${organisationKey} AND status IN ('accepted','submitted')
    ORDER BY (status = 'accepted') DESC, campaign_id DESC LIMIT 1`);
  return row?.id;
}
