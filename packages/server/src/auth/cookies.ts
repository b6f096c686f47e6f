/** Name of the session cookie. */
export const SESSION_COOKIE = "atlas_session";
/**
 * Name of the short-lived cookie that binds an OpenID Connect sign-in (its `state`, and through
 * it the stored `nonce`) to the browser that started it (login CSRF, issue 15.8).
 */
export const OIDC_STATE_COOKIE = "atlas_oidc_state";
/** Path of {@link OIDC_STATE_COOKIE}: sent only to the sign-in routes. */
export const OIDC_STATE_PATH = "/api/auth/oidc";

/**
 * Name of the short-lived cookie that carries a password sign-in waiting for its second factor
 * (issue 15.5): its secret is stored only as a hash, valid a few minutes, used once.
 */
export const LOGIN_CHALLENGE_COOKIE = "atlas_login_challenge";
/** Path of {@link LOGIN_CHALLENGE_COOKIE}: sent only to the sign-in routes. */
export const LOGIN_CHALLENGE_PATH = "/api/auth/login";

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

/**
 * The session's Set-Cookie value: httpOnly and SameSite=Lax always (no script access, no cross-site
 * POST), Secure when the request came over TLS.
 */
export function sessionCookie(
  value: string,
  options: { secure: boolean; maxAgeSeconds: number },
): string {
  return cookie(SESSION_COOKIE, value, "/", options);
}

/** The {@link OIDC_STATE_COOKIE} for a started sign-in (Max-Age 0 removes it). */
export function oidcStateCookie(
  value: string,
  options: { secure: boolean; maxAgeSeconds: number },
): string {
  return cookie(OIDC_STATE_COOKIE, value, OIDC_STATE_PATH, options);
}

/** The {@link LOGIN_CHALLENGE_COOKIE} (Max-Age 0 removes it). */
export function loginChallengeCookie(
  value: string,
  options: { secure: boolean; maxAgeSeconds: number },
): string {
  return cookie(LOGIN_CHALLENGE_COOKIE, value, LOGIN_CHALLENGE_PATH, options);
}

function cookie(
  name: string,
  value: string,
  path: string,
  options: { secure: boolean; maxAgeSeconds: number },
): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${path}`,
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${options.maxAgeSeconds}`,
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}
