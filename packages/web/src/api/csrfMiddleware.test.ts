import { fakeApi } from "../features/sourcing/fakeApi.testing.ts";
import { beforeEach, describe, expect, it } from "vitest";
import { api } from "./client.ts";
import { CSRF_HEADER } from "./csrfMiddleware.ts";
import { csrfTokenStore } from "./csrfTokenStore.ts";

const TOKENS = "/api/me/tokens";

beforeEach(() => {
  csrfTokenStore.forget();
  fakeApi.respond({ path: TOKENS, body: { items: [] } });
  fakeApi.respond({
    method: "POST",
    path: TOKENS,
    body: {
      id: 1,
      name: "Import",
      prefix: "atlas_AbCdEf",
      createdAt: "2025-06-30T08:00:00Z",
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
      token: "atlas_geheim",
    },
  });
  fakeApi.respond({ method: "DELETE", path: `${TOKENS}/1`, status: 204, body: null });
});

function sent(method: string) {
  return fakeApi.requests.filter(
    (request) => request.method === method && request.url.pathname.startsWith(TOKENS),
  );
}

describe("CSRF middleware", () => {
  it("sends the session's token with writes", async () => {
    csrfTokenStore.set("token-aus-der-sitzung");
    await api.POST(TOKENS, { body: { name: "Import", expiresInDays: 30 } });
    await api.DELETE("/api/me/tokens/{id}", { params: { path: { id: 1 } } });

    expect(sent("POST")[0]?.headers.get(CSRF_HEADER)).toBe("token-aus-der-sitzung");
    expect(sent("DELETE")[0]?.headers.get(CSRF_HEADER)).toBe("token-aus-der-sitzung");
  });

  it("sends no token with reads", async () => {
    csrfTokenStore.set("token-aus-der-sitzung");
    await api.GET(TOKENS);

    expect(sent("GET")[0]?.headers.has(CSRF_HEADER)).toBe(false);
  });

  it("asks the server for the session when a write comes before the session is known", async () => {
    fakeApi.respond({ path: "/api/auth/session", body: { user: null, csrfToken: "frisch" } });
    await api.POST(TOKENS, { body: { name: "Import", expiresInDays: 30 } });

    expect(sent("POST")[0]?.headers.get(CSRF_HEADER)).toBe("frisch");
  });

  it("sends no header when signed out", async () => {
    csrfTokenStore.set(null);
    await api.POST(TOKENS, { body: { name: "Import", expiresInDays: 30 } });

    expect(sent("POST")[0]?.headers.has(CSRF_HEADER)).toBe(false);
  });

  it("fetches a new token after the server refused the old one", async () => {
    csrfTokenStore.set("veraltet");
    fakeApi.respond({
      method: "POST",
      path: TOKENS,
      status: 403,
      body: { status: 403, code: "csrf_invalid", title: "Keine Berechtigung", detail: "CSRF" },
    });
    fakeApi.respond({ path: "/api/auth/session", body: { user: null, csrfToken: "erneuert" } });
    await api.POST(TOKENS, { body: { name: "Import", expiresInDays: 30 } });
    await api.POST(TOKENS, { body: { name: "Import", expiresInDays: 30 } });

    expect(sent("POST").map((request) => request.headers.get(CSRF_HEADER))).toEqual([
      "veraltet",
      "erneuert",
    ]);
  });
});
