import { createUser, setPassword, sql } from "@it-atlas/db";
import type { RoleAssignment } from "@it-atlas/domain";
import { describe, expect, it } from "vitest";
import { PRINCIPAL_CACHE_MS } from "../auth/authPlugin.ts";
import { hashPassword } from "../auth/passwords.ts";
import { codeForStep, timeStep } from "../auth/totp.ts";
import { expectProblem } from "../testing/expectProblem.ts";
import { signInWithPassword, type TestSession } from "../testing/passwordSignIn.ts";
import { nextTotpCode } from "../testing/totp.ts";
import { useTestApp } from "../testing/testApp.ts";
import { LOGIN_THROTTLE } from "./authRoutes.ts";

// Issue 15.5: TOTP as second factor with recovery codes, required for administrators.
const server = useTestApp();
const PASSWORD = "richtig-langes-Passwort-1";
const LESER: RoleAssignment = { role: "leser", organisationKey: null, providerId: null };
const ADMIN: RoleAssignment = { role: "administrator", organisationKey: null, providerId: null };
const afterTheCache = () => new Promise((resolve) => setTimeout(resolve, PRINCIPAL_CACHE_MS + 100));

async function createAccount(email: string, roles: RoleAssignment[] = [LESER]): Promise<number> {
  const hash = await hashPassword(PASSWORD);
  return server.db.transaction(async (tx) => {
    const id = await createUser(tx, {
      email,
      displayName: email.split("@")[0]!,
      passwordHash: null,
      status: "active",
      roles,
    });
    await setPassword(tx, id, hash);
    return id;
  });
}

function post(session: TestSession, url: string, payload?: object) {
  return server.app.inject({ method: "POST", url, headers: session.headers, payload });
}

/** Enrols TOTP through the API in a signed-in session; returns the secret and recovery codes. */
async function enrol(session: TestSession) {
  const setup = await post(session, "/api/me/totp/setup");
  expect(setup.statusCode).toBe(200);
  const { secret } = setup.json<{ secret: string }>();
  const confirmed = await post(session, "/api/me/totp/confirm", {
    code: await nextTotpCode(secret),
  });
  expect(confirmed.statusCode).toBe(200);
  return { secret, recoveryCodes: confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes };
}

function login(email: string, remoteAddress = "10.1.0.1") {
  return server.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password: PASSWORD },
    remoteAddress,
  });
}

function challengeCookie(response: { headers: Record<string, unknown> }): string {
  const cookies = [response.headers["set-cookie"] as string | string[]].flat();
  const found = cookies.find((value) => value?.startsWith("atlas_login_challenge="));
  expect(found).toMatch(/HttpOnly/);
  expect(found).toMatch(/Path=\/api\/auth\/login/);
  expect(found).toMatch(/Max-Age=300/);
  return found!.split(";")[0]!;
}

function secondFactor(cookie: string, code: string, remoteAddress = "10.1.0.1") {
  return server.app.inject({
    method: "POST",
    url: "/api/auth/login/second-factor",
    headers: { cookie },
    payload: { code },
    remoteAddress,
  });
}

