import {
  appendAudit,
  createSession,
  createUser,
  findUserByEmail,
  findUserByOidc,
  linkOidc,
  recordLogin,
  saveOidcFlow,
  takeOidcFlow,
} from "@it-atlas/db";
import { isAppError } from "@it-atlas/domain";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { OIDC_STATE_COOKIE, oidcStateCookie, readCookie, sessionCookie } from "../auth/cookies.ts";
import { hashSecret, newSecret, safeEqual } from "../auth/secrets.ts";
import { isTls } from "../http/securityHeaders.ts";
import type { AppContext, ZodApp } from "../http/types.ts";
import { SESSION_MINUTES } from "./authRoutes.ts";

const FLOW_MINUTES = 10;

/** Only same-site paths are followed after sign-in (no open redirect). */
export function safeReturnPath(value: string | undefined): string {
  return value && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : "/";
}

/**
 * The callback address given to the provider: ATLAS_OIDC_REDIRECT_URI, else from
 * ATLAS_PUBLIC_URL. `readConfig` refuses OIDC without either; the request's Host is the last
 * resort only for applications built directly in tests (the provider checks it against the
 * registered addresses anyway).
 */
function redirectUri(context: AppContext, request: FastifyRequest): string {
  const configured = context.oidc?.settings.redirectUri;
  if (configured) return configured;
  const base = context.publicUrl ?? `${request.protocol}://${request.headers.host ?? "localhost"}`;
  return `${base.replace(/\/$/, "")}/api/auth/oidc/callback`;
}

