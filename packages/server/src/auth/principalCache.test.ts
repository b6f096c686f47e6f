import { createUser } from "@it-atlas/db";
import { useTestDatabase } from "@it-atlas/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import type { ZodApp } from "../http/types.ts";
import { authHeaders } from "../testing/signedIn.ts";
import { PRINCIPAL_CACHE_MS } from "./authPlugin.ts";
import { hashPassword } from "./passwords.ts";

// Two applications on one database stand for two server processes (ADR 0018): each keeps its
// own principal cache, and only the database is shared. The real two-process run is in
// src/cluster/twoProcesses.postgres.test.ts (PostgreSQL phase).
const database = useTestDatabase();
let first: ZodApp;
let second: ZodApp;

beforeAll(async () => {
  first = await buildApp({ db: database.db });
  second = await buildApp({ db: database.db });
});

afterAll(async () => {
  await first.close();
  await second.close();
});

const afterTheBound = () => new Promise((resolve) => setTimeout(resolve, PRINCIPAL_CACHE_MS + 250));

describe("principal cache across server processes", () => {
  it("refuses a token revoked in the other process once the bound has passed", async () => {
    const headers = await authHeaders(database.db, "leser");
    const listed = await first.inject({ method: "GET", url: "/api/me/tokens", headers });
    expect(listed.statusCode).toBe(200);
    const [token] = listed.json<{ items: Array<{ id: number }> }>().items;
    const revoked = await second.inject({
      method: "DELETE",
      url: `/api/me/tokens/${token!.id}`,
      headers,
    });
    expect(revoked.statusCode).toBe(204);
    // The revoking process forgets at once.
    const here = await second.inject({ method: "GET", url: "/api/me/tokens", headers });
    expect(here.statusCode).toBe(401);
    await afterTheBound();
    const there = await first.inject({ method: "GET", url: "/api/me/tokens", headers });
    expect(there.statusCode).toBe(401);
    expect(there.json<{ code: string }>().code).toBe("invalid_token");
  });

  it("refuses a session signed out in the other process once the bound has passed", async () => {
    const email = `abmelden-${Date.now()}@example.org`;
    const password = "ein-langes-testpasswort";
    await database.db.transaction(async (tx) =>
      createUser(tx, {
        email,
        displayName: "Abmelden",
        passwordHash: await hashPassword(password),
        status: "active",
        roles: [{ role: "leser", organisationKey: null, providerId: null }],
      }),
    );
    const login = await first.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email, password },
    });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
    const { csrfToken } = login.json<{ csrfToken: string }>();
    const signedIn = await first.inject({
      method: "GET",
      url: "/api/me/tokens",
      headers: { cookie },
    });
    expect(signedIn.statusCode).toBe(200);
    const logout = await second.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie, "x-csrf-token": csrfToken },
    });
    expect(logout.statusCode).toBe(204);
    await afterTheBound();
    const there = await first.inject({ method: "GET", url: "/api/me/tokens", headers: { cookie } });
    expect(there.statusCode).toBe(401);
  });
});
