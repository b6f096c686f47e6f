import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, findUserByEmail } from "@it-atlas/db";
import { useTestDatabase } from "@it-atlas/db/testing";
import { buildApp } from "../app.ts";
import type { ZodApp } from "../http/types.ts";

const database = useTestDatabase();
const REDIRECT = "http://127.0.0.1/api/auth/oidc/callback";

let identityServer: Server;
let issuer: string;
let app: ZodApp;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: "atlas",
        client_secret: "geheimnis",
        redirect_uris: [REDIRECT],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    findAccount: async (_context: unknown, id: string) => ({
      accountId: id,
      // "bestand-…" accounts carry the address of an existing account: without the claim,
      // with false, or confirmed (issue 15.8).
      claims: async () => ({
        sub: id,
        email: id.startsWith("bestand-") ? "bestand@example.org" : `${id}@example.org`,
        ...(id === "bestand-ohne" ? {} : { email_verified: id !== "bestand-falsch" }),
        name: `SSO ${id}`,
      }),
    }),
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    pkce: { required: () => true },
    cookies: { keys: ["oidc-test-schluessel"] },
  });
  identityServer = provider.listen(port);
  app = await buildApp({
    db: database.db,
    oidc: {
      issuer,
      clientId: "atlas",
      clientSecret: "geheimnis",
      redirectUri: REDIRECT,
      label: "Landes-SSO",
      autoCreate: true,
    },
  });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await new Promise((resolve) => identityServer?.close(resolve));
});

/** A tiny browser for the identity provider: follows redirects and keeps its cookies. */
async function signInAtProvider(start: string, login: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = start;
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 20; step += 1) {
    const response = await fetch(url, {
      method: body ? "POST" : "GET",
      redirect: "manual",
      headers: {
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; "),
        ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body,
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const [name, ...value] = (pair ?? "").split("=");
      if (name) cookies.set(name.trim(), value.join("="));
    }
    body = undefined;
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, url);
      if (next.href.startsWith(REDIRECT)) return next;
      url = next.href;
      continue;
    }
    // An interaction page: answer the login or the consent prompt like a person would.
    const html = await response.text();
    body = new URLSearchParams(
      html.includes('name="login"')
        ? { prompt: "login", login, password: "egal" }
        : { prompt: "consent" },
    );
  }
  throw new Error("Anmeldung beim Identitätsdienst endete nicht");
}

function cookieOf(setCookie: string | string[] | undefined, name = "atlas_session"): string {
  const found = [setCookie].flat().find((value) => value?.startsWith(`${name}=`)) ?? "";
  return found.split(";")[0] ?? "";
}

/** Starts a sign-in like the browser: the provider's URL and the state cookie it got. */
async function start(query = "") {
  const response = await app.inject({ url: `/api/auth/oidc/start${query}` });
  expect(response.statusCode).toBe(302);
  return {
    authorization: new URL(response.headers.location as string),
    stateCookie: cookieOf(response.headers["set-cookie"], "atlas_oidc_state"),
    setCookie: [response.headers["set-cookie"]].flat().join("\n"),
  };
}

function callback(search: string, cookie: string) {
  return app.inject({ url: `/api/auth/oidc/callback${search}`, headers: { cookie } });
}

