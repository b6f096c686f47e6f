import { createUser, setPassword, sql } from "@it-atlas/db";
import { describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { useTestApp } from "../testing/testApp.ts";
import { DEFAULT_SESSION_IDLE_MINUTES, PRINCIPAL_CACHE_MS } from "./authPlugin.ts";
import { hashPassword } from "./passwords.ts";

// Issue 15.7: a web session unused for longer than the idle timeout counts as signed out,
// besides its absolute lifetime; `last_seen_at` is written at most once a minute.
const server = useTestApp();
const PASSWORD = "richtig-langes-Passwort-1";
const afterTheCache = () => new Promise((resolve) => setTimeout(resolve, PRINCIPAL_CACHE_MS + 100));

async function signIn(email: string): Promise<string> {
  const hash = await hashPassword(PASSWORD);
  await server.db.transaction(async (tx) => {
    const id = await createUser(tx, {
      email,
      displayName: "Leserin",
      passwordHash: null,
      status: "active",
      roles: [{ role: "leser", organisationKey: null, providerId: null }],
    });
    await setPassword(tx, id, hash);
  });
  const response = await server.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password: PASSWORD },
  });
  expect(response.statusCode).toBe(200);
  return ([response.headers["set-cookie"]].flat()[0] ?? "").split(";")[0] ?? "";
}

async function lastSeenSecondsAgo(email: string): Promise<number> {
  const [row] = await server.db.query<{ ago: number }>(sql`
    SELECT extract(epoch FROM now() - s.last_seen_at)::float8 AS ago
    FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE u.email = ${email}`);
  return Number(row?.ago);
}

async function setLastSeen(email: string, secondsAgo: number): Promise<void> {
  await server.db
    .query(sql`UPDATE user_session s SET last_seen_at = now() - make_interval(secs => ${secondsAgo})
    FROM app_user u WHERE u.id = s.user_id AND u.email = ${email}`);
}

const session = (cookie: string) =>
  server.app.inject({ url: "/api/auth/session", headers: { cookie } });

describe("session idle timeout", () => {
  it("keeps a session used within the idle time and refuses one idle for longer", async () => {
    const cookie = await signIn("idle@example.org");
    await setLastSeen("idle@example.org", (DEFAULT_SESSION_IDLE_MINUTES - 1) * 60);
    await afterTheCache();
    const active = await session(cookie);
    expect(active.json<{ user: unknown }>().user).toMatchObject({ email: "idle@example.org" });
    // Using it moved the mark to now.
    expect(await lastSeenSecondsAgo("idle@example.org")).toBeLessThan(5);

    await setLastSeen("idle@example.org", DEFAULT_SESSION_IDLE_MINUTES * 60 + 1);
    await afterTheCache();
    expect((await session(cookie)).json()).toEqual({
      user: null,
      csrfToken: null,
      secondFactorSetupRequired: false,
    });
    const protectedRead = await server.app.inject({ url: "/api/me/tokens", headers: { cookie } });
    expect(protectedRead.statusCode).toBe(401);
  });

  it("writes last_seen_at at most once a minute", async () => {
    const cookie = await signIn("touch@example.org");
    await setLastSeen("touch@example.org", 30);
    await afterTheCache();
    expect((await session(cookie)).statusCode).toBe(200);
    // 30 s old: not rewritten.
    expect(await lastSeenSecondsAgo("touch@example.org")).toBeGreaterThanOrEqual(30);

    await setLastSeen("touch@example.org", 90);
    await afterTheCache();
    expect((await session(cookie)).statusCode).toBe(200);
    expect(await lastSeenSecondsAgo("touch@example.org")).toBeLessThan(5);
  });

  it("honours a configured idle time", async () => {
    const short = await buildApp({
      db: server.db,
      sessionIdleMinutes: 5,
    });
    try {
      const cookie = await signIn("kurz@example.org");
      await setLastSeen("kurz@example.org", 5 * 60 + 1);
      const refused = await short.inject({ url: "/api/auth/session", headers: { cookie } });
      expect(refused.json()).toEqual({
        user: null,
        csrfToken: null,
        secondFactorSetupRequired: false,
      });
      // The default (30 min) still accepts it.
      await afterTheCache();
      expect((await session(cookie)).json<{ user: unknown }>().user).not.toBeNull();
    } finally {
      await short.close();
    }
  });
});
