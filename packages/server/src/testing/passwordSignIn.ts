import type { FastifyInstance } from "fastify";
import { nextTotpCode } from "./totp.ts";

/** A signed-in web session for tests: the cookie header value and the CSRF token. */
export interface TestSession {
  cookie: string;
  csrfToken: string;
  headers: { cookie: string; "x-csrf-token": string };
}

function firstCookie(setCookie: string | string[] | undefined, name: string): string {
  const found = [setCookie ?? []].flat().find((value) => value.startsWith(`${name}=`));
  if (!found) throw new Error(`Kein Cookie ${name} in der Antwort`);
  return found.split(";")[0]!;
}

/**
 * Signs in through the HTTP API as the web app does: the password, and when the account has
 * TOTP the second step with a code computed from its secret (issue 15.5).
 */
export async function signInWithPassword(
  app: FastifyInstance,
  account: { email: string; password: string; totpSecret?: string },
): Promise<TestSession> {
  const first = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email: account.email, password: account.password },
  });
  if (first.statusCode !== 200) throw new Error(`Anmeldung fehlgeschlagen: ${first.body}`);
  let response = first;
  if (first.json<{ secondFactorRequired: boolean }>().secondFactorRequired) {
    if (!account.totpSecret) throw new Error("Das Konto verlangt einen TOTP-Code");
    response = await app.inject({
      method: "POST",
      url: "/api/auth/login/second-factor",
      headers: { cookie: firstCookie(first.headers["set-cookie"], "atlas_login_challenge") },
      payload: { code: await nextTotpCode(account.totpSecret) },
    });
    if (response.statusCode !== 200) throw new Error(`Zweiter Faktor abgelehnt: ${response.body}`);
  }
  const cookie = firstCookie(response.headers["set-cookie"], "atlas_session");
  const csrfToken = response.json<{ csrfToken: string }>().csrfToken;
  return { cookie, csrfToken, headers: { cookie, "x-csrf-token": csrfToken } };
}
