import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { authHeaders } from "../testing/signedIn.ts";
import { useTestApp } from "../testing/testApp.ts";
import { acceptsEncoding, etagMatches, negotiateEncoding } from "./responseCache.ts";
import type { ZodApp } from "./types.ts";

describe("negotiateEncoding", () => {
  it.each([
    ["gzip, deflate, br", "br"],
    ["gzip", "gzip"],
    ["br;q=0, gzip;q=0.5", "gzip"],
    ["*", "br"],
    ["*, br;q=0", "gzip"],
    ["identity", "identity"],
    ["", "identity"],
  ])("chooses for %j: %s", (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });

  it("takes q=0 as a refusal", () => {
    expect(acceptsEncoding("gzip;q=0", "gzip")).toBe(false);
    expect(acceptsEncoding("gzip;q=0.1", "gzip")).toBe(true);
  });
});

describe("etagMatches", () => {
  it("matches one of a list, weak or strong, and *", () => {
    expect(etagMatches('"a", "b-br"', '"b-br"')).toBe(true);
    expect(etagMatches('W/"b"', '"b"')).toBe(true);
    expect(etagMatches("*", '"b"')).toBe(true);
    expect(etagMatches('"b-gz"', '"b"')).toBe(false);
    expect(etagMatches(undefined, '"b"')).toBe(false);
  });
});

const server = useTestApp();
let analyst: { authorization: string };
let reader: { authorization: string };
let administrator: { authorization: string };
/** A second application on the same database: its cache is empty (a fresh computation). */
let fresh: ZodApp;

beforeAll(async () => {
  [analyst, reader, administrator] = await Promise.all([
    authHeaders(server.db, "kdn_analyst"),
    authHeaders(server.db, "leser"),
    authHeaders(server.db, "administrator"),
  ]);
  fresh = await buildApp({ db: server.db });
  await fresh.ready();
});
afterAll(async () => {
  await fresh.close();
});

const FRAGMENTATION = "/api/analysis/fragmentation?asOf=2024-06-30";
const DOMAIN = "/api/analysis/domains/einwohnerwesen?asOf=2024-06-30";

