import type { Middleware } from "openapi-fetch";
import { csrfTokenStore } from "./csrfTokenStore.ts";

// The methods the server checks (auth/authPlugin.ts); reads never carry the token.
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Name of the header the server compares with the session's CSRF token. */
export const CSRF_HEADER = "x-csrf-token";

async function problemCode(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.clone().json()) as { code?: unknown };
    return typeof body.code === "string" ? body.code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sends the session's CSRF token with every write (cookie sessions need it; token clients
 * ignore it). When the server rejects the token or the session is gone – signed out in
 * another tab, expired – the stored token is dropped so the next write fetches a fresh one.
 */
export const csrfMiddleware: Middleware = {
  async onRequest({ request }) {
    if (!WRITE_METHODS.has(request.method.toUpperCase())) return undefined;
    const token = await csrfTokenStore.current();
    if (token) request.headers.set(CSRF_HEADER, token);
    return request;
  },
  async onResponse({ response }) {
    if (response.status === 401) csrfTokenStore.forget();
    else if (response.status === 403 && (await problemCode(response)) === "csrf_invalid") {
      csrfTokenStore.forget();
    }
    return undefined;
  },
};
