import { createUser, setPassword } from "@it-atlas/db";
import type { RoleAssignment } from "@it-atlas/domain";
import { hashPassword } from "@it-atlas/server/testing";
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

/** Signs in through the API inside a browser context, so the page gets the session cookie. */
export async function signInViaApi(
  context: BrowserContext,
  url: string,
  email: string,
  password: string,
): Promise<void> {
  const response = await context.request.post(`${url}/api/auth/login`, {
    data: { email, password },
  });
  if (!response.ok())
    throw new Error(`Anmeldung fehlgeschlagen: ${response.status()} ${await response.text()}`);
}
