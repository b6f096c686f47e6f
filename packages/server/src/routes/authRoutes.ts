import {
  appendAudit,
  consumeOneTimeToken,
  createSession,
  deleteSession,
  deleteSessionsOfUser,
  findUserByEmail,
  findOneTimeTokenUser,
  findUserById,
  invalidateOneTimeTokensOfUser,
  recordFailedLogin,
  recordLogin,
  revokeApiTokensOfUser,
  setPassword,
  toUserView,
  updateUser,
} from "@it-atlas/db";
import { InputError, RateLimitedError, UserView } from "@it-atlas/domain";
import { z } from "zod";
import { auditActor } from "../auth/authPlugin.ts";
import { sessionCookie } from "../auth/cookies.ts";
import { checkPasswordPolicy, hashPassword, verifyPassword } from "../auth/passwords.ts";
import { hashSecret, newSecret } from "../auth/secrets.ts";
import { isTls } from "../http/securityHeaders.ts";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";

/** Session length: one working day. */
export const SESSION_MINUTES = 8 * 60;
const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;
const WINDOW_MS = 5 * 60_000;
const MAX_ATTEMPTS_PER_WINDOW = 20;

const Session = z
  .object({ user: UserView.nullable(), csrfToken: z.string().nullable() })
  .meta({ id: "Session" });
const Credentials = z.object({
  email: z.string().trim().min(3, "E-Mail-Adresse angeben").max(320),
  password: z.string().min(1, "Passwort angeben").max(256),
});

/** Sign-in with password, sign-out, session, password reset and invitations by token link. */
export function registerAuthRoutes(app: ZodApp, context: AppContext): void {
  const attempts = new Map<string, number[]>();
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
      if (request.principal.kind !== "user") return { user: null, csrfToken: null };
      const user = await findUserById(context.db, request.principal.userId);
      return { user: user ? toUserView(user) : null, csrfToken: request.sessionCsrf ?? null };
    },
  );

  app.post(
    "/api/auth/login",
    {
      config: { access: { permission: "public:read" } },
      schema: {
        tags: ["Anmeldung"],
        summary: "Mit E-Mail und Passwort anmelden (setzt ein httpOnly-Sitzungscookie)",
        body: Credentials,
        response: { 200: Session, ...problemResponses },
      },
    },
    async (request, reply) => {
      const now = Date.now();
      const recent = (attempts.get(request.ip) ?? []).filter((time) => time > now - WINDOW_MS);
      if (recent.length >= MAX_ATTEMPTS_PER_WINDOW) {
        reply.header("retry-after", String(WINDOW_MS / 1000));
        throw new RateLimitedError(
          "too_many_attempts",
          "Zu viele Anmeldeversuche. Bitte warten Sie einige Minuten.",
        );
      }
      attempts.set(request.ip, [...recent, now]);
      const user = await findUserByEmail(context.db, request.body.email);
      if (user?.lockedUntil && Date.parse(user.lockedUntil) > now) {
        throw new RateLimitedError(
          "account_locked",
          `Das Konto ist nach mehreren Fehlversuchen bis ${new Date(user.lockedUntil).toLocaleTimeString("de-DE", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit" })} Uhr gesperrt.`,
        );
      }
      const valid =
        user?.status === "active" &&
        user.passwordHash !== null &&
        (await verifyPassword(user.passwordHash, request.body.password));
      if (!user || !valid) {
        if (user)
          await context.db.transaction((tx) =>
            recordFailedLogin(tx, user.id, MAX_FAILURES, LOCK_MINUTES),
          );
        throw new InputError("invalid_credentials", "E-Mail-Adresse oder Passwort ist falsch.");
      }
      const secret = newSecret();
      const csrfToken = newSecret(24);
      await context.db.transaction(async (tx) => {
        await createSession(tx, {
          tokenHash: hashSecret(secret),
          userId: user.id,
          csrfToken,
          via: "password",
          ttlMinutes: SESSION_MINUTES,
        });
        await recordLogin(tx, user.id);
        await appendAudit(tx, {
          actorUserId: user.id,
          actorLabel: user.email,
          via: "ui",
          action: "login",
          entityType: "session",
          entityId: String(user.id),
          before: null,
          after: { via: "password" },
          requestId: request.id,
        });
      });
      attempts.set(request.ip, recent);
      reply.header(
        "set-cookie",
        sessionCookie(secret, { secure: secure(request), maxAgeSeconds: SESSION_MINUTES * 60 }),
      );
      return { user: toUserView(user), csrfToken };
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
        checkPasswordPolicy(request.body.password, {
          personal: [account.email, request.body.displayName ?? account.displayName],
        });
        const passwordHash = await hashPassword(request.body.password);
        await context.db.transaction(async (tx) => {
          const userId = await consumeOneTimeToken(tx, kind, tokenHash);
          if (userId === undefined) throw invalidLink();
          await setPassword(tx, userId, passwordHash);
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
