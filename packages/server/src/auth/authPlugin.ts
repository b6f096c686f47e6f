import { findSession, findUserById, useApiToken, type AuditVia, type Database } from "@it-atlas/db";
import {
  ANONYMOUS,
  can,
  NotAllowedError,
  UnauthenticatedError,
  type Permission,
  type PermissionTarget,
  type Principal,
} from "@it-atlas/domain";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { readCookie, SESSION_COOKIE } from "./cookies.ts";
import { hashSecret, safeEqual } from "./secrets.ts";

/** Who may call a route: a permission, optionally scoped by the request (e.g. its :ags). */
export interface AccessRule {
  permission: Permission;
  target?: (request: FastifyRequest) => PermissionTarget;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** Required on every /api route: who may call it (checked before the handler). */
    access?: AccessRule;
  }
  interface FastifyRequest {
    principal: Principal;
    /** CSRF token of the cookie session (undefined for token or anonymous requests). */
    sessionCsrf: string | undefined;
    /** Hash of the session secret, for sign-out. */
    sessionHash: string | undefined;
    /** Channel for the audit trail: web UI (cookie session), API (token) or unknown. */
    auditVia: AuditVia;
  }
}

/** A route under /api with its access rule (for the authorization matrix test). */
export interface ApiRoute {
  method: string;
  url: string;
  permission: Permission;
}

/** API token prefix; lets secret scanners and people recognise the token. */
export const TOKEN_PREFIX = "atlas_";

/**
 * How long a resolved session or token is trusted without asking the database (ADR 0018).
 * This process forgets a principal at once when it signs out, revokes or changes an account;
 * another server process on the same PostgreSQL learns of it when its entry expires, so this
 * is the bound within which a revoked token, a closed session or a deactivated account is
 * refused everywhere.
 */
export const PRINCIPAL_CACHE_MS = 1_000;
/** Minutes after which an unused web session counts as signed out (issue 15.7). */
export const DEFAULT_SESSION_IDLE_MINUTES = 30;
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
// Paths served by plugins (docs, static web app) are public by nature.
const PLUGIN_PATHS = [/^\/api\/docs/, /^\/api\/openapi\.json$/];

/** Routes that must be reachable without CSRF header (they create the session). */
const CSRF_EXEMPT = new Set([
  "/api/auth/login",
  "/api/auth/logout",
  "/api/auth/password-reset/confirm",
  "/api/auth/invitation/accept",
]);

/**
 * Resolves the principal of each request (session cookie or `Authorization: Bearer` token),
 * enforces the route's access rule before the handler, and checks the CSRF token on
 * cookie-authenticated writes. A route under /api without an access rule stops the start.
 */
