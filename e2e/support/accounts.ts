import { createUser, setPassword } from "@it-atlas/db";
import type { RoleAssignment } from "@it-atlas/domain";
import { hashPassword, nextTotpCode } from "@it-atlas/server/testing";
import type { BrowserContext } from "playwright-core";
import type { TestServer } from "./testServer.ts";

/** Creates an active account with a password and roles directly in the server's database. */
export async function createAccount(
  server: TestServer,
  account: { email: string; password: string; roles: RoleAssignment[] },
): Promise<void> {
  const hash = await hashPassword(account.password);
  await server.server.db.transaction(async (tx) => {
    const id = await createUser(tx, {
      email: account.email,
      displayName: account.email.split("@")[0] ?? account.email,
      passwordHash: null,
      status: "active",
      roles: account.roles,
    });
    await setPassword(tx, id, hash);
  });
}

/**
 * Signs in through the API inside a browser context, so the page gets the session cookie. An
 * account with a second factor (the e2e administrator) completes the second step with a code
 * computed from its TOTP secret.
 */
export async function signInViaApi(
  context: BrowserContext,
  url: string,
  email: string,
  password: string,
  totpSecret?: string,
): Promise<void> {
  const response = await context.request.post(`${url}/api/auth/login`, {
    data: { email, password },
  });
  if (!response.ok())
    throw new Error(`Anmeldung fehlgeschlagen: ${response.status()} ${await response.text()}`);
  const { secondFactorRequired } = (await response.json()) as { secondFactorRequired: boolean };
  if (!secondFactorRequired) return;
  if (!totpSecret) throw new Error(`Das Konto ${email} verlangt einen TOTP-Code`);
  const second = await context.request.post(`${url}/api/auth/login/second-factor`, {
    data: { code: await nextTotpCode(totpSecret) },
  });
  if (!second.ok())
    throw new Error(`Zweiter Faktor abgelehnt: ${second.status()} ${await second.text()}`);
}
