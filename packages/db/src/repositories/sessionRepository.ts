import type { Queryable } from "../client/Database.ts";
import { sql } from "../client/sql.ts";

/** A live session: the user it belongs to and its CSRF token. */
export interface SessionRecord {
  userId: number;
  csrfToken: string;
  via: "password" | "oidc";
  /** Passed a second factor (TOTP, or the identity provider's MFA): the administrator role is effective. */
  secondFactor: boolean;
}

/** Stores a session under the hash of its secret. */
export async function createSession(
  tx: Queryable,
  session: {
    tokenHash: string;
    userId: number;
    csrfToken: string;
    via: "password" | "oidc";
    ttlMinutes: number;
    secondFactor: boolean;
  },
): Promise<void> {
  await tx.query(sql`INSERT INTO user_session (token_hash, user_id, csrf_token, via, expires_at, second_factor)
    VALUES (${session.tokenHash}, ${session.userId}, ${session.csrfToken}, ${session.via},
            now() + make_interval(mins => ${session.ttlMinutes}), ${session.secondFactor})`);
}

/** Marks a session as having passed the second factor (after enrolling TOTP in it). */
export async function markSessionSecondFactor(tx: Queryable, tokenHash: string): Promise<void> {
  await tx.query(sql`UPDATE user_session SET second_factor = true WHERE token_hash = ${tokenHash}`);
}

/** How often at most a session's `last_seen_at` is written (cheap: not on every request). */
export const SESSION_TOUCH_SECONDS = 60;

/**
 * The session for a secret's hash, if it exists, has neither expired nor been idle for more
 * than `idleMinutes`, and its user is active. Marks it seen when its last mark is older than
 * {@link SESSION_TOUCH_SECONDS} (so an active session writes at most once a minute).
 */
export async function findSession(
  db: Queryable,
  tokenHash: string,
  idleMinutes: number,
): Promise<SessionRecord | undefined> {
  const [row] = await db.query<SessionRecord & { stale: boolean }>(sql`
    SELECT s.user_id AS "userId", s.csrf_token AS "csrfToken", s.via, s.second_factor AS "secondFactor",
           s.last_seen_at < now() - make_interval(secs => ${SESSION_TOUCH_SECONDS}) AS stale
    FROM user_session s JOIN app_user u ON u.id = s.user_id
    WHERE s.token_hash = ${tokenHash} AND s.expires_at > now() AND u.status = 'active'
      AND s.last_seen_at > now() - make_interval(mins => ${idleMinutes}::int)`);
  if (!row) return undefined;
  if (row.stale) {
    await db.query(sql`UPDATE user_session SET last_seen_at = now()
      WHERE token_hash = ${tokenHash}
        AND last_seen_at < now() - make_interval(secs => ${SESSION_TOUCH_SECONDS})`);
  }
  return {
    userId: row.userId,
    csrfToken: row.csrfToken,
    via: row.via,
    secondFactor: row.secondFactor,
  };
}

/** Ends one session. */
export async function deleteSession(tx: Queryable, tokenHash: string): Promise<void> {
  await tx.query(sql`DELETE FROM user_session WHERE token_hash = ${tokenHash}`);
}

/** Ends every session of a user (deactivation, password change). */
export async function deleteSessionsOfUser(tx: Queryable, userId: number): Promise<void> {
  await tx.query(sql`DELETE FROM user_session WHERE user_id = ${userId}`);
}

/** Ends every session of a user but one (the one that changed the password). */
export async function deleteOtherSessionsOfUser(
  tx: Queryable,
  userId: number,
  keepTokenHash: string | undefined,
): Promise<void> {
  await tx.query(sql`DELETE FROM user_session
    WHERE user_id = ${userId} AND token_hash IS DISTINCT FROM ${keepTokenHash ?? null}`);
}

