import type { Queryable } from "../client/Database.ts";
import { sql } from "../client/sql.ts";

/** A user's TOTP secret (RFC 6238) and whether its enrolment was confirmed with a code. */
export interface TotpRecord {
  secret: string;
  confirmed: boolean;
  /** Last accepted time step; a code is accepted only for a later one (replay protection). */
  lastStep: number;
}

/**
 * Stores a new, unconfirmed secret for the user (replacing an earlier unconfirmed one).
 * Returns false when the user already has a confirmed TOTP (which this never replaces).
 */
export async function saveTotpSetup(
  tx: Queryable,
  userId: number,
  secret: string,
): Promise<boolean> {
  const rows = await tx.query<{ user_id: number }>(sql`
    INSERT INTO user_totp (user_id, secret) VALUES (${userId}, ${secret})
    ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, created_at = now(), last_step = 0
      WHERE user_totp.confirmed_at IS NULL
    RETURNING user_id`);
  return rows.length > 0;
}

/** The user's TOTP, confirmed or not. */
export async function findTotp(db: Queryable, userId: number): Promise<TotpRecord | undefined> {
  const [row] = await db.query<{ secret: string; confirmed: boolean; last_step: string }>(sql`
    SELECT secret, confirmed_at IS NOT NULL AS confirmed, last_step::text AS last_step
    FROM user_totp WHERE user_id = ${userId}`);
  return row
    ? { secret: row.secret, confirmed: row.confirmed, lastStep: Number(row.last_step) }
    : undefined;
}

/** Confirms an enrolment with the step of its first code; false when there is none open. */
export async function confirmTotp(tx: Queryable, userId: number, step: number): Promise<boolean> {
  const rows = await tx.query<{ user_id: number }>(sql`
    UPDATE user_totp SET confirmed_at = now(), last_step = ${step}
    WHERE user_id = ${userId} AND confirmed_at IS NULL RETURNING user_id`);
  return rows.length > 0;
}

/**
 * Accepts a code's time step once: true only when it is later than every step accepted before
 * for this user (checked and written in one statement, so two requests cannot both use it).
 */
export async function acceptTotpStep(
  tx: Queryable,
  userId: number,
  step: number,
): Promise<boolean> {
  const rows = await tx.query<{ user_id: number }>(sql`
    UPDATE user_totp SET last_step = ${step}
    WHERE user_id = ${userId} AND confirmed_at IS NOT NULL AND last_step < ${step}
    RETURNING user_id`);
  return rows.length > 0;
}

/** Removes the user's TOTP and recovery codes. */
export async function deleteTotp(tx: Queryable, userId: number): Promise<void> {
  await tx.query(sql`DELETE FROM totp_recovery_code WHERE user_id = ${userId}`);
  await tx.query(sql`DELETE FROM user_totp WHERE user_id = ${userId}`);
}

/** Replaces the user's recovery codes by new ones (hashes only). */
export async function replaceRecoveryCodes(
  tx: Queryable,
  userId: number,
  codeHashes: string[],
): Promise<void> {
  await tx.query(sql`DELETE FROM totp_recovery_code WHERE user_id = ${userId}`);
  for (const hash of codeHashes) {
    await tx.query(
      sql`INSERT INTO totp_recovery_code (code_hash, user_id) VALUES (${hash}, ${userId})`,
    );
  }
}

/** Uses a recovery code once: true when it was the user's and unused. */
export async function useRecoveryCode(
  tx: Queryable,
  userId: number,
  codeHash: string,
): Promise<boolean> {
  const rows = await tx.query<{ user_id: number }>(sql`
    UPDATE totp_recovery_code SET used_at = now()
    WHERE code_hash = ${codeHash} AND user_id = ${userId} AND used_at IS NULL RETURNING user_id`);
  return rows.length > 0;
}

/** How many unused recovery codes the user has left. */
export async function countRecoveryCodes(db: Queryable, userId: number): Promise<number> {
  const [row] = await db.query<{ count: number }>(sql`
    SELECT count(*)::int AS count FROM totp_recovery_code WHERE user_id = ${userId} AND used_at IS NULL`);
  return row?.count ?? 0;
}

/** Stores a password sign-in that waits for its second factor (hash of the cookie secret). */
export async function createLoginChallenge(
  tx: Queryable,
  challenge: { tokenHash: string; userId: number; ttlMinutes: number },
): Promise<void> {
  await tx.query(sql`DELETE FROM login_challenge WHERE expires_at < now()`);
  await tx.query(sql`INSERT INTO login_challenge (token_hash, user_id, expires_at)
    VALUES (${challenge.tokenHash}, ${challenge.userId}, now() + make_interval(mins => ${challenge.ttlMinutes}))`);
}

/** The user of an open, unexpired sign-in challenge. */
export async function findLoginChallenge(
  db: Queryable,
  tokenHash: string,
): Promise<number | undefined> {
  const [row] = await db.query<{ user_id: number }>(sql`
    SELECT user_id FROM login_challenge WHERE token_hash = ${tokenHash} AND expires_at > now()`);
  return row?.user_id;
}

/** Ends a sign-in challenge (used, or abandoned); true when it was still open. */
export async function deleteLoginChallenge(tx: Queryable, tokenHash: string): Promise<boolean> {
  const rows = await tx.query<{ user_id: number }>(sql`
    DELETE FROM login_challenge WHERE token_hash = ${tokenHash} AND expires_at > now() RETURNING user_id`);
  return rows.length > 0;
}
