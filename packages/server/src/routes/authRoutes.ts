import {
  appendAudit,
  acceptTotpStep,
  clearLoginFailures,
  consumeOneTimeToken,
  createLoginChallenge,
  createSession,
  deleteLoginChallenge,
  deleteSession,
  deleteSessionsOfUser,
  findUserByEmail,
  findOneTimeTokenUser,
  findUserById,
  findLoginChallenge,
  findTotp,
  invalidateOneTimeTokensOfUser,
  loginDelaySeconds,
  recordLoginFailure,
  recordLogin,
  revokeApiTokensOfUser,
  setPassword,
  toUserView,
  updateUser,
  useRecoveryCode,
  type Database,
  type UserRecord,
} from "@it-atlas/db";
import { InputError, RateLimitedError, UserView } from "@it-atlas/domain";
import { z } from "zod";
import { auditActor } from "../auth/authPlugin.ts";
import {
  LOGIN_CHALLENGE_COOKIE,
  loginChallengeCookie,
  readCookie,
  sessionCookie,
} from "../auth/cookies.ts";
import { assertPasswordPolicy, hashPassword, verifyPassword } from "../auth/passwords.ts";
import { hashSecret, newSecret } from "../auth/secrets.ts";
import { hashRecoveryCode, isTotpCode, matchingStep } from "../auth/totp.ts";
import { isTls } from "../http/securityHeaders.ts";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";

/** Session length: one working day. */
export const SESSION_MINUTES = 8 * 60;
/** How long a correct password waits for the second factor (issue 15.5). */
export const LOGIN_CHALLENGE_MINUTES = 5;

/**
 * Login throttling (ADR 0018, docs/security.md V2.2.1): per account (also for e-mail addresses
 * without an account) and per client address, stored in the database so every server process
 * counts the same failures. After the free failures every further failure doubles the delay,
 * at most 15 minutes — never a hard lock, so nobody can lock out the last administrator.
 */
export const LOGIN_THROTTLE = {
  accountFreeFailures: 3,
  /** Higher: several people of one Kommune often sign in from one address. */
  addressFreeFailures: 20,
  maxDelaySeconds: 15 * 60,
} as const;

/**
 * An argon2id hash (same parameters as {@link hashPassword}) of a password nobody knows: for an
 * unknown e-mail address or an account without password the password is verified against it,
 * so both paths cost one verify and answer in about the same time.
 */
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$pNNpWt5Kva2+XexBjpe1+A$3GZs4RMPv8R9N0h0O8j7r6IF7aKI8re2zS7wg98rmbs";