/** Sign-in through an OpenID Connect provider (authorization code + PKCE), when configured. */
export function registerOidcRoutes(app: ZodApp, context: AppContext): void {
  const publicAccess = { access: { permission: "public:read" as const } };

  app.get(
    "/api/auth/oidc",
    {
      config: publicAccess,
      schema: {
        tags: ["Anmeldung"],
        summary: "Ist eine Anmeldung über einen Identitätsdienst (OpenID Connect) eingerichtet?",
        response: { 200: z.object({ enabled: z.boolean(), label: z.string().nullable() }) },
      },
    },
    () => ({ enabled: context.oidc !== undefined, label: context.oidc?.settings.label ?? null }),
  );

  app.get(
    "/api/auth/oidc/start",
    {
      config: publicAccess,
      schema: {
        tags: ["Anmeldung"],
        summary: "Anmeldung beim Identitätsdienst beginnen (Weiterleitung)",
        querystring: z.object({ zurueck: z.string().max(500).optional() }),
        response: { 302: z.undefined() },
      },
    },
    async (request, reply) => {
      const raw = reply as FastifyReply;
      if (!context.oidc) return raw.redirect("/anmelden?sso-fehler=sso_disabled");
      const state = newSecret();
      const nonce = newSecret();
      const codeVerifier = newSecret(48);
      const secure = isTls(
        request.protocol,
        request.headers["x-forwarded-proto"],
        context.trustProxy,
      );
      await saveOidcFlow(
        context.db,
        hashSecret(state),
        { codeVerifier, nonce, returnTo: safeReturnPath(request.query.zurueck) },
        FLOW_MINUTES,
      );
      const url = await context.oidc.authorizationUrl({
        redirectUri: redirectUri(context, request),
        state,
        nonce,
        codeVerifier,
      });
      // Binds state (and through the stored flow its nonce) to this browser: a callback URL
      // started in another browser — an attacker's own sign-in — is refused (login CSRF).
      raw.header(
        "set-cookie",
        oidcStateCookie(state, { secure, maxAgeSeconds: FLOW_MINUTES * 60 }),
      );
      return raw.redirect(url);
    },
  );

  app.get(
    "/api/auth/oidc/callback",
    {
      config: publicAccess,
      schema: {
        tags: ["Anmeldung"],
        summary: "Rückkehr vom Identitätsdienst (setzt die Sitzung und leitet weiter)",
        querystring: z.object({
          code: z.string().max(2000).optional(),
          state: z.string().max(500).optional(),
          error: z.string().max(200).optional(),
        }),
        response: { 302: z.undefined() },
      },
    },
    async (request, reply) => {
      const raw = reply as FastifyReply;
      const secure = isTls(
        request.protocol,
        request.headers["x-forwarded-proto"],
        context.trustProxy,
      );
      // The state cookie is used once: removed with every answer of the callback.
      const clearState = oidcStateCookie("", { secure, maxAgeSeconds: 0 });
      const fail = (code: string) =>
        raw
          .header("set-cookie", clearState)
          .redirect(`/anmelden?sso-fehler=${encodeURIComponent(code)}`);
      const oidc = context.oidc;
      if (!oidc) return fail("sso_disabled");
      const { code, state, error } = request.query;
      if (error || !code || !state)
        return fail(error === "access_denied" ? "sso_denied" : "sso_failed");
      const bound = readCookie(request.headers.cookie, OIDC_STATE_COOKIE);
      if (!bound || !safeEqual(bound, state)) return fail("sso_other_browser");
      const flow = await takeOidcFlow(context.db, hashSecret(state));
      if (!flow) return fail("sso_expired");
      try {
        const claims = await oidc.finish({
          code,
          redirectUri: redirectUri(context, request),
          codeVerifier: flow.codeVerifier,
          nonce: flow.nonce,
        });
        const issuer = String(claims.iss);
        const subject = String(claims.sub);
        const email = typeof claims.email === "string" ? claims.email : undefined;
        // Only an address the provider vouches for links to an existing account or names a
        // new one; a missing claim is not a confirmation (issue 15.8).
        const verified = claims.email_verified === true;
        const secret = newSecret();
        const csrfToken = newSecret(24);
        const signedIn = await context.db.transaction(async (tx) => {
          let user = await findUserByOidc(tx, issuer, subject);
          if (!user && email && verified) {
            user = await findUserByEmail(tx, email);
            if (user && !user.oidc) await linkOidc(tx, user.id, issuer, subject);
          }
          if (!user && email && !verified) return "unverified" as const;
          if (!user && email && oidc.settings.autoCreate) {
            const name = typeof claims.name === "string" ? claims.name : email;
            const id = await createUser(tx, {
              email,
              displayName: name,
              passwordHash: null,
              status: "active",
              roles: [{ role: "leser", organisationKey: null, providerId: null }],
            });
            await linkOidc(tx, id, issuer, subject);
            await appendAudit(tx, {
              actorUserId: id,
              actorLabel: email,
              via: "ui",
              action: "create",
              entityType: "user",
              entityId: String(id),
              before: null,
              after: { email, via: "oidc", roles: ["leser"] },
            });
            user = await findUserByOidc(tx, issuer, subject);
          }
          if (!user || user.status !== "active") return undefined;
          await createSession(tx, {
            tokenHash: hashSecret(secret),
            userId: user.id,
            csrfToken,
            via: "oidc",
            ttlMinutes: SESSION_MINUTES,
            // The identity provider is trusted to enforce its own MFA (ADR 0029): the
            // administrator role is effective in an OpenID Connect session.
            secondFactor: true,
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
            after: { via: "oidc", issuer },
          });
          return user;
        });
        if (signedIn === "unverified") return fail("sso_email_unverified");
        if (!signedIn) return fail("sso_no_account");
        raw.header("set-cookie", [
          sessionCookie(secret, { secure, maxAgeSeconds: SESSION_MINUTES * 60 }),
          clearState,
        ]);
        return raw.redirect(flow.returnTo);
      } catch (failure) {
        request.log.warn({ err: failure }, "OIDC-Anmeldung fehlgeschlagen");
        return fail(isAppError(failure) ? failure.code : "sso_failed");
      }
    },
  );
}
