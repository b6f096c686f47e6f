import type { Queryable } from "../client/Database.ts";
import { sql } from "../client/sql.ts";

/** A started sign-in with an external identity provider. */
export interface OidcFlow {
  codeVerifier: string;
  nonce: string;
  returnTo: string;
}

/** Stores a flow under the hash of its state (valid for `ttlMinutes`). */
export async function saveOidcFlow(
  db: Queryable,
  stateHash: string,
  flow: OidcFlow,
  ttlMinutes: number,
): Promise<void> {
  await db.query(sql`DELETE FROM oidc_flow WHERE expires_at < now()`);
  await db.query(sql`INSERT INTO oidc_flow (state_hash, code_verifier, nonce, return_to, expires_at)
    VALUES (${stateHash}, ${flow.codeVerifier}, ${flow.nonce}, ${flow.returnTo}, now() + make_interval(mins => ${ttlMinutes}))`);
}

/** Takes a flow once (deleted on read); undefined when unknown or expired. */
export async function takeOidcFlow(
  db: Queryable,
  stateHash: string,
): Promise<OidcFlow | undefined> {
  const [row] =
    await db.query<OidcFlow>(sql`DELETE FROM oidc_flow WHERE state_hash = ${stateHash} AND expires_at > now()
    RETURNING code_verifier AS "codeVerifier", nonce, return_to AS "returnTo"`);
  return row;
}
