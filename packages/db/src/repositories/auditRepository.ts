import type { AdoptionStatus, ProvenanceQuality } from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { sql, whereAll, type SqlFragment } from "../client/sql.ts";

/** Channel a write came through. */
export type AuditVia = "ui" | "api" | "import" | "cli" | "system";

/** One audit entry to append. */
export interface AuditEntry {
  actorUserId: number | null;
  actorLabel: string;
  via: AuditVia;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId?: string | null;
}

/** Appends an entry in the caller's transaction (the table refuses updates and deletes). */
export async function appendAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.query(sql`INSERT INTO audit_log (actor_user_id, actor_label, via, action, entity_type, entity_id, before, after, request_id)
    VALUES (${entry.actorUserId}, ${entry.actorLabel}, ${entry.via}, ${entry.action}, ${entry.entityType}, ${entry.entityId},
            ${entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before)}::jsonb,
            ${entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after)}::jsonb,
            ${entry.requestId ?? null})`);
}

/**
 * Appends many entries in the caller's transaction with one statement (the entries travel as
 * one JSON document), so a bulk import adds one round trip, not one per row.
 */
export async function appendAuditEntries(
  tx: Queryable,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const document = JSON.stringify(
    entries.map((entry) => ({
      actor_user_id: entry.actorUserId,
      actor_label: entry.actorLabel,
      via: entry.via,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      request_id: entry.requestId ?? null,
    })),
  );
  await tx.query(sql`INSERT INTO audit_log (actor_user_id, actor_label, via, action, entity_type, entity_id, before, after, request_id)
    SELECT (entry->>'actor_user_id')::int, entry->>'actor_label', entry->>'via', entry->>'action',
           entry->>'entity_type', entry->>'entity_id', nullif(entry->'before', 'null'::jsonb),
           nullif(entry->'after', 'null'::jsonb), entry->>'request_id'
    FROM jsonb_array_elements(${document}::jsonb) WITH ORDINALITY AS entries(entry, position)
    ORDER BY position`);
}

/** An audit entry as read back. */
export interface AuditRecord {
  id: number;
  at: string;
  actorUserId: number | null;
  actorLabel: string;
  via: AuditVia;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Filters of the audit list. */
export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** Prefix match on entity id, e.g. all sourcing of one Kommune ("05766020/"). */
  entityIdPrefix?: string | undefined;
  actorUserId?: number | undefined;
  page: number;
  pageSize: number;
}

/** Audit entries, newest first, paged. */
export async function listAudit(
  db: Queryable,
  filter: AuditFilter,
): Promise<{ items: AuditRecord[]; total: number }> {
  const conditions: SqlFragment[] = [];
  if (filter.entityType) conditions.push(sql`entity_type = ${filter.entityType}`);
  if (filter.entityId) conditions.push(sql`entity_id = ${filter.entityId}`);
  if (filter.entityIdPrefix) {
    conditions.push(sql`starts_with(entity_id, ${filter.entityIdPrefix})`);
  }
  if (filter.actorUserId !== undefined) conditions.push(sql`actor_user_id = ${filter.actorUserId}`);
  const where = whereAll(conditions);
  const [items, [count]] = await Promise.all([
    db.query<AuditRecord>(sql`SELECT id::int AS id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at,
        actor_user_id AS "actorUserId", actor_label AS "actorLabel", via, action, entity_type AS "entityType",
        entity_id AS "entityId", before, after
      FROM audit_log ${where} ORDER BY at DESC, id DESC
      LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`),
    db.query<{ total: number }>(sql`SELECT count(*)::int AS total FROM audit_log ${where}`),
  ]);
  return { items, total: count?.total ?? 0 };
}

/** One change of a Kommune's adoption status for an OZG-Leistung, as the audit log has it. */
export interface AdoptionHistoryRecord {
  id: number;
  at: string;
  organisationKey: string;
  kommuneName: string | null;
  action: "create" | "change" | "import";
  via: AuditVia;
  statusBefore: AdoptionStatus | null;
  statusAfter: AdoptionStatus | null;
  informationDate: string | null;
  onlineServiceName: string | null;
  quality: ProvenanceQuality | null;
  /** The actor's label (a person's e-mail address); the caller decides who may see it. */
  changedBy: string;
}

/** Filter of the adoption history: one OZG-Leistung, optionally one Kommune, paged. */
export interface AdoptionHistoryFilter {
  ozgId: number;
  organisationKey?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * The adoption changes of one OZG-Leistung (entity `ozg_adoption`, id `<key>/<ozgId>`, written
 * by the adoption route and the adoption import), newest first. Statuses, date, online service
 * and quality come from the entries' before/after `Adoption` documents.
 */
export async function listAdoptionHistory(
  db: Queryable,
  filter: AdoptionHistoryFilter,
): Promise<{ items: AdoptionHistoryRecord[]; total: number }> {
  // The expression matches the partial index audit_log_ozg_adoption_leistung_idx (migration 0012).
  const conditions = [
    sql`a.entity_type = 'ozg_adoption'`,
    sql`split_part(a.entity_id, '/', 2) = ${String(filter.ozgId)}`,
  ];
  if (filter.organisationKey) {
    conditions.push(sql`a.entity_id = ${`${filter.organisationKey}/${filter.ozgId}`}`);
  }
  const where = whereAll(conditions);
  const [items, [count]] = await Promise.all([
    db.query<AdoptionHistoryRecord>(sql`
      SELECT a.id::int AS id, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at,
             split_part(a.entity_id, '/', 1) AS "organisationKey", o.name AS "kommuneName",
             CASE WHEN a.action IN ('create', 'change', 'import') THEN a.action ELSE 'change' END AS action,
             a.via, a.before->>'status' AS "statusBefore", a.after->>'status' AS "statusAfter",
             a.after->>'informationDate' AS "informationDate",
             a.after->'onlineService'->>'name' AS "onlineServiceName",
             a.after->'provenance'->>'quality' AS quality, a.actor_label AS "changedBy"
      FROM audit_log a LEFT JOIN organisation o ON o.key = split_part(a.entity_id, '/', 1)
      ${where} ORDER BY a.at DESC, a.id DESC
      LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`),
    db.query<{ total: number }>(sql`SELECT count(*)::int AS total FROM audit_log a ${where}`),
  ]);
  return { items, total: count?.total ?? 0 };
}
