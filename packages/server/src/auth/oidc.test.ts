import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
      claims: async () => ({
        sub: id,
        email: `${id}@example.org`,
        email_verified: true,
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

function cookieOf(setCookie: string | string[] | undefined): string {
  return ([setCookie].flat()[0] ?? "").split(";")[0] ?? "";
}

describe("OpenID Connect sign-in (authorization code + PKCE)", () => {
  it("announces single sign-on with its label", async () => {
    const response = await app.inject({ url: "/api/auth/oidc" });
    expect(response.json()).toEqual({ enabled: true, label: "Landes-SSO" });
  });

  it("signs a person in through the identity provider and returns to the requested page", async () => {
    const start = await app.inject({ url: "/api/auth/oidc/start?zurueck=/landkarte" });
    expect(start.statusCode).toBe(302);
    const authorization = new URL(start.headers.location as string);
    expect(authorization.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorization.searchParams.get("code_challenge")).toBeTruthy();

    const callback = await signInAtProvider(authorization.href, "erika");
    const back = await app.inject({ url: `/api/auth/oidc/callback${callback.search}` });
    expect(back.statusCode).toBe(302);
    expect(back.headers.location).toBe("/landkarte");
    const session = await app.inject({
      url: "/api/auth/session",
      headers: { cookie: cookieOf(back.headers["set-cookie"]) },
    });
    expect(session.json()).toMatchObject({
      user: { email: "erika@example.org", oidc: true, roles: [{ role: "leser" }] },
    });

    // The state can be used once only.
    const replay = await app.inject({ url: `/api/auth/oidc/callback${callback.search}` });
    expect(replay.headers.location).toBe("/anmelden?sso-fehler=sso_expired");
  });

  it("refuses a forged state and never follows a foreign return address", async () => {
    const forged = await app.inject({ url: "/api/auth/oidc/callback?code=abc&state=erfunden" });
    expect(forged.headers.location).toBe("/anmelden?sso-fehler=sso_expired");
    const start = await app.inject({ url: "/api/auth/oidc/start?zurueck=//boese.example.org/" });
    const callback = await signInAtProvider(new URL(start.headers.location as string).href, "max");
    const back = await app.inject({ url: `/api/auth/oidc/callback${callback.search}` });
    expect(back.headers.location).toBe("/");
  });
});