describe("cached reads over HTTP", () => {
  it("sends brotli and gzip of the same JSON, and plain JSON without Accept-Encoding", async () => {
    const url = "/api/ozg/readiness?pageSize=500";
    const plain = await server.app.inject({ url, headers: reader });
    const br = await server.app.inject({
      url,
      headers: { ...reader, "accept-encoding": "gzip, br" },
    });
    const gz = await server.app.inject({ url, headers: { ...reader, "accept-encoding": "gzip" } });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(br.headers.vary).toContain("accept-encoding");
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 5);
    // Each coding is its own representation: its own strong ETag.
    expect(new Set([plain, br, gz].map((r) => r.headers.etag)).size).toBe(3);
  });

  it("compresses uncached JSON too (@fastify/compress)", async () => {
    const response = await server.app.inject({
      url: "/api/openapi.json",
      headers: { "accept-encoding": "br" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-encoding"]).toBe("br");
    expect(JSON.parse(brotliDecompressSync(response.rawPayload).toString())).toHaveProperty(
      "openapi",
    );
  });

  it("answers 304 to a matching If-None-Match, with any coding's ETag", async () => {
    const first = await server.app.inject({
      url: FRAGMENTATION,
      headers: { ...analyst, "accept-encoding": "gzip" },
    });
    expect(first.statusCode).toBe(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+-gz"$/);
    const again = await server.app.inject({
      url: FRAGMENTATION,
      headers: { ...analyst, "accept-encoding": "br", "if-none-match": etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    expect(again.headers.etag).toBe(etag.replace(/-gz"$/, '-br"'));
    const other = await server.app.inject({
      url: FRAGMENTATION,
      headers: { ...analyst, "if-none-match": '"etwas-anderes"' },
    });
    expect(other.statusCode).toBe(200);
  });

  // Signed-in answers changed from `private, no-cache` to `no-store` (ASVS V8.2.1, issue 15.7).
  it("sends signed-in JSON as no-store and anonymous JSON as no-cache", async () => {
    const signedIn = await server.app.inject({ url: "/api/stats", headers: reader });
    const anonymous = await server.app.inject({ url: "/api/stats" });
    expect(signedIn.headers["cache-control"]).toBe("no-store");
    expect(anonymous.headers["cache-control"]).toBe("no-cache");
    expect(anonymous.headers.etag).toBe(signedIn.headers.etag);
  });

  it.each([
    ["/api/stats", undefined],
    ["/api/providers?kind=kommunal", undefined],
    ["/api/providers/owl-it", undefined],
    ["/api/organisations/05766020", undefined],
    ["/api/organisations?q=Det", undefined],
    ["/api/ozg/leistungen?page=3", undefined],
    ["/api/geo/regierungsbezirk", undefined],
    ["/api/ozg/readiness?kreis=05766&dienst=epayment-nrw", "reader"],
    ["/api/ozg/readiness/services?kreis=05766", "reader"],
    ["/api/analysis/providers/owl-it?asOf=2024-06-30", "analyst"],
    ["/api/analysis/cost-curves/einwohnerwesen?asOf=2024-06-30", "analyst"],
    [DOMAIN, "reader"],
    ["/api/landscape?kreis=05766&domain=einwohnerwesen", "reader"],
  ] as const)("caches %s exactly as a fresh computation answers it", async (url, who) => {
    const headers = who === "reader" ? reader : who === "analyst" ? analyst : {};
    const cached = await server.app.inject({ url, headers });
    const cachedAgain = await server.app.inject({ url, headers });
    const computed = await fresh.inject({ url, headers });
    expect(cached.statusCode, cached.body).toBe(200);
    expect(cachedAgain.body).toBe(cached.body);
    expect(computed.body).toBe(cached.body);
    expect(computed.headers.etag).toBe(cached.headers.etag);
  });

  it("never gives a Leser the costs a KDN analyst's request put in the cache", async () => {
    const full = await server.app.inject({ url: DOMAIN, headers: analyst });
    const restricted = await server.app.inject({ url: DOMAIN, headers: reader });
    const fullBody = full.json<{
      confidentialHidden: boolean;
      providers: Array<{ runningCost: number | null }>;
    }>();
    const restrictedBody = restricted.json<typeof fullBody>();
    expect(fullBody.confidentialHidden).toBe(false);
    expect(fullBody.providers.some((provider) => typeof provider.runningCost === "number")).toBe(
      true,
    );
    expect(restrictedBody.confidentialHidden).toBe(true);
    expect(restrictedBody.providers.every((provider) => provider.runningCost === null)).toBe(true);
    expect(restricted.headers.etag).not.toBe(full.headers.etag);
    // The analyst's ETag does not revalidate the Leser's copy either.
    const revalidated = await server.app.inject({
      url: DOMAIN,
      headers: { ...reader, "if-none-match": String(full.headers.etag) },
    });
    expect(revalidated.statusCode).toBe(200);
    expect(revalidated.body).toBe(restricted.body);

    const landscape = "/api/landscape?organisation=05766020&asOf=2024-06-30";
    const landscapeFull = await server.app.inject({ url: landscape, headers: analyst });
    const landscapeRestricted = await server.app.inject({ url: landscape, headers: reader });
    type Page = { items: Array<{ runningCost: number | null }> };
    expect(landscapeFull.json<Page>().items.some((item) => item.runningCost !== null)).toBe(true);
    expect(landscapeRestricted.json<Page>().items.every((item) => item.runningCost === null)).toBe(
      true,
    );
    expect(landscapeRestricted.headers.etag).not.toBe(landscapeFull.headers.etag);
  });

  it("pages the readiness rows with the count of all matching Kommunen", async () => {
    type Board = { rows: Array<{ kommune: { key: string } }>; rowCount: number; page: number };
    const all = (
      await server.app.inject({ url: "/api/ozg/readiness?pageSize=500", headers: reader })
    ).json<Board>();
    const first = (
      await server.app.inject({ url: "/api/ozg/readiness", headers: reader })
    ).json<Board>();
    const second = (
      await server.app.inject({ url: "/api/ozg/readiness?page=2&pageSize=100", headers: reader })
    ).json<Board>();
    expect(all.rowCount).toBeGreaterThan(400);
    expect(all.rows).toHaveLength(all.rowCount);
    expect(first.rows).toHaveLength(100);
    expect(first.rowCount).toBe(all.rowCount);
    expect(second.page).toBe(2);
    expect([...first.rows, ...second.rows].map((row) => row.kommune.key)).toEqual(
      all.rows.slice(0, 200).map((row) => row.kommune.key),
    );
  });
});

// Last in this file: both write.
describe("ETags after writes", () => {
  it("changes the readiness ETag when a Kommune's adoption status changes", async () => {
    const url = "/api/ozg/readiness?kreis=05766";
    const before = await server.app.inject({ url, headers: reader });
    const write = await server.app.inject({
      method: "PUT",
      url: "/api/ozg/kommunen/05766020/leistungen/10124",
      headers: administrator,
      payload: { status: "online", informationDate: "2026-01-15" },
    });
    expect(write.statusCode, write.body).toBe(200);
    const after = await server.app.inject({
      url,
      headers: { ...reader, "if-none-match": String(before.headers.etag) },
    });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body).not.toBe(before.body);
    expect(after.body).toBe((await fresh.inject({ url, headers: reader })).body);
  });

  it("changes the analysis and landscape ETags after a landscape edit", async () => {
    const analysis = "/api/analysis/domains/einwohnerwesen?asOf=2031-01-01";
    const landscape = "/api/landscape?organisation=05766020&asOf=2031-01-01";
    const [analysisBefore, landscapeBefore] = await Promise.all([
      server.app.inject({ url: analysis, headers: analyst }),
      server.app.inject({ url: landscape, headers: analyst }),
    ]);
    const unchanged = await server.app.inject({
      url: landscape,
      headers: { ...analyst, "if-none-match": String(landscapeBefore.headers.etag) },
    });
    expect(unchanged.statusCode).toBe(304);
    const write = await server.app.inject({
      headers: administrator,
      method: "PUT",
      url: "/api/organisations/05766020/sourcing/einwohnerwesen",
      payload: { operatingModel: "eigenbetrieb", runningCost: 99_000, validFrom: "2031-01-01" },
    });
    expect(write.statusCode, write.body).toBe(200);
    for (const [url, before] of [
      [analysis, analysisBefore],
      [landscape, landscapeBefore],
    ] as const) {
      const after = await server.app.inject({
        url,
        headers: { ...analyst, "if-none-match": String(before.headers.etag) },
      });
      expect(after.statusCode, url).toBe(200);
      expect(after.headers.etag).not.toBe(before.headers.etag);
      expect(after.body).not.toBe(before.body);
    }
  });
});
