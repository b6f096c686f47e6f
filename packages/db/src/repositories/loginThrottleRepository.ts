import type { Queryable } from "../client/Database.ts";
import { sql } from "../client/sql.ts";

/** How a throttle key is delayed: failures allowed before a delay, and the longest delay. */
export interface ThrottleRule {
  key: string;
  /** Failures in a row that are answered without delay. */
  freeFailures: number;
  /** The longest delay in seconds. */
  maxDelaySeconds: number;
}

/**
 * Seconds until the most-delayed of the keys may try again (0 when none is delayed). Read from
 * the database, so every server process on the same PostgreSQL sees the same delays.
 */
export async function loginDelaySeconds(db: Queryable, keys: readonly string[]): Promise<number> {
  if (keys.length === 0) return 0;
  const [row] = await db.query<{ seconds: number | null }>(
    sql`SELECT ceil(max(extract(epoch FROM blocked_until - now())))::integer AS seconds
          FROM login_throttle WHERE key = ANY(${[...keys]}::text[]) AND blocked_until > now()`,
  );
  return Math.max(0, row?.seconds ?? 0);
}

/**
 * Counts a failed sign-in for each key. From the `freeFailures`-th failure in a row on, the key
 * is delayed for 2^(failures − freeFailures) seconds, at most `maxDelaySeconds` — never locked.
 * A key that has been quiet for a day starts again from one failure.
 */
export async function recordLoginFailure(
  tx: Queryable,
  rules: readonly ThrottleRule[],
): Promise<void> {
  for (const rule of rules) {
    await tx.query(sql`
      INSERT INTO login_throttle AS t (key, failures, last_failure, blocked_until)
      VALUES (${rule.key}, 1, now(),
              CASE WHEN ${rule.freeFailures}::integer <= 1 THEN now() + interval '1 second' END)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN t.last_failure < now() - interval '1 day' THEN 1 ELSE t.failures + 1 END,
        last_failure = now(),
        blocked_until = CASE
          WHEN t.last_failure >= now() - interval '1 day'
               AND t.failures + 1 >= ${rule.freeFailures}::integer
          THEN now() + make_interval(secs => least(
                 power(2, least(t.failures + 1 - ${rule.freeFailures}::integer, 30)),
                 ${rule.maxDelaySeconds}::integer))
          END`);
  }
}

/** Forgets the failures of the keys (after a successful sign-in or a new password). */
export async function clearLoginFailures(tx: Queryable, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.query(sql`DELETE FROM login_throttle WHERE key = ANY(${[...keys]}::text[])`);
}
