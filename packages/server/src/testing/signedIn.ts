import { createApiToken, createUser, type Database } from "@it-atlas/db";
import type { RoleAssignment } from "@it-atlas/domain";
import { TOKEN_PREFIX } from "../auth/authPlugin.ts";
import { hashSecret, newSecret } from "../auth/secrets.ts";
import { enrolTotp } from "./totp.ts";

/** Role shorthands for tests. */
export type TestRole =
  "administrator" | "kdn_analyst" | "leser" | { kommune: string } | { dienstleister: string };

function toAssignment(role: TestRole): RoleAssignment {
  if (typeof role === "string") return { role, organisationKey: null, providerId: null };
  if ("kommune" in role)
    return { role: "kommune_bearbeiter", organisationKey: role.kommune, providerId: null };
  return {
    role: "dienstleister_bearbeiter",
    organisationKey: null,
    providerId: role.dienstleister,
  };
}

let counter = 0;

/**
 * Creates a user with the given roles and an API token for it; returns the request headers
 * that authenticate as that user (Bearer token: no CSRF needed). An administrator gets what
 * the role requires (ADR 0029): a confirmed TOTP, and a token created as in a session that
 * signed in with it.
 */
export async function authHeaders(
  db: Database,
  ...roles: TestRole[]
): Promise<{ authorization: string }> {
  counter += 1;
  const secret = `${TOKEN_PREFIX}${newSecret()}`;
  await db.transaction(async (tx) => {
    const userId = await createUser(tx, {
      email: `test-${process.pid}-${counter}-${Date.now()}@example.org`,
      displayName: `Test ${counter}`,
      passwordHash: null,
      status: "active",
      roles: roles.map(toAssignment),
    });
    const administrator = roles.includes("administrator");
    if (administrator) await enrolTotp(tx, userId);
    await createApiToken(tx, {
      userId,
      name: "Test",
      tokenHash: hashSecret(secret),
      prefix: secret.slice(0, 12),
      expiresInDays: 1,
      secondFactor: administrator,
    });
  });
  return { authorization: `Bearer ${secret}` };
}
