import { createUser, setPassword, sql } from "@it-atlas/db";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { hashPassword } from "../auth/passwords.ts";
import { expectProblem } from "../testing/expectProblem.ts";
import { authHeaders } from "../testing/signedIn.ts";
import { useTestApp } from "../testing/testApp.ts";
import type { ZodApp } from "../http/types.ts";
import { LOGIN_THROTTLE } from "./authRoutes.ts";

// One trusted proxy hop, as with ATLAS_TRUST_PROXY=1.
const server = useTestApp({ trustProxy: 1 });
const PASSWORD = "richtig-langes-Passwort-1";
const FREE = LOGIN_THROTTLE.accountFreeFailures;

async function createAccount(
  email: string,
  role: "administrator" | "kommune_bearbeiter" = "kommune_bearbeiter",
): Promise<number> {
  const hash = await hashPassword(PASSWORD);
  return server.db.transaction(async (tx) => {
    const id = await createUser(tx, {
      email,
      displayName: "Testkonto",
      passwordHash: null,
      status: "active",
      roles: [
        role === "administrator"
          ? { role, organisationKey: null, providerId: null }
          : { role, organisationKey: "05766020", providerId: null },
      ],
    });
    await setPassword(tx, id, hash);
    return id;
  });
}

function login(
  email: string,
  password: string,
  options: { app?: ZodApp; forwardedFor?: string; remoteAddress?: string } = {},
) {
  return (options.app ?? server.app).inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password },
    remoteAddress: options.remoteAddress ?? "10.0.0.1",
    headers: options.forwardedFor ? { "x-forwarded-for": options.forwardedFor } : {},
  });
}

/** Lets the current delay of a key run out (instead of sleeping in the test). */
async function letDelayPass(key: string): Promise<void> {
  await server.db.query(
    sql`UPDATE login_throttle SET blocked_until = now() - interval '1 second' WHERE key = ${key}`,
  );
}

describe("login throttling: progressive delays, never a hard lock", () => {
  it("delays an account after the free failures with 429 and Retry-After; the right password works after the delay", async () => {
    await createAccount("verzoegert@example.org");
    for (let attempt = 0; attempt < FREE; attempt += 1)
      expectProblem(
        await login("verzoegert@example.org", "falsches-passwort"),
        400,
        "invalid_credentials",
      );
    const delayed = await login("verzoegert@example.org", PASSWORD);
    const problem = expectProblem(delayed, 429, "too_many_attempts");
    expect(problem.detail).toMatch(/Zu viele fehlgeschlagene Anmeldeversuche/);
    expect(problem.detail).not.toMatch(/gesperrt/);
    expect(Number(delayed.headers["retry-after"])).toBe(1);
    // Really wait the announced second: no database trick here.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await login("verzoegert@example.org", PASSWORD)).statusCode).toBe(200);
    // Success resets the account's count: the next wrong password is an ordinary 400.
    expectProblem(
      await login("verzoegert@example.org", "falsches-passwort"),
      400,
      "invalid_credentials",
    );
  });

  it("doubles the delay with every further failure, capped at 15 minutes; the last administrator gets back in", async () => {
    await createAccount("chefin@example.org", "administrator");
    const key = "account:chefin@example.org";
    const options = { remoteAddress: "10.0.0.4" };
    const delays: number[] = [];
    for (let attempt = 0; attempt < FREE + 14; attempt += 1) {
      expectProblem(
        await login("chefin@example.org", "falsches-passwort", options),
        400,
        "invalid_credentials",
      );
      if (attempt >= FREE - 1) {
        // Even the right password waits while the account is delayed.
        const next = await login("chefin@example.org", PASSWORD, options);
        expectProblem(next, 429, "too_many_attempts");
        delays.push(Number(next.headers["retry-after"]));
      }
      await letDelayPass(key);
    }
    expect(delays.slice(0, 6)).toEqual([1, 2, 4, 8, 16, 32]);
    expect(Math.max(...delays)).toBe(LOGIN_THROTTLE.maxDelaySeconds);
    expect(delays.at(-1)).toBe(LOGIN_THROTTLE.maxDelaySeconds);
    // Once the (capped) delay has run out the administrator signs in: no lock beyond it.
    expect((await login("chefin@example.org", PASSWORD, options)).statusCode).toBe(200);
  });

  it("answers unknown and known e-mail addresses with the same status, code, detail and delay", async () => {
    await createAccount("bekannt@example.org");
    const answers = async (email: string) => {
      const results: Array<{ status: number; code: string; detail: string; retry?: string }> = [];
      for (let attempt = 0; attempt <= FREE; attempt += 1) {
        const response = await login(email, "falsches-passwort", { remoteAddress: "10.0.0.2" });
        const body = response.json<{ code: string; detail: string }>();
        results.push({
          status: response.statusCode,
          code: body.code,
          detail: body.detail,
          retry: response.headers["retry-after"],
        });
      }
      return results;
    };
    const known = await answers("bekannt@example.org");
    const unknown = await answers("unbekannt@example.org");
    expect(unknown).toEqual(known);
    expect(known.map((answer) => answer.status)).toEqual([...Array(FREE).fill(400), 429]);
  });
});