describe("TOTP enrolment", () => {
  it("sets up TOTP with a local QR code, confirms with a first code, shows recovery codes once and stores only hashes", async () => {
    const id = await createAccount("enrol@example.org");
    const session = await signInWithPassword(server.app, {
      email: "enrol@example.org",
      password: PASSWORD,
    });
    const other = await signInWithPassword(server.app, {
      email: "enrol@example.org",
      password: PASSWORD,
    });
    const before = await server.app.inject({ url: "/api/me/totp", headers: session.headers });
    expect(before.json()).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0 });

    const setup = await post(session, "/api/me/totp/setup");
    expect(setup.statusCode).toBe(200);
    const body = setup.json<{ secret: string; otpauthUri: string; qrCodeSvg: string }>();
    expect(body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(body.otpauthUri).toMatch(
      /^otpauth:\/\/totp\/IT-Atlas%20NRW:enrol%40example\.org\?.*secret=[A-Z2-7]+/,
    );
    expect(body.otpauthUri).toContain("issuer=IT-Atlas%20NRW");
    expect(body.qrCodeSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(body.qrCodeSvg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);

    // Not effective before it is confirmed: the sign-in still needs only the password.
    expect((await login("enrol@example.org")).json()).toMatchObject({
      secondFactorRequired: false,
    });

    const wrong = await post(session, "/api/me/totp/confirm", { code: "000000" });
    expectProblem(wrong, 400, "invalid_second_factor");
    const confirmed = await post(session, "/api/me/totp/confirm", {
      code: await nextTotpCode(body.secret),
    });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = confirmed.json<{ recoveryCodes: string[] }>();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^([a-z2-9]{4}-){3}[a-z2-9]{4}$/);
    const stored = await server.db.query<{ code_hash: string }>(
      sql`SELECT code_hash FROM totp_recovery_code WHERE user_id = ${id}`,
    );
    expect(stored).toHaveLength(10);
    for (const row of stored) {
      expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(recoveryCodes.some((code) => row.code_hash.includes(code))).toBe(false);
    }

    const after = await server.app.inject({ url: "/api/me/totp", headers: session.headers });
    expect(after.json()).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
    // The enrolling session stays; the other one (without the second factor) is ended.
    await afterTheCache();
    const here = await server.app.inject({ url: "/api/auth/session", headers: session.headers });
    expect(here.json()).toMatchObject({ user: { email: "enrol@example.org", totp: true } });
    const there = await server.app.inject({ url: "/api/auth/session", headers: other.headers });
    expect(there.json()).toMatchObject({ user: null });
    // A confirmed TOTP is never replaced by a new setup.
    expectProblem(await post(session, "/api/me/totp/setup"), 409, "totp_enabled");
  });

  it("is managed only in a web session, not with an API token", async () => {
    await createAccount("token@example.org");
    const session = await signInWithPassword(server.app, {
      email: "token@example.org",
      password: PASSWORD,
    });
    const created = await post(session, "/api/me/tokens", { name: "Skript" });
    const authorization = `Bearer ${created.json<{ token: string }>().token}`;
    const viaToken = await server.app.inject({
      method: "POST",
      url: "/api/me/totp/setup",
      headers: { authorization },
    });
    expectProblem(viaToken, 403, "forbidden");
  });
});