function accountKey(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

/** The throttle keys of a sign-in (or a code or password typed while signed in). */
export function throttleRules(email: string, address: string) {
  return [
    {
      key: accountKey(email),
      freeFailures: LOGIN_THROTTLE.accountFreeFailures,
      maxDelaySeconds: LOGIN_THROTTLE.maxDelaySeconds,
    },
    {
      key: `ip:${address}`,
      freeFailures: LOGIN_THROTTLE.addressFreeFailures,
      maxDelaySeconds: LOGIN_THROTTLE.maxDelaySeconds,
    },
  ];
}

/** A wait in German words. */
export function waitText(seconds: number): string {
  if (seconds < 120) return seconds === 1 ? "1 Sekunde" : `${seconds} Sekunden`;
  return `${Math.ceil(seconds / 60)} Minuten`;
}

const Session = z
  .object({
    user: UserView.nullable(),
    csrfToken: z.string().nullable(),
    /**
     * The account holds the administrator role, but it is not effective in this session: the
     * account has no second factor yet (or the session did not use it). `user.roles` lists
     * only the effective roles.
     */
    secondFactorSetupRequired: z.boolean(),
  })
  .meta({ id: "Session" });
const LoginResult = Session.extend({
  /** The password was right; the account has TOTP: send a code to /api/auth/login/second-factor. */
  secondFactorRequired: z.boolean(),
}).meta({ id: "LoginResult" });

/** The session view of an account: only its effective roles (see {@link Session}). */
function sessionView(user: UserRecord, secondFactor: boolean, csrfToken: string | null) {
  const view = toUserView(user);
  const withheld = !secondFactor && view.roles.some((role) => role.role === "administrator");
  return {
    user: withheld
      ? { ...view, roles: view.roles.filter((role) => role.role !== "administrator") }
      : view,
    csrfToken,
    secondFactorSetupRequired: withheld,
  };
}
const Credentials = z.object({
  email: z.string().trim().min(3, "E-Mail-Adresse angeben").max(320),
  password: z.string().min(1, "Passwort angeben").max(256),
});

/** Opens a password session (after the second factor, if the account has one) and audits it. */
async function startSession(
  db: Database,
  user: UserRecord,
  options: { secondFactor: boolean; requestId: string; after: Record<string, unknown> },
): Promise<{ secret: string; csrfToken: string }> {
  const secret = newSecret();
  const csrfToken = newSecret(24);
  await db.transaction(async (tx) => {
    await createSession(tx, {
      tokenHash: hashSecret(secret),
      userId: user.id,
      csrfToken,
      via: "password",
      ttlMinutes: SESSION_MINUTES,
      secondFactor: options.secondFactor,
    });
    await recordLogin(tx, user.id);
    // The account's count starts again; the address's count does not, so one valid
    // account cannot reset the delay of an address that guesses at others.
    await clearLoginFailures(tx, [accountKey(user.email)]);
    await appendAudit(tx, {
      actorUserId: user.id,
      actorLabel: user.email,
      via: "ui",
      action: "login",
      entityType: "session",
      entityId: String(user.id),
      before: null,
      after: options.after,
      requestId: options.requestId,
    });
  });
  return { secret, csrfToken };
}

/** Sign-in with password (and second factor), sign-out, session, password reset and invitations by token link. */
export function registerAuthRoutes(app: ZodApp, context: AppContext): void {
  const secure = (request: { protocol: string; headers: Record<string, unknown> }) =>
    isTls(
      request.protocol,
      request.headers["x-forwarded-proto"] as string | undefined,
      context.trustProxy,
    );

  app.get(
    "/api/auth/session",
    {
      config: { access: { permission: "public:read" } },
      schema: {
        tags: ["Anmeldung"],
        summary: "Aktuelle Anmeldung und CSRF-Token",
        response: { 200: Session },
      },
    },
    async (request) => {
      const none = { user: null, csrfToken: null, secondFactorSetupRequired: false };
      if (request.principal.kind !== "user") return none;
      const user = await findUserById(context.db, request.principal.userId);
      if (!user) return none;
      return sessionView(user, request.secondFactor, request.sessionCsrf ?? null);
    },
  );

  app.post(
    "/api/auth/login",
    {
      config: { access: { permission: "public:read" } },
      schema: {
        tags: ["Anmeldung"],
        summary:
          "Mit E-Mail und Passwort anmelden (setzt ein httpOnly-Sitzungscookie; mit Zwei-Faktor-Anmeldung erst nach dem Code)",
        body: Credentials,
        response: { 200: LoginResult, ...problemResponses },
      },
    },
    async (request, reply) => {
      const rules = throttleRules(request.body.email, request.ip);
      const delay = await loginDelaySeconds(
        context.db,
        rules.map((rule) => rule.key),
      );
      if (delay > 0) {
        reply.header("retry-after", String(delay));
        throw new RateLimitedError(
          "too_many_attempts",
          `Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in ${waitText(delay)} erneut.`,
        );
      }
      const user = await findUserByEmail(context.db, request.body.email);
      // Always one argon2id verify, whether the account exists or not (same timing).
      const passwordMatches = await verifyPassword(
        user?.passwordHash ?? DUMMY_HASH,
        request.body.password,
      );
      const valid = passwordMatches && user?.status === "active" && user.passwordHash !== null;
      if (!user || !valid) {
        await context.db.transaction((tx) => recordLoginFailure(tx, rules));
        throw new InputError("invalid_credentials", "E-Mail-Adresse oder Passwort ist falsch.");
      }
      if (user.totp) {
        // The password was right; the session waits for the second factor. The account's
        // failure count is not cleared here: knowing the password must not buy new guesses
        // at the code (issue 15.5).
        const challenge = newSecret();
        await createLoginChallenge(context.db, {
          tokenHash: hashSecret(challenge),
          userId: user.id,
          ttlMinutes: LOGIN_CHALLENGE_MINUTES,
        });
        reply.header(
          "set-cookie",
          loginChallengeCookie(challenge, {
            secure: secure(request),
            maxAgeSeconds: LOGIN_CHALLENGE_MINUTES * 60,
          }),
        );
        return {
          user: null,
          csrfToken: null,
          secondFactorSetupRequired: false,
          secondFactorRequired: true,
        };
      }
      const session = await startSession(context.db, user, {
        secondFactor: false,
        requestId: request.id,
        after: { via: "password" },
      });
      reply.header(
        "set-cookie",
        sessionCookie(session.secret, {
          secure: secure(request),
          maxAgeSeconds: SESSION_MINUTES * 60,
        }),
      );
      return { ...sessionView(user, false, session.csrfToken), secondFactorRequired: false };
    },
  );

  app.post(
    "/api/auth/login/second-factor",
    {
      config: { access: { permission: "public:read" } },
      schema: {
        tags: ["Anmeldung"],
        summary:
          "Anmeldung mit dem zweiten Faktor abschließen: Code aus der Authenticator-App oder ein Wiederherstellungscode",
        body: z.object({
          code: z.string().trim().min(6, "Bitte den Code angeben").max(40),
        }),
        response: { 200: Session, ...problemResponses },
      },
    },
    async (request, reply) => {
      const expired = () =>
        new InputError(
          "login_expired",
          "Die Anmeldung ist abgelaufen. Bitte melden Sie sich erneut mit E-Mail-Adresse und Passwort an.",
        );
      const challenge = readCookie(request.headers.cookie, LOGIN_CHALLENGE_COOKIE);
      if (!challenge) throw expired();
      const challengeHash = hashSecret(challenge);
      const userId = await findLoginChallenge(context.db, challengeHash);
      const user = userId === undefined ? undefined : await findUserById(context.db, userId);
      if (!user || user.status !== "active") throw expired();
      const rules = throttleRules(user.email, request.ip);
      const delay = await loginDelaySeconds(
        context.db,
        rules.map((rule) => rule.key),
      );
      if (delay > 0) {
        reply.header("retry-after", String(delay));
        throw new RateLimitedError(
          "too_many_attempts",
          `Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in ${waitText(delay)} erneut.`,
        );
      }
      const totp = await findTotp(context.db, user.id);
      if (!totp?.confirmed) throw expired();
      const code = request.body.code;
      const usedFactor = await context.db.transaction(async (tx) => {
        if (isTotpCode(code)) {
          const step = matchingStep(totp.secret, code);
          // A valid code counts once: its time step must be later than the last one used.
          return step !== undefined && (await acceptTotpStep(tx, user.id, step))
            ? "totp"
            : undefined;
        }
        return (await useRecoveryCode(tx, user.id, hashRecoveryCode(code)))
          ? "recovery_code"
          : undefined;
      });
      if (!usedFactor) {
        await context.db.transaction((tx) => recordLoginFailure(tx, rules));
        throw new InputError(
          "invalid_second_factor",
          "Der Code ist falsch, abgelaufen oder wurde schon verwendet.",
          [{ field: "code", message: "ungültig" }],
        );
      }
      if (!(await deleteLoginChallenge(context.db, challengeHash))) throw expired();
      const session = await startSession(context.db, user, {
        secondFactor: true,
        requestId: request.id,
        after: { via: "password", secondFactor: usedFactor },
      });
      reply.header("set-cookie", [
        sessionCookie(session.secret, {
          secure: secure(request),
          maxAgeSeconds: SESSION_MINUTES * 60,
        }),
        loginChallengeCookie("", { secure: secure(request), maxAgeSeconds: 0 }),
      ]);
      return sessionView(user, true, session.csrfToken);
    },
  );

  app.post(
    "/api/auth/logout",
    {
      config: { access: { permission: "public:read" } },
      schema: { tags: ["Anmeldung"], summary: "Abmelden", response: { 204: z.undefined() } },
    },
    async (request, reply) => {
      const hash = request.sessionHash;
      if (hash && request.principal.kind === "user") {
        const actor = auditActor(request);
        await context.db.transaction(async (tx) => {
          await deleteSession(tx, hash);
          await appendAudit(tx, {
            ...actor,
            action: "logout",
            entityType: "session",
            entityId: String(actor.actorUserId),
            before: null,
            after: null,
          });
        });
        context.forgetPrincipals(request.principal.userId);
      }
      reply.header("set-cookie", sessionCookie("", { secure: secure(request), maxAgeSeconds: 0 }));
      return reply.status(204).send();
    },
  );

  const TokenAndPassword = z.object({
    token: z.string().min(10, "Der Link ist unvollständig.").max(200),
    password: z.string().max(256),
    displayName: z.string().trim().min(1).max(120).optional(),
  });

  for (const [path, kind, summary] of [
    [
      "/api/auth/password-reset/confirm",
      "password_reset",
      "Neues Passwort mit dem Link zur Zurücksetzung setzen",
    ],
    ["/api/auth/invitation/accept", "invitation", "Einladung annehmen und Passwort setzen"],
  ] as const) {
    app.post(
      path,
      {
        config: { access: { permission: "public:read" } },
        schema: {
          tags: ["Anmeldung"],
          summary,
          body: TokenAndPassword,
          response: { 204: z.undefined(), ...problemResponses },
        },
      },
      async (request, reply) => {
        const invalidLink = () =>
          new InputError(
            "invalid_link",
            "Der Link ist ungültig, abgelaufen oder wurde schon benutzt.",
          );
        const tokenHash = hashSecret(request.body.token);
        // The policy needs the account's e-mail and name: read them without using the link,
        // so a refused password leaves the link usable.
        const owner = await findOneTimeTokenUser(context.db, kind, tokenHash);
        const account = owner === undefined ? undefined : await findUserById(context.db, owner);
        if (!account) throw invalidLink();
        await assertPasswordPolicy(request.body.password, {
          personal: [account.email, request.body.displayName ?? account.displayName],
        });
        const passwordHash = await hashPassword(request.body.password);
        await context.db.transaction(async (tx) => {
          const userId = await consumeOneTimeToken(tx, kind, tokenHash);
          if (userId === undefined) throw invalidLink();
          await setPassword(tx, userId, passwordHash);
          // The link proves the account is theirs: the account's delay ends with it.
          await clearLoginFailures(tx, [accountKey(account.email)]);
          if (request.body.displayName)
            await updateUser(tx, userId, { displayName: request.body.displayName });
          await deleteSessionsOfUser(tx, userId);
          // Every other open link of the account ends with this one (issue 15.4); a reset
          // also revokes the API tokens: whoever reset the password may not know of them.
          const linksEnded = await invalidateOneTimeTokensOfUser(tx, userId);
          const tokensRevoked =
            kind === "password_reset" ? await revokeApiTokensOfUser(tx, userId) : 0;
          await appendAudit(tx, {
            actorUserId: userId,
            actorLabel: `Benutzer ${userId}`,
            via: "ui",
            action: kind === "invitation" ? "accept_invitation" : "reset_password",
            entityType: "user",
            entityId: String(userId),
            before: null,
            after: { passwordChanged: true, linksEnded, tokensRevoked },
            requestId: request.id,
          });
          context.forgetPrincipals(userId);
        });
        return reply.status(204).send();
      },
    );
  }
}