export function installAuth(
  app: FastifyInstance,
  db: Database,
  { sessionIdleMinutes = DEFAULT_SESSION_IDLE_MINUTES }: { sessionIdleMinutes?: number } = {},
): { forget: (userId?: number) => void; routes: ApiRoute[] } {
  const routes: ApiRoute[] = [];
  const cache = new Map<
    string,
    { expires: number; principal: Principal; csrf?: string; userId: number }
  >();

  // Fastify forbids object defaults on requests; keep the value per request behind a getter.
  const principals = new WeakMap<object, Principal>();
  app.decorateRequest("principal", {
    getter(this: object): Principal {
      return principals.get(this) ?? ANONYMOUS;
    },
    setter(this: object, value: Principal) {
      principals.set(this, value);
    },
  });
  app.decorateRequest("sessionCsrf", undefined);
  app.decorateRequest("sessionHash", undefined);
  app.decorateRequest("auditVia", "api");

  app.addHook("onRoute", (route) => {
    const path = route.url;
    if (!path.startsWith("/api") || PLUGIN_PATHS.some((pattern) => pattern.test(path))) return;
    if (route.method === "HEAD" || route.method === "OPTIONS") return;
    if (!route.config?.access) {
      throw new Error(
        `Route ${String(route.method)} ${path} hat keine Zugriffsregel (config.access).`,
      );
    }
    for (const method of [route.method].flat()) {
      routes.push({
        method: String(method),
        url: path,
        permission: route.config.access.permission,
      });
    }
  });

  async function principalFor(userId: number, via: "session" | "token"): Promise<Principal> {
    const user = await findUserById(db, userId);
    if (!user || user.status !== "active") return ANONYMOUS;
    return {
      kind: "user",
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      roles: user.roles,
      via,
    };
  }

  app.addHook("onRequest", async (request) => {
    request.principal = ANONYMOUS;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith("Bearer ")) {
      const secret = authorization.slice("Bearer ".length).trim();
      const hash = hashSecret(secret);
      const cached = cache.get(hash);
      if (cached && cached.expires > Date.now()) {
        request.principal = cached.principal;
      } else {
        const userId = secret.startsWith(TOKEN_PREFIX)
          ? await db.transaction((tx) => useApiToken(tx, hash))
          : undefined;
        if (userId === undefined) {
          throw new UnauthenticatedError(
            "invalid_token",
            "Das API-Token ist ungültig, abgelaufen oder widerrufen.",
          );
        }
        request.principal = await principalFor(userId, "token");
        cache.set(hash, {
          expires: Date.now() + PRINCIPAL_CACHE_MS,
          principal: request.principal,
          userId,
        });
      }
      request.auditVia = "api";
      return;
    }
    const sessionSecret = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (!sessionSecret) return;
    const hash = hashSecret(sessionSecret);
    const cached = cache.get(hash);
    if (cached && cached.expires > Date.now()) {
      request.principal = cached.principal;
      request.sessionCsrf = cached.csrf;
    } else {
      const session = await findSession(db, hash, sessionIdleMinutes);
      if (!session) return;
      request.principal = await principalFor(session.userId, "session");
      request.sessionCsrf = session.csrfToken;
      cache.set(hash, {
        expires: Date.now() + PRINCIPAL_CACHE_MS,
        principal: request.principal,
        csrf: session.csrfToken,
        userId: session.userId,
      });
    }
    request.sessionHash = hash;
    request.auditVia = "ui";
  });

  // Before validation, so that callers without access learn nothing about valid input.
  app.addHook("preValidation", (request, _reply, done) => {
    try {
      checkAccess(request);
      done();
    } catch (error) {
      done(error as Error);
    }
  });

  function checkAccess(request: FastifyRequest): void {
    const access = request.routeOptions.config.access;
    if (!access) return;
    if (
      request.sessionCsrf &&
      UNSAFE_METHODS.has(request.method) &&
      !CSRF_EXEMPT.has(request.routeOptions.url ?? "")
    ) {
      const sent = request.headers["x-csrf-token"];
      if (typeof sent !== "string" || !safeEqual(sent, request.sessionCsrf)) {
        throw new NotAllowedError(
          "csrf_invalid",
          "Die Sicherheitsprüfung (CSRF) ist fehlgeschlagen. Bitte laden Sie die Seite neu und versuchen Sie es erneut.",
        );
      }
    }
    const target = access.target?.(request) ?? {};
    if (can(request.principal, access.permission, target)) return;
    if (request.principal.kind === "anonymous") {
      throw new UnauthenticatedError(
        "unauthenticated",
        "Bitte melden Sie sich an, um dies zu sehen oder zu ändern.",
      );
    }
    throw new NotAllowedError("forbidden", "Dafür fehlt Ihnen die Berechtigung.");
  }

  return {
    routes,
    /** Drops cached principals (after role changes, deactivation, token revocation, sign-out). */
    forget: (userId?: number) => {
      if (userId === undefined) cache.clear();
      else for (const [key, entry] of cache) if (entry.userId === userId) cache.delete(key);
    },
  };
}

/**
 * Actor of a request: `actorLabel` (the e-mail address) is for the audit log, which only
 * administrators read; `authorName` (the display name) is what a record shows to everyone who
 * may see it („geändert von …“) — never the e-mail address.
 */
export function auditActor(request: FastifyRequest): {
  actorUserId: number | null;
  actorLabel: string;
  authorName: string;
  via: AuditVia;
  requestId: string;
} {
  const principal = request.principal;
  return {
    actorUserId: principal.kind === "user" ? principal.userId : null,
    actorLabel: principal.kind === "user" ? principal.email : "anonym",
    authorName: principal.kind === "user" ? principal.displayName : "anonym",
    via: request.auditVia,
    requestId: request.id,
  };
}