describe("sign-in with TOTP", () => {
  it("asks for the code after the right password, opens the session only with it, and refuses a replayed code", async () => {
    await createAccount("zweifaktor@example.org");
    const session = await signInWithPassword(server.app, {
      email: "zweifaktor@example.org",
      password: PASSWORD,
    });
    const { secret } = await enrol(session);

    const first = await login("zweifaktor@example.org");
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      user: null,
      csrfToken: null,
      secondFactorSetupRequired: false,
      secondFactorRequired: true,
    });
    expect(String(first.headers["set-cookie"])).not.toContain("atlas_session=");
    const cookie = challengeCookie(first);

    const code = await nextTotpCode(secret);
    const done = await secondFactor(cookie, code);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ user: { email: "zweifaktor@example.org", totp: true } });
    const setCookies = [done.headers["set-cookie"]].flat().join("\n");
    expect(setCookies).toMatch(/atlas_session=[^;]+; Path=\/; HttpOnly/);
    expect(setCookies).toMatch(/atlas_login_challenge=; Path=\/api\/auth\/login; .*Max-Age=0/);
    const [audit] = await server.db.query<{ after: unknown }>(
      sql`SELECT after FROM audit_log WHERE action = 'login' AND actor_label = 'zweifaktor@example.org'
          ORDER BY id DESC LIMIT 1`,
    );
    expect(audit?.after).toEqual({ via: "password", secondFactor: "totp" });

    // The challenge was used: it does not open a second session.
    expectProblem(await secondFactor(cookie, code), 400, "login_expired");
    // The same code (its time step) is refused for a new sign-in.
    const again = challengeCookie(await login("zweifaktor@example.org"));
    expectProblem(await secondFactor(again, code), 400, "invalid_second_factor");
    // An older step than the one used is refused as well.
    expectProblem(
      await secondFactor(again, codeForStep(secret, timeStep() - 1)),
      400,
      "invalid_second_factor",
    );
  });

  it("accepts each recovery code once", async () => {
    await createAccount("wiederherstellung@example.org");
    const session = await signInWithPassword(server.app, {
      email: "wiederherstellung@example.org",
      password: PASSWORD,
    });
    const { recoveryCodes } = await enrol(session);
    const code = recoveryCodes[3]!;
    const typed = ` ${code.toUpperCase().replaceAll("-", " ")} `;
    const used = await secondFactor(
      challengeCookie(await login("wiederherstellung@example.org")),
      typed,
    );
    expect(used.statusCode).toBe(200);
    const status = await server.app.inject({ url: "/api/me/totp", headers: session.headers });
    expect(status.json()).toMatchObject({ recoveryCodesLeft: 9 });
    const reused = await secondFactor(
      challengeCookie(await login("wiederherstellung@example.org")),
      code,
    );
    expectProblem(reused, 400, "invalid_second_factor");
  });

  it("throttles wrong codes like wrong passwords (the right code waits too)", async () => {
    await createAccount("raten@example.org");
    const session = await signInWithPassword(server.app, {
      email: "raten@example.org",
      password: PASSWORD,
    });
    const { secret } = await enrol(session);
    const cookie = challengeCookie(await login("raten@example.org", "10.1.0.7"));
    for (let attempt = 0; attempt < LOGIN_THROTTLE.accountFreeFailures; attempt += 1) {
      expectProblem(await secondFactor(cookie, "123456", "10.1.0.7"), 400, "invalid_second_factor");
    }
    const right = await secondFactor(cookie, await nextTotpCode(secret), "10.1.0.7");
    expectProblem(right, 429, "too_many_attempts");
    expect(Number(right.headers["retry-after"])).toBeGreaterThan(0);
    // A correct password does not clear the count for an account with TOTP.
    expect((await login("raten@example.org", "10.1.0.7")).statusCode).toBe(429);
  });

  it("refuses the second step without, or with an expired, challenge", async () => {
    const id = await createAccount("abgelaufen@example.org");
    const session = await signInWithPassword(server.app, {
      email: "abgelaufen@example.org",
      password: PASSWORD,
    });
    const { secret } = await enrol(session);
    const noCookie = await server.app.inject({
      method: "POST",
      url: "/api/auth/login/second-factor",
      payload: { code: "123456" },
    });
    expectProblem(noCookie, 400, "login_expired");
    const cookie = challengeCookie(await login("abgelaufen@example.org"));
    await server.db.query(
      sql`UPDATE login_challenge SET expires_at = now() - interval '1 second' WHERE user_id = ${id}`,
    );
    expectProblem(await secondFactor(cookie, await nextTotpCode(secret)), 400, "login_expired");
  });
});

