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