describe("login throttling and password reset", () => {
  it("ends the account's delay when a reset link is used", async () => {
    const id = await createAccount("zuruecksetzen@example.org");
    const options = { remoteAddress: "10.0.0.5" };
    for (let attempt = 0; attempt < FREE + 1; attempt += 1)
      await login("zuruecksetzen@example.org", "falsches-passwort", options);
    expectProblem(
      await login("zuruecksetzen@example.org", PASSWORD, options),
      429,
      "too_many_attempts",
    );
    const admin = await authHeaders(server.db, "administrator");
    const reset = await server.app.inject({
      method: "POST",
      url: `/api/admin/users/${id}/password-reset`,
      headers: admin,
    });
    expect(reset.statusCode, reset.body).toBe(200);
    const token =
      new URL(reset.json<{ resetUrl: string }>().resetUrl, "http://localhost").searchParams.get(
        "token",
      ) ?? "";
    const confirmed = await server.app.inject({
      method: "POST",
      url: "/api/auth/password-reset/confirm",
      payload: { token, password: "Wiesen-Kanal-Leuchtturm-7" },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(204);
    expect(
      (await login("zuruecksetzen@example.org", "Wiesen-Kanal-Leuchtturm-7", options)).statusCode,
    ).toBe(200);
  });
});

describe("login throttling behind a reverse proxy (ATLAS_TRUST_PROXY=1)", () => {
  it("keeps the per-account delay when X-Forwarded-For rotates", async () => {
    await createAccount("rotation@example.org");
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const response = await login("rotation@example.org", "falsches-passwort", {
        forwardedFor: `203.0.113.${attempt + 1}`,
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.filter((status) => status === 400)).toHaveLength(FREE);
    expect(statuses.slice(FREE).every((status) => status === 429)).toBe(true);
  });

  it("counts only the last hop as the client address, not what the client put in front", async () => {
    for (let attempt = 0; attempt < LOGIN_THROTTLE.addressFreeFailures; attempt += 1) {
      const response = await login(`adresse-${attempt}@example.org`, "falsches-passwort", {
        forwardedFor: `198.51.100.${attempt + 1}, 192.0.2.7`,
      });
      expectProblem(response, 400, "invalid_credentials");
    }
    const keys = await server.db.query<{ key: string; failures: number }>(
      sql`SELECT key, failures FROM login_throttle WHERE key LIKE 'ip:198.51.100.%' OR key = 'ip:192.0.2.7'
            ORDER BY key`,
    );
    expect(keys).toEqual([{ key: "ip:192.0.2.7", failures: LOGIN_THROTTLE.addressFreeFailures }]);
    // The address is now delayed, for every account, whatever the client claims in front.
    const next = await login("noch-jemand@example.org", "falsches-passwort", {
      forwardedFor: "198.51.100.99, 192.0.2.7",
    });
    expectProblem(next, 429, "too_many_attempts");
    expect(Number(next.headers["retry-after"])).toBeGreaterThan(0);
  });
});

describe("login throttling across server processes", () => {
  let second: ZodApp | undefined;
  afterAll(async () => {
    await second?.close();
  });

  it("two app instances on one database share the failure count", async () => {
    second = await buildApp({ db: server.db, trustProxy: 1 });
    await second.ready();
    await createAccount("zwei-prozesse@example.org");
    for (let attempt = 0; attempt < FREE; attempt += 1)
      expectProblem(
        await login("zwei-prozesse@example.org", "falsches-passwort", {
          app: attempt % 2 === 0 ? server.app : second,
          remoteAddress: "10.0.0.3",
        }),
        400,
        "invalid_credentials",
      );
    // Neither instance alone has seen three failures; together they have.
    expectProblem(
      await login("zwei-prozesse@example.org", PASSWORD, {
        app: second,
        remoteAddress: "10.0.0.3",
      }),
      429,
      "too_many_attempts",
    );
    expectProblem(
      await login("zwei-prozesse@example.org", PASSWORD, {
        app: server.app,
        remoteAddress: "10.0.0.3",
      }),
      429,
      "too_many_attempts",
    );
  });
});
