import type { Sourcing } from "@it-atlas/domain";
import { enqueueJob, sql } from "@it-atlas/db";
import { beforeAll, describe, expect, it } from "vitest";
import { authHeaders, type TestRole } from "../testing/signedIn.ts";
import { useTestApp } from "../testing/testApp.ts";

const server = useTestApp();

type Caller =
  | "anonymous"
  | "leser"
  | "kommune_detmold"
  | "kommune_lemgo"
  | "dienstleister_owl"
  | "analyst"
  | "admin";
const CALLERS: Caller[] = [
  "anonymous",
  "leser",
  "kommune_detmold",
  "kommune_lemgo",
  "dienstleister_owl",
  "analyst",
  "admin",
];
const ROLES: Record<Exclude<Caller, "anonymous">, TestRole> = {
  leser: "leser",
  kommune_detmold: { kommune: "05766020" },
  kommune_lemgo: { kommune: "05766044" },
  dienstleister_owl: { dienstleister: "owl-it" },
  analyst: "kdn_analyst",
  admin: "administrator",
};
const SIGNED_IN: Caller[] = CALLERS.filter((caller) => caller !== "anonymous");

/**
 * Who may call each route. A route without an entry fails the test: adding a route means
 * deciding who may use it. Paths use a Detmold example where a route is scoped to a Kommune.
 */
const MATRIX: Record<string, { path: string; allowed: Caller[] }> = {
  "GET /api/health": { path: "/api/health", allowed: CALLERS },
  "GET /api/stats": { path: "/api/stats", allowed: CALLERS },
  "GET /api/sources": { path: "/api/sources", allowed: CALLERS },
  "GET /api/organisations": { path: "/api/organisations", allowed: CALLERS },
  "GET /api/organisations/:ags": { path: "/api/organisations/05766020", allowed: CALLERS },
  "GET /api/providers": { path: "/api/providers", allowed: CALLERS },
  "GET /api/providers/:id": { path: "/api/providers/owl-it", allowed: CALLERS },
  "GET /api/ozg/themenfelder": { path: "/api/ozg/themenfelder", allowed: CALLERS },
  "GET /api/ozg/leistungen": { path: "/api/ozg/leistungen", allowed: CALLERS },
  "GET /api/ozg/leistungen/:id": { path: "/api/ozg/leistungen/10000", allowed: CALLERS },
  "GET /api/geo/:level": { path: "/api/geo/regierungsbezirk", allowed: CALLERS },
  "GET /api/domains": { path: "/api/domains", allowed: CALLERS },
  "GET /api/products": { path: "/api/products", allowed: CALLERS },
  "GET /api/domains/:id": { path: "/api/domains/einwohnerwesen", allowed: SIGNED_IN },
  "GET /api/landscape": {
    path: "/api/landscape?domain=einwohnerwesen&kreis=05766",
    allowed: SIGNED_IN,
  },
  "GET /api/landscape/diff": {
    path: "/api/landscape/diff?from=2017-12-31&kreis=05766",
    allowed: SIGNED_IN,
  },
  "GET /api/organisations/:ags/sourcing": {
    path: "/api/organisations/05766020/sourcing",
    allowed: SIGNED_IN,
  },
  "GET /api/organisations/:ags/sourcing/history": {
    path: "/api/organisations/05766020/sourcing/history",
    allowed: SIGNED_IN,
  },
  "PUT /api/organisations/:ags/sourcing/:domainId": {
    path: "/api/organisations/05766020/sourcing/einwohnerwesen",
    allowed: ["kommune_detmold", "admin"],
  },
  "GET /api/providers/:id/offers": { path: "/api/providers/owl-it/offers", allowed: SIGNED_IN },
  "GET /api/reorganisations": { path: "/api/reorganisations", allowed: SIGNED_IN },
  "POST /api/reorganisations/preview": {
    path: "/api/reorganisations/preview",
    allowed: ["analyst", "admin"],
  },
  "POST /api/reorganisations": { path: "/api/reorganisations", allowed: ["admin"] },
  "GET /api/auth/session": { path: "/api/auth/session", allowed: CALLERS },
  "POST /api/auth/login": { path: "/api/auth/login", allowed: CALLERS },
  "POST /api/auth/logout": { path: "/api/auth/logout", allowed: CALLERS },
  "POST /api/auth/password-reset/confirm": {
    path: "/api/auth/password-reset/confirm",
    allowed: CALLERS,
  },
  "POST /api/auth/invitation/accept": { path: "/api/auth/invitation/accept", allowed: CALLERS },
  "GET /api/me/tokens": { path: "/api/me/tokens", allowed: SIGNED_IN },
  "POST /api/me/tokens": { path: "/api/me/tokens", allowed: SIGNED_IN },
  "DELETE /api/me/tokens/:id": { path: "/api/me/tokens/999999", allowed: SIGNED_IN },
  "GET /api/admin/users": { path: "/api/admin/users", allowed: ["admin"] },
  "POST /api/admin/users": { path: "/api/admin/users", allowed: ["admin"] },
  "PUT /api/admin/users/:id": { path: "/api/admin/users/999999", allowed: ["admin"] },
  "POST /api/admin/users/:id/password-reset": {
    path: "/api/admin/users/999999/password-reset",
    allowed: ["admin"],
  },
  "GET /api/audit": { path: "/api/audit", allowed: ["admin"] },
  "GET /api/audit.csv": { path: "/api/audit.csv", allowed: ["admin"] },
  "GET /api/jobs": { path: "/api/jobs", allowed: SIGNED_IN },
  "GET /api/jobs/:id": { path: "/api/jobs/999999", allowed: SIGNED_IN },
  "POST /api/jobs/:id/cancel": { path: "/api/jobs/999999/cancel", allowed: SIGNED_IN },
};

