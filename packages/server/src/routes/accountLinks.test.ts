import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import type { ZodApp } from "../http/types.ts";
import { authHeaders } from "../testing/signedIn.ts";
import { useTestApp } from "../testing/testApp.ts";

// Issue 15.7: invitation and reset links come from ATLAS_PUBLIC_URL only, never from the
// request's Host header (a forged Host would send the secret to another server).
const server = useTestApp();
let configured: ZodApp;
beforeAll(async () => {
  configured = await buildApp({ db: server.db, publicUrl: "https://atlas.example.de/" });
});
afterAll(async () => {
  await configured.close();
});

const FORGED = { host: "boese.example.com", "x-forwarded-host": "boese.example.com" };

async function invite(app: ZodApp, email: string) {
  const response = await app.inject({
    method: "POST",
    url: "/api/admin/users",
    headers: { ...(await authHeaders(server.db, "administrator")), ...FORGED },
    payload: { email, displayName: "Neue Person", roles: [{ role: "leser" }] },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response;
}

async function reset(app: ZodApp, userId: number) {
  const response = await app.inject({
    method: "POST",
    url: `/api/admin/users/${userId}/password-reset`,
    headers: { ...(await authHeaders(server.db, "administrator")), ...FORGED },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response;
}

describe("invitation and reset links", () => {
  it("answers with a path only when no public URL is configured", async () => {
    const invited = await invite(server.app, "pfad@example.org");
    expect(invited.body).not.toContain("boese.example.com");
    const body = invited.json<{ user: { id: number }; invitationUrl: string }>();
    expect(body.invitationUrl).toMatch(/^\/einladung\?token=[\w-]{20,}$/);
    const resetAnswer = await reset(server.app, body.user.id);
    expect(resetAnswer.body).not.toContain("boese.example.com");
    expect(resetAnswer.json<{ resetUrl: string }>().resetUrl).toMatch(
      /^\/passwort-zuruecksetzen\?token=[\w-]{20,}$/,
    );
  });

  it("builds absolute links from ATLAS_PUBLIC_URL, whatever Host the request names", async () => {
    const invited = await invite(configured, "absolut@example.org");
    expect(invited.body).not.toContain("boese.example.com");
    const body = invited.json<{ user: { id: number }; invitationUrl: string }>();
    expect(body.invitationUrl).toMatch(
      /^https:\/\/atlas\.example\.de\/einladung\?token=[\w-]{20,}$/,
    );
    const resetAnswer = await reset(configured, body.user.id);
    expect(resetAnswer.body).not.toContain("boese.example.com");
    expect(resetAnswer.json<{ resetUrl: string }>().resetUrl).toMatch(
      /^https:\/\/atlas\.example\.de\/passwort-zuruecksetzen\?token=/,
    );
  });
});