describe("administrators need the second factor", () => {
  it("gives an administrator without TOTP no administrator rights until enrolled, also not through tokens made before", async () => {
    await createAccount("neue-chefin@example.org", [ADMIN]);
    const first = await login("neue-chefin@example.org");
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      secondFactorRequired: false,
      secondFactorSetupRequired: true,
      user: { email: "neue-chefin@example.org", roles: [], totp: false },
    });
    const session = await signInWithPassword(server.app, {
      email: "neue-chefin@example.org",
      password: PASSWORD,
    });
    const users = () => server.app.inject({ url: "/api/admin/users", headers: session.headers });
    const refused = expectProblem(await users(), 403, "second_factor_required");
    expect(refused.detail).toContain("Zwei-Faktor-Anmeldung");
    const early = await post(session, "/api/me/tokens", { name: "vorher" });
    const earlyToken = { authorization: `Bearer ${early.json<{ token: string }>().token}` };
    expectProblem(
      await server.app.inject({ url: "/api/admin/users", headers: earlyToken }),
      403,
      "second_factor_required",
    );
    const status = await server.app.inject({ url: "/api/me/totp", headers: session.headers });
    expect(status.json()).toMatchObject({ enabled: false, required: true });

    const { secret } = await enrol(session);
    // The enrolling session proved the factor: the role is effective in it at once.
    expect((await users()).statusCode).toBe(200);
    const view = await server.app.inject({ url: "/api/auth/session", headers: session.headers });
    expect(view.json()).toMatchObject({
      secondFactorSetupRequired: false,
      user: { roles: [ADMIN], totp: true },
    });
    // A token made before the enrolment stays without the role; one made now has it.
    expectProblem(
      await server.app.inject({ url: "/api/admin/users", headers: earlyToken }),
      403,
      "second_factor_required",
    );
    const later = await post(session, "/api/me/tokens", { name: "nachher" });
    const laterToken = { authorization: `Bearer ${later.json<{ token: string }>().token}` };
    expect(
      (await server.app.inject({ url: "/api/admin/users", headers: laterToken })).statusCode,
    ).toBe(200);
    // A new sign-in asks for the code and gives the role with it.
    const next = await signInWithPassword(server.app, {
      email: "neue-chefin@example.org",
      password: PASSWORD,
      totpSecret: secret,
    });
    expect(
      (await server.app.inject({ url: "/api/admin/users", headers: next.headers })).statusCode,
    ).toBe(200);
  });
});

describe("removing TOTP", () => {
  it("needs the current password and a code; an administrator cannot remove it", async () => {
    await createAccount("entfernen@example.org");
    const session = await signInWithPassword(server.app, {
      email: "entfernen@example.org",
      password: PASSWORD,
    });
    const { secret, recoveryCodes } = await enrol(session);
    const wrongPassword = await post(session, "/api/me/totp/disable", {
      currentPassword: "nicht-das-passwort",
      code: recoveryCodes[0],
    });
    expectProblem(wrongPassword, 400, "invalid_credentials");
    const wrongCode = await post(session, "/api/me/totp/disable", {
      currentPassword: PASSWORD,
      code: "000000",
    });
    expectProblem(wrongCode, 400, "invalid_second_factor");
    const removed = await post(session, "/api/me/totp/disable", {
      currentPassword: PASSWORD,
      code: await nextTotpCode(secret),
    });
    expect(removed.statusCode).toBe(204);
    expect((await login("entfernen@example.org")).json()).toMatchObject({
      secondFactorRequired: false,
    });

    await createAccount("admin-bleibt@example.org", [ADMIN]);
    const admin = await signInWithPassword(server.app, {
      email: "admin-bleibt@example.org",
      password: PASSWORD,
    });
    const enrolled = await enrol(admin);
    const refused = await post(admin, "/api/me/totp/disable", {
      currentPassword: PASSWORD,
      code: enrolled.recoveryCodes[0],
    });
    expectProblem(refused, 409, "totp_required");
  });

  it("renews the recovery codes with a current code; the old ones end", async () => {
    await createAccount("erneuern@example.org");
    const session = await signInWithPassword(server.app, {
      email: "erneuern@example.org",
      password: PASSWORD,
    });
    const { secret, recoveryCodes } = await enrol(session);
    const renewed = await post(session, "/api/me/totp/recovery-codes", {
      code: await nextTotpCode(secret),
    });
    expect(renewed.statusCode).toBe(200);
    const fresh = renewed.json<{ recoveryCodes: string[] }>().recoveryCodes;
    expect(fresh).toHaveLength(10);
    const old = await secondFactor(
      challengeCookie(await login("erneuern@example.org")),
      recoveryCodes[0]!,
    );
    expectProblem(old, 400, "invalid_second_factor");
    const now = await secondFactor(challengeCookie(await login("erneuern@example.org")), fresh[0]!);
    expect(now.statusCode).toBe(200);
  });
});