describe("OpenID Connect sign-in (authorization code + PKCE)", () => {
  it("announces single sign-on with its label", async () => {
    const response = await app.inject({ url: "/api/auth/oidc" });
    expect(response.json()).toEqual({ enabled: true, label: "Landes-SSO" });
  });

  it("signs a person in through the identity provider and returns to the requested page", async () => {
    const { authorization, stateCookie } = await start("?zurueck=/landkarte");
    expect(authorization.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorization.searchParams.get("code_challenge")).toBeTruthy();

    const returned = await signInAtProvider(authorization.href, "erika");
    const back = await callback(returned.search, stateCookie);
    expect(back.statusCode).toBe(302);
    expect(back.headers.location).toBe("/landkarte");
    const session = await app.inject({
      url: "/api/auth/session",
      headers: { cookie: cookieOf(back.headers["set-cookie"]) },
    });
    expect(session.json()).toMatchObject({
      user: { email: "erika@example.org", oidc: true, roles: [{ role: "leser" }] },
    });

    // The state cookie is removed, and the state can be used once only.
    expect(cookieOf(back.headers["set-cookie"], "atlas_oidc_state")).toBe("atlas_oidc_state=");
    const replay = await callback(returned.search, stateCookie);
    expect(replay.headers.location).toBe("/anmelden?sso-fehler=sso_expired");
  });

  it("refuses a forged state and never follows a foreign return address", async () => {
    const forged = await callback("?code=abc&state=erfunden", "atlas_oidc_state=erfunden");
    expect(forged.headers.location).toBe("/anmelden?sso-fehler=sso_expired");
    const { authorization, stateCookie } = await start("?zurueck=//boese.example.org/");
    const returned = await signInAtProvider(authorization.href, "max");
    const back = await callback(returned.search, stateCookie);
    expect(back.headers.location).toBe("/");
  });

  it("binds state and nonce to the browser with a short-lived httpOnly SameSite=Lax cookie", async () => {
    const { authorization, stateCookie, setCookie } = await start();
    expect(stateCookie).toBe(`atlas_oidc_state=${authorization.searchParams.get("state")}`);
    expect(setCookie).toMatch(
      /^atlas_oidc_state=[\w-]+; Path=\/api\/auth\/oidc; HttpOnly; SameSite=Lax; Max-Age=600$/,
    );
    // Login CSRF: an attacker starts a sign-in with their own account and lures the victim's
    // browser to the callback. The victim's browser has no (or another) state cookie.
    const attackersReturn = await signInAtProvider(authorization.href, "angreifer");
    const victim = await start();
    for (const cookie of ["", victim.stateCookie]) {
      const lured = await callback(attackersReturn.search, cookie);
      expect(lured.headers.location).toBe("/anmelden?sso-fehler=sso_other_browser");
      expect(cookieOf(lured.headers["set-cookie"])).toBe("");
    }
    expect(await findUserByEmail(database.db, "angreifer@example.org")).toBeUndefined();
    // The attacker's own browser still completes it.
    const own = await callback(attackersReturn.search, stateCookie);
    expect(own.headers.location).toBe("/");
  });

  it("links to an existing account by e-mail only when email_verified is true", async () => {
    await database.db.transaction((tx) =>
      createUser(tx, {
        email: "bestand@example.org",
        displayName: "Bestand",
        passwordHash: null,
        status: "active",
        roles: [
          { role: "kdn_analyst", organisationKey: null, providerId: null },
          { role: "administrator", organisationKey: null, providerId: null },
        ],
      }),
    );
    for (const login of ["bestand-ohne", "bestand-falsch"]) {
      const { authorization, stateCookie } = await start();
      const returned = await signInAtProvider(authorization.href, login);
      const back = await callback(returned.search, stateCookie);
      expect(back.headers.location, login).toBe("/anmelden?sso-fehler=sso_email_unverified");
      expect(cookieOf(back.headers["set-cookie"])).toBe("");
      expect((await findUserByEmail(database.db, "bestand@example.org"))?.oidc).toBe(false);
    }
    const { authorization, stateCookie } = await start();
    const returned = await signInAtProvider(authorization.href, "bestand-ja");
    const back = await callback(returned.search, stateCookie);
    expect(back.headers.location).toBe("/");
    const session = await app.inject({
      url: "/api/auth/session",
      headers: { cookie: cookieOf(back.headers["set-cookie"]) },
    });
    // The identity provider's MFA counts as the second factor (ADR 0029): the administrator
    // role is effective in an OpenID Connect session without TOTP.
    expect(session.json()).toMatchObject({
      secondFactorSetupRequired: false,
      user: {
        email: "bestand@example.org",
        oidc: true,
        totp: false,
        roles: [{ role: "administrator" }, { role: "kdn_analyst" }],
      },
    });
    const users = await app.inject({
      url: "/api/admin/users",
      headers: { cookie: cookieOf(back.headers["set-cookie"]) },
    });
    expect(users.statusCode).toBe(200);
  });
});