const headers = new Map<Caller, Record<string, string>>();

beforeAll(async () => {
  headers.set("anonymous", {});
  for (const [caller, role] of Object.entries(ROLES) as Array<
    [Exclude<Caller, "anonymous">, TestRole]
  >) {
    headers.set(caller, await authHeaders(server.db, role));
  }
});

describe("authorization matrix", () => {
  it("has an entry for every API route", () => {
    const registered = server.app.apiRoutes.map((route) => `${route.method} ${route.url}`).sort();
    expect(registered.filter((route) => !(route in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((route) => !registered.includes(route))).toEqual([]);
  });

  it.each(Object.entries(MATRIX))(
    "%s allows exactly its roles",
    async (route, { path, allowed }) => {
      const method = route.split(" ")[0] as "GET" | "POST" | "PUT" | "DELETE";
      for (const caller of CALLERS) {
        // An empty body: allowed callers then get past authorization (and fail validation).
        const response = await server.app.inject({
          method,
          url: path,
          headers: headers.get(caller),
          ...(method === "GET" || method === "DELETE" ? {} : { payload: {} }),
        });
        if (allowed.includes(caller)) {
          expect([401, 403], `${caller} sollte ${route} dürfen`).not.toContain(response.statusCode);
        } else {
          expect(response.statusCode, `${caller} darf ${route} nicht`).toBe(
            caller === "anonymous" ? 401 : 403,
          );
          expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
          expect(response.json<{ code: string }>().code).toBe(
            caller === "anonymous" ? "unauthenticated" : "forbidden",
          );
        }
      }
    },
  );
});

describe("confidentiality", () => {
  async function landscapeAs(caller: Caller, query: string): Promise<Sourcing[]> {
    const response = await server.app.inject({
      url: `/api/landscape?${query}&pageSize=5000`,
      headers: headers.get(caller),
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ items: Sourcing[] }>().items;
  }

  it("shows a provider the costs only of the services it provides to a Kommune", async () => {
    const items = await landscapeAs("dienstleister_owl", "organisation=05766020");
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) {
      if (item.provider?.id === "owl-it") {
        expect(item.confidentialHidden).toBe(false);
        expect(item.annualCost).not.toBeNull();
      } else {
        expect(item).toMatchObject({
          confidentialHidden: true,
          annualCost: null,
          volume: null,
          runningCost: null,
        });
      }
    }
    expect(items.some((item) => item.provider?.id !== "owl-it")).toBe(true);
  });

  it("shows a Kommune its own costs but not another Kommune's", async () => {
    const own = await landscapeAs("kommune_detmold", "organisation=05766020");
    expect(own.every((item) => item.annualCost !== null)).toBe(true);
    const other = await landscapeAs("kommune_detmold", "organisation=05766044");
    expect(other.every((item) => item.annualCost === null && item.confidentialHidden)).toBe(true);
  });

  it("hides costs from readers in the matrix, history and diff as well", async () => {
    const leser = headers.get("leser");
    const matrix = await server.app.inject({
      url: "/api/organisations/05766020/sourcing",
      headers: leser,
    });
    const history = await server.app.inject({
      url: "/api/organisations/05766020/sourcing/history",
      headers: leser,
    });
    const diff = await server.app.inject({
      url: "/api/landscape/diff?from=2017-12-31&kreis=05766",
      headers: leser,
    });
    for (const response of [matrix, history, diff]) {
      expect(response.statusCode).toBe(200);
      expect(JSON.stringify(response.json())).not.toMatch(
        /"(annualCost|runningCost|investmentCost|volume)":\d/,
      );
    }
  });

  it("gives anonymous callers no cost or volume through any route", async () => {
    for (const [route, { path }] of Object.entries(MATRIX)) {
      if (!route.startsWith("GET ")) continue;
      const response = await server.app.inject({ url: path });
      expect(response.body, route).not.toMatch(
        /"(annualCost|runningCost|investmentCost|volume|fixedPrice)":\d/,
      );
    }
  });

  it("withholds cost aggregates of small groups in domain summaries", async () => {
    const response = await server.app.inject({
      url: "/api/domains/einwohnerwesen?kreis=05766",
      headers: headers.get("leser"),
    });
    const summary = response.json<{
      summary: {
        restricted: boolean;
        costPerUnit: { min: number | null } | null;
        byProvider: Array<{ count: number; cost: number | null }>;
      };
    }>().summary;
    expect(summary.restricted).toBe(true);
    expect(summary.costPerUnit?.min ?? null).toBeNull();
    for (const group of summary.byProvider) if (group.count < 3) expect(group.cost).toBeNull();
  });
});

describe("audit trail", () => {
  /** A valid request per write route; a write route without one fails the test. */
  const WRITES: Record<
    string,
    () => Promise<{
      method: "POST" | "PUT" | "DELETE";
      url: string;
      payload?: object;
      entityType: string;
    }>
  > = {
    "PUT /api/organisations/:ags/sourcing/:domainId": async () => ({
      method: "PUT",
      url: "/api/organisations/05766020/sourcing/einwohnerwesen",
      payload: { operatingModel: "eigenbetrieb", runningCost: 100_000, validFrom: "2026-10-01" },
      entityType: "sourcing",
    }),
    "POST /api/reorganisations": async () => ({
      method: "POST",
      url: "/api/reorganisations",
      payload: {
        kind: "member_move",
        sourceProviderIds: ["owl-it"],
        target: { providerId: "sit" },
        organisationKey: "05766020",
        effectiveDate: "2026-11-01",
      },
      entityType: "reorganisation",
    }),
    "POST /api/reorganisations/preview": async () => ({
      method: "POST",
      url: "/api/reorganisations/preview",
      payload: {
        kind: "member_move",
        sourceProviderIds: ["owl-it"],
        target: { providerId: "sit" },
        organisationKey: "05766044",
        effectiveDate: "2026-11-01",
      },
      entityType: "",
    }),
    "POST /api/me/tokens": async () => ({
      method: "POST",
      url: "/api/me/tokens",
      payload: { name: "Audit-Test" },
      entityType: "api_token",
    }),
    "DELETE /api/me/tokens/:id": async () => {
      const created = await server.app.inject({
        method: "POST",
        url: "/api/me/tokens",
        payload: { name: "Widerruf" },
        headers: headers.get("admin"),
      });
      return {
        method: "DELETE",
        url: `/api/me/tokens/${created.json<{ id: number }>().id}`,
        entityType: "api_token",
      };
    },
    "POST /api/admin/users": async () => ({
      method: "POST",
      url: "/api/admin/users",
      payload: {
        email: `neu-${Date.now()}@example.org`,
        displayName: "Neu",
        roles: [{ role: "leser" }],
      },
      entityType: "user",
    }),
    "PUT /api/admin/users/:id": async () => {
      const [user] = await server.db.query<{ id: number }>(
        sql`SELECT id FROM app_user ORDER BY id LIMIT 1`,
      );
      return {
        method: "PUT",
        url: `/api/admin/users/${user?.id}`,
        payload: { displayName: "Geändert" },
        entityType: "user",
      };
    },
    "POST /api/admin/users/:id/password-reset": async () => {
      const [user] = await server.db.query<{ id: number }>(
        sql`SELECT id FROM app_user ORDER BY id LIMIT 1`,
      );
      return {
        method: "POST",
        url: `/api/admin/users/${user?.id}/password-reset`,
        entityType: "user",
      };
    },
    "POST /api/jobs/:id/cancel": async () => {
      const me = await server.app.inject({
        url: "/api/auth/session",
        headers: headers.get("admin"),
      });
      const id = await enqueueJob(server.db, {
        kind: "test.nichts",
        payload: {},
        createdBy: me.json<{ user: { id: number } }>().user.id,
      });
      return { method: "POST", url: `/api/jobs/${id}/cancel`, entityType: "job" };
    },
    // Sign-in, sign-out and token-link routes write their own audit entries; they are covered
    // by the sign-in tests (they need a password or a token link rather than an admin call).
    "POST /api/auth/login": async () => ({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "x@example.org", password: "falsch" },
      entityType: "",
    }),
    "POST /api/auth/logout": async () => ({
      method: "POST",
      url: "/api/auth/logout",
      entityType: "",
    }),
    "POST /api/auth/password-reset/confirm": async () => ({
      method: "POST",
      url: "/api/auth/password-reset/confirm",
      payload: { token: "ungueltig-123456", password: "x".repeat(12) },
      entityType: "",
    }),
    "POST /api/auth/invitation/accept": async () => ({
      method: "POST",
      url: "/api/auth/invitation/accept",
      payload: { token: "ungueltig-123456", password: "x".repeat(12) },
      entityType: "",
    }),
  };

  it("knows a sample request for every write route", () => {
    const writes = server.app.apiRoutes
      .filter((route) => route.method !== "GET" && route.method !== "HEAD")
      .map((route) => `${route.method} ${route.url}`);
    expect(writes.filter((route) => !(route in WRITES))).toEqual([]);
  });

  it.each(Object.keys(WRITES))(
    "%s appends an audit record when it changes something",
    async (route) => {
      const request = await WRITES[route]!();
      const count = async () =>
        (
          await server.db.query<{ count: number }>(
            sql`SELECT count(*)::int AS count FROM audit_log WHERE entity_type = ${request.entityType}`,
          )
        )[0]?.count ?? 0;
      const before = await count();
      const response = await server.app.inject({
        method: request.method,
        url: request.url,
        headers: headers.get("admin"),
        ...(request.payload ? { payload: request.payload } : {}),
      });
      if (request.entityType === "") {
        // Read-only (preview) or refused without a valid credential: nothing may be recorded as a change.
        expect(response.statusCode).toBeGreaterThanOrEqual(200);
        return;
      }
      expect(response.statusCode, response.body).toBeLessThan(300);
      expect(await count()).toBe(before + 1);
    },
  );

  it("cannot be changed or deleted, not even by the application's own connection", async () => {
    await expect(server.db.query(sql`UPDATE audit_log SET actor_label = 'x'`)).rejects.toThrow(
      /Prüfprotokoll/,
    );
    await expect(server.db.query(sql`DELETE FROM audit_log`)).rejects.toThrow(/Prüfprotokoll/);
  });
});
