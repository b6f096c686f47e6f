import type { AppNotification, ChangeComment, CommentTargetType } from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { insertRows } from "../client/insertRows.ts";
import { sql } from "../client/sql.ts";

const ISO = 'YYYY-MM-DD"T"HH24:MI:SS"Z"';

/** Comments on one measure, strategy or scenario, oldest first. */
export async function listComments(
  db: Queryable,
  targetType: CommentTargetType,
  targetId: string,
): Promise<ChangeComment[]> {
  const rows = await db.query<{
    id: number;
    target_type: CommentTargetType;
    target_id: string;
    author_name: string;
    body: string;
    created_at: string;
  }>(sql`
    SELECT c.id, c.target_type, c.target_id, coalesce(u.display_name, c.author_label) AS author_name, c.body,
           to_char(c.created_at AT TIME ZONE 'UTC', ${ISO}) AS created_at
    FROM change_comment c LEFT JOIN app_user u ON u.id = c.author_user_id
    WHERE c.target_type = ${targetType} AND c.target_id = ${targetId}
    ORDER BY c.created_at, c.id`);
  return rows.map((row) => ({
    id: row.id,
    targetType: row.target_type,
    targetId: row.target_id,
    authorName: row.author_name,
    body: row.body,
    createdAt: row.created_at,
  }));
}

/** Stores a comment; returns its id. */
export async function createComment(
  tx: Queryable,
  comment: {
    targetType: CommentTargetType;
    targetId: string;
    body: string;
    authorUserId: number | null;
    authorLabel: string;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(sql`
    INSERT INTO change_comment (target_type, target_id, author_user_id, author_label, body)
    VALUES (${comment.targetType}, ${comment.targetId}, ${comment.authorUserId}, ${comment.authorLabel}, ${comment.body})
    RETURNING id`);
  if (!row) throw new Error("Kommentar nicht angelegt");
  return row.id;
}

/** Active accounts named by e-mail address or display name (both compared lower-cased). */
export async function findMentionedUsers(
  db: Queryable,
  emails: readonly string[],
  names: readonly string[],
): Promise<Array<{ id: number; email: string; name: string }>> {
  if (emails.length === 0 && names.length === 0) return [];
  return db.query<{ id: number; email: string; name: string }>(sql`
    SELECT id, email, display_name AS name FROM app_user
    WHERE status = 'active'
      AND (lower(email) = ANY(${[...emails]}) OR lower(display_name) = ANY(${[...names]}))
    ORDER BY id`);
}

/** Adds one notification per account. */
export async function createNotifications(
  tx: Queryable,
  notifications: ReadonlyArray<{
    userId: number;
    kind: AppNotification["kind"];
    title: string;
    link: string;
  }>,
): Promise<void> {
  await insertRows(
    tx,
    "notification",
    ["user_id", "kind", "title", "link"],
    notifications.map((item) => [item.userId, item.kind, item.title, item.link]),
  );
}

/** The newest notifications of an account and its number of unread ones. */
export async function listNotifications(
  db: Queryable,
  userId: number,
  options: { unreadOnly?: boolean; limit?: number } = {},
): Promise<{ items: AppNotification[]; unread: number }> {
  const [rows, counted] = await Promise.all([
    db.query<{
      id: number;
      kind: AppNotification["kind"];
      title: string;
      link: string;
      created_at: string;
      read: boolean;
    }>(sql`
      SELECT id, kind, title, link, to_char(created_at AT TIME ZONE 'UTC', ${ISO}) AS created_at,
             read_at IS NOT NULL AS read
      FROM notification WHERE user_id = ${userId} ${options.unreadOnly ? sql`AND read_at IS NULL` : sql``}
      ORDER BY created_at DESC, id DESC LIMIT ${options.limit ?? 50}`),
    db.query<{ unread: number }>(
      sql`SELECT count(*)::int AS unread FROM notification WHERE user_id = ${userId} AND read_at IS NULL`,
    ),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      link: row.link,
      createdAt: row.created_at,
      read: row.read,
    })),
    unread: counted[0]?.unread ?? 0,
  };
}

/**
 * Marks an account's notifications as read (the given ids, or all when `ids` is undefined);
 * returns the ids changed. Other accounts' notifications are never touched.
 */
export async function markNotificationsRead(
  tx: Queryable,
  userId: number,
  ids: readonly number[] | undefined,
): Promise<number[]> {
  const rows = await tx.query<{ id: number }>(sql`
    UPDATE notification SET read_at = now()
    WHERE user_id = ${userId} AND read_at IS NULL ${ids ? sql`AND id = ANY(${[...ids]})` : sql``}
    RETURNING id`);
  return rows.map((row) => row.id);
}

/** A strategy version as a comment target: its Kommune and status. */
export async function findCommentStrategy(
  db: Queryable,
  strategyId: number,
): Promise<
  | {
      organisationKey: string;
      organisationName: string;
      version: number;
      status: "draft" | "adopted";
    }
  | undefined
> {
  const [row] = await db.query<{
    organisation_key: string;
    name: string;
    version: number;
    status: "draft" | "adopted";
  }>(sql`SELECT s.organisation_key, o.name, s.version, s.status
         FROM strategy s JOIN organisation o ON o.key = s.organisation_key WHERE s.id = ${strategyId}`);
  return row
    ? {
        organisationKey: row.organisation_key,
        organisationName: row.name,
        version: row.version,
        status: row.status,
      }
    : undefined;
}
