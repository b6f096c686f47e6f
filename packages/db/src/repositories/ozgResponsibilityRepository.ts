import {
  NotFoundError,
  type LeikaTypeRuleKey,
  type ResponsibilityRule,
  type ResponsibilityRuleInput,
  type ResponsibleType,
} from "@it-atlas/domain";
import { afterCommit, type Queryable } from "../client/Database.ts";
import { sql } from "../client/sql.ts";

interface RuleRow {
  leika_type: LeikaTypeRuleKey | null;
  ozg_id: number | null;
  ozg_name: string | null;
  responsible_types: ResponsibleType[];
  basis: string;
  updated_at: string | null;
  updated_by: string | null;
}

/** The rule table: LeiKa-Typ rows first (in type order), then the rules per OZG-Leistung. */
export async function listResponsibilityRules(db: Queryable): Promise<ResponsibilityRule[]> {
  const rows = await db.query<RuleRow>(sql`
    SELECT r.leika_type, r.ozg_id, l.name AS ozg_name, r.responsible_types, r.basis,
           to_char(r.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at, r.updated_by
    FROM ozg_responsibility_rule r LEFT JOIN ozg_leistung l ON l.id = r.ozg_id
    ORDER BY r.ozg_id IS NOT NULL, r.leika_type, l.name, r.ozg_id`);
  return rows.map((row) => ({
    scope: row.ozg_id === null ? "leika_typ" : "leistung",
    leikaType: row.leika_type,
    ozgId: row.ozg_id,
    ozgName: row.ozg_name,
    responsibleTypes: row.responsible_types,
    basis: row.basis,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  }));
}

/** Sets the rule of one LeiKa-Typ; returns the rule before the change. */
export async function saveLeikaTypeRule(
  tx: Queryable,
  leikaType: LeikaTypeRuleKey,
  input: ResponsibilityRuleInput,
  updatedBy: string,
): Promise<ResponsibilityRule | undefined> {
  const before = (await listResponsibilityRules(tx)).find((rule) => rule.leikaType === leikaType);
  await tx.query(sql`
    INSERT INTO ozg_responsibility_rule (leika_type, responsible_types, basis, updated_by)
    VALUES (${leikaType}, ${input.responsibleTypes}, ${input.basis}, ${updatedBy})
    ON CONFLICT (leika_type) WHERE leika_type IS NOT NULL
    DO UPDATE SET responsible_types = EXCLUDED.responsible_types, basis = EXCLUDED.basis,
                  updated_at = now(), updated_by = EXCLUDED.updated_by`);
  await bumpOzgRevision(tx);
  return before;
}

/** Sets the rule of one OZG-Leistung; returns the rule before the change. */
export async function saveLeistungRule(
  tx: Queryable,
  ozgId: number,
  input: ResponsibilityRuleInput,
  updatedBy: string,
): Promise<ResponsibilityRule | undefined> {
  const [leistung] = await tx.query<{ id: number }>(
    sql`SELECT id FROM ozg_leistung WHERE id = ${ozgId}`,
  );
  if (!leistung) {
    throw new NotFoundError("ozg_leistung_not_found", `Es gibt keine OZG-Leistung ${ozgId}.`);
  }
  const before = (await listResponsibilityRules(tx)).find((rule) => rule.ozgId === ozgId);
  await tx.query(sql`
    INSERT INTO ozg_responsibility_rule (ozg_id, responsible_types, basis, updated_by)
    VALUES (${ozgId}, ${input.responsibleTypes}, ${input.basis}, ${updatedBy})
    ON CONFLICT (ozg_id) WHERE ozg_id IS NOT NULL
    DO UPDATE SET responsible_types = EXCLUDED.responsible_types, basis = EXCLUDED.basis,
                  updated_at = now(), updated_by = EXCLUDED.updated_by`);
  await bumpOzgRevision(tx);
  return before;
}

/** Removes the rule of one OZG-Leistung (its LeiKa-Typen apply again); returns it. */
export async function deleteLeistungRule(
  tx: Queryable,
  ozgId: number,
): Promise<ResponsibilityRule> {
  const before = (await listResponsibilityRules(tx)).find((rule) => rule.ozgId === ozgId);
  if (!before) {
    throw new NotFoundError(
      "responsibility_rule_not_found",
      `Für die OZG-Leistung ${ozgId} gibt es keine eigene Regel.`,
    );
  }
  await tx.query(sql`DELETE FROM ozg_responsibility_rule WHERE ozg_id = ${ozgId}`);
  await bumpOzgRevision(tx);
  return before;
}

let ozgWritesCommitted = 0;

/**
 * How many OZG writes this process has committed so far: a reader that keeps the OZG
 * revision in memory re-reads it when this number changed (as for the landscape, ADR 0016).
 */
export function countOzgWritesCommitted(): number {
  return ozgWritesCommitted;
}

/** Marks OZG data as changed (readers compare revisions before using a cache). */
export async function bumpOzgRevision(tx: Queryable): Promise<void> {
  await tx.query(sql`UPDATE ozg_revision SET revision = revision + 1`);
  // Counted after the COMMIT, so a concurrent reader cannot re-read and keep the old value.
  afterCommit(tx, () => {
    ozgWritesCommitted += 1;
  });
}

/** The current OZG revision. */
export async function getOzgRevision(db: Queryable): Promise<number> {
  const [row] = await db.query<{ revision: number }>(
    sql`SELECT revision::int AS revision FROM ozg_revision`,
  );
  return row?.revision ?? 0;
}
