import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { useTestDatabase } from "@it-atlas/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import type { ZodApp } from "./types.ts";
import { IMMUTABLE, REVALIDATE } from "./staticFiles.ts";

const database = useTestDatabase();
let app: ZodApp;
let webDist: string;

const INDEX = "<!doctype html><title>IT-Atlas NRW</title>";
const SCRIPT = `console.log(${JSON.stringify("IT-Atlas ".repeat(400))});`;

beforeAll(async () => {
  // A built web app as Vite leaves it, with the precompressed variants of the build step.
  webDist = await mkdtemp(join(tmpdir(), "atlas-web-"));
  await mkdir(join(webDist, "assets"));
  await writeFile(join(webDist, "index.html"), INDEX);
  await writeFile(join(webDist, "assets", "index-Ab12Cd34.js"), SCRIPT);
  await writeFile(join(webDist, "assets", "index-Ab12Cd34.js.br"), brotliCompressSync(SCRIPT));
  await writeFile(join(webDist, "assets", "index-Ab12Cd34.js.gz"), gzipSync(SCRIPT));
  app = await buildApp({ db: database.db, webDist });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await rm(webDist, { recursive: true, force: true });
});

const html = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };

describe("the web app's files", () => {
  it("serves hashed assets for a year as immutable, precompressed as accepted", async () => {
    const br = await app.inject({
      url: "/assets/index-Ab12Cd34.js",
      headers: { "accept-encoding": "gzip, deflate, br" },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers["cache-control"]).toBe(IMMUTABLE);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(br.rawPayload.equals(brotliCompressSync(SCRIPT))).toBe(true);
    const gz = await app.inject({
      url: "/assets/index-Ab12Cd34.js",
      headers: { "accept-encoding": "gzip" },
    });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.rawPayload.equals(gzipSync(SCRIPT))).toBe(true);
    const plain = await app.inject({ url: "/assets/index-Ab12Cd34.js" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
  });

  it("serves index.html with no-cache, at / and for page routes", async () => {
    for (const url of ["/", "/kommunen/05766020", "/ozg-umsetzung?kreis=05766"]) {
      const response = await app.inject({ url, headers: html });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["content-type"]).toMatch(/^text\/html/);
      expect(response.headers["cache-control"]).toBe(REVALIDATE);
      expect(response.body).toBe(INDEX);
    }
  });

  it("answers 404 for unknown files instead of index.html", async () => {
    for (const url of ["/assets/missing.js", "/favicon.ico", "/wp-login.php"]) {
      const response = await app.inject({ url, headers: html });
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain("<title>");
    }
  });

  it("answers 404 for a page route requested as JSON", async () => {
    const response = await app.inject({
      url: "/kommunen/05766020",
      headers: { accept: "application/json" },
    });
    expect(response.statusCode).toBe(404);
  });

  it("answers unknown /api paths with a 404 problem, even when HTML is accepted", async () => {
    for (const url of ["/api/gibt-es-nicht", "/api", "/api/organisations/05766020/x"]) {
      const response = await app.inject({ url, headers: html });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ status: 404, code: "route_not_found" });
    }
  });

  it("serves a real robots.txt that points to the sitemap", async () => {
    const response = await app.inject({ url: "/robots.txt", headers: { host: "atlas.example" } });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(response.body).toContain("User-agent: *");
    expect(response.body).toContain("Disallow: /api/");
    expect(response.body).toContain("Sitemap: http://atlas.example/sitemap.xml");
  });

  it("lists the public pages, every Kommune and every IT-Dienstleister in the sitemap", async () => {
    const response = await app.inject({ url: "/sitemap.xml", headers: { host: "atlas.example" } });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/xml; charset=utf-8");
    const locations = [...response.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locations).toContain("http://atlas.example/");
    expect(locations).toContain("http://atlas.example/kommunen/05766020");
    expect(locations).toContain("http://atlas.example/kommunen/05766");
    expect(locations).toContain("http://atlas.example/dienstleister/owl-it");
    expect(locations.filter((url) => url?.includes("/kommunen/0")).length).toBe(396 + 31);
    expect(locations.some((url) => url?.includes("/landkarte"))).toBe(false);
  });
});