/** A machine token as listed to its owner (never the secret). */
export interface ApiTokenView {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const TOKEN_COLUMNS = sql`id, name, prefix,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt",
  to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "expiresAt",
  to_char(last_used_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "lastUsedAt",
  to_char(revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "revokedAt"`;

/** Stores a new API token (hash only); returns its id. */
export async function createApiToken(
  tx: Queryable,
  token: {
    userId: number;
    name: string;
    tokenHash: string;
    prefix: string;
    expiresInDays: number | null;
    /**
     * Created in a session that passed a second factor: only then does the token carry the
     * administrator role (ADR 0029). False when not given.
     */
    secondFactor?: boolean;
  },
): Promise<ApiTokenView> {
  const [row] = await tx.query<ApiTokenView>(sql`
    INSERT INTO api_token (user_id, name, token_hash, prefix, expires_at, second_factor)
    VALUES (${token.userId}, ${token.name}, ${token.tokenHash}, ${token.prefix},
            CASE WHEN ${token.expiresInDays}::int IS NULL THEN NULL ELSE now() + make_interval(days => ${token.expiresInDays}::int) END,
            ${token.secondFactor ?? false})
    RETURNING ${TOKEN_COLUMNS}`);
  if (!row) throw new Error("Token wurde nicht angelegt");
  return row;
}

/**
 * The owner of a valid (not revoked, not expired) token and whether it was created after a
 * second factor; marks it used.
 */
export async function useApiToken(
  tx: Queryable,
  tokenHash: string,
): Promise<{ userId: number; secondFactor: boolean } | undefined> {
  const [row] = await tx.query<{ user_id: number; second_factor: boolean }>(sql`
    UPDATE api_token t SET last_used_at = now()
    FROM app_user u
    WHERE t.token_hash = ${tokenHash} AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
      AND u.id = t.user_id AND u.status = 'active'
    RETURNING t.user_id, t.second_factor`);
  return row ? { userId: row.user_id, secondFactor: row.second_factor } : undefined;
}

/** A user's tokens, newest first. */
export async function listApiTokens(db: Queryable, userId: number): Promise<ApiTokenView[]> {
  return db.query<ApiTokenView>(
    sql`SELECT ${TOKEN_COLUMNS} FROM api_token WHERE user_id = ${userId} ORDER BY created_at DESC, id DESC`,
  );
}

/** Revokes a token of a user; false when there is no such active token. */
export async function revokeApiToken(
  tx: Queryable,
  userId: number,
  tokenId: number,
): Promise<boolean> {
  const rows = await tx.query<{ id: number }>(sql`UPDATE api_token SET revoked_at = now()
    WHERE id = ${tokenId} AND user_id = ${userId} AND revoked_at IS NULL RETURNING id`);
  return rows.length > 0;
}

/** Stores a one-time token (password reset or invitation) by hash. */
export async function createOneTimeToken(
  tx: Queryable,
  kind: "password_reset" | "invitation",
  token: { tokenHash: string; userId: number; createdBy?: number | null; ttlHours: number },
): Promise<void> {
  if (kind === "password_reset") {
    await tx.query(sql`INSERT INTO password_reset (token_hash, user_id, expires_at)
      VALUES (${token.tokenHash}, ${token.userId}, now() + make_interval(hours => ${token.ttlHours}))`);
  } else {
    await tx.query(sql`INSERT INTO invitation (token_hash, user_id, created_by, expires_at)
      VALUES (${token.tokenHash}, ${token.userId}, ${token.createdBy ?? null}, now() + make_interval(hours => ${token.ttlHours}))`);
  }
}

/** Consumes a one-time token: returns its user when valid and marks it used. */
export async function consumeOneTimeToken(
  tx: Queryable,
  kind: "password_reset" | "invitation",
  tokenHash: string,
): Promise<number | undefined> {
  const rows =
    kind === "password_reset"
      ? await tx.query<{ user_id: number }>(sql`UPDATE password_reset SET used_at = now()
          WHERE token_hash = ${tokenHash} AND used_at IS NULL AND expires_at > now() RETURNING user_id`)
      : await tx.query<{ user_id: number }>(sql`UPDATE invitation SET accepted_at = now()
          WHERE token_hash = ${tokenHash} AND accepted_at IS NULL AND expires_at > now() RETURNING user_id`);
  return rows[0]?.user_id;
}

/** The account a valid, unused one-time token belongs to (the token stays unused). */
export async function findOneTimeTokenUser(
  db: Queryable,
  kind: "password_reset" | "invitation",
  tokenHash: string,
): Promise<number | undefined> {
  const rows =
    kind === "password_reset"
      ? await db.query<{ user_id: number }>(sql`SELECT user_id FROM password_reset
          WHERE token_hash = ${tokenHash} AND used_at IS NULL AND expires_at > now()`)
      : await db.query<{ user_id: number }>(sql`SELECT user_id FROM invitation
          WHERE token_hash = ${tokenHash} AND accepted_at IS NULL AND expires_at > now()`);
  return rows[0]?.user_id;
}

/**
 * Ends every open reset link of an account (and open invitations): once a password was set,
 * an older link must not set another (issue 15.4). Returns how many links were ended.
 */
export async function invalidateOneTimeTokensOfUser(
  tx: Queryable,
  userId: number,
): Promise<number> {
  const resets = await tx.query<{
    token_hash: string;
  }>(sql`UPDATE password_reset SET used_at = now()
    WHERE user_id = ${userId} AND used_at IS NULL RETURNING token_hash`);
  const invitations = await tx.query<{
    token_hash: string;
  }>(sql`UPDATE invitation SET accepted_at = now()
    WHERE user_id = ${userId} AND accepted_at IS NULL RETURNING token_hash`);
  return resets.length + invitations.length;
}

/** Revokes every active API token of an account (after a password reset); returns how many. */
export async function revokeApiTokensOfUser(tx: Queryable, userId: number): Promise<number> {
  const rows = await tx.query<{ id: number }>(sql`UPDATE api_token SET revoked_at = now()
    WHERE user_id = ${userId} AND revoked_at IS NULL RETURNING id`);
  return rows.length;
}
