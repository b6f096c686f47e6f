import { extname } from "node:path";
import fastifyStatic from "@fastify/static";
import { listOrganisations, listProviders, type Queryable } from "@it-atlas/db";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { apiNotFound } from "./errorHandler.ts";

/** Hashed build output (`/assets/index-3f9a1c.js`): the name changes with the content. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Everything else of the web app (index.html, favicon): revalidate every time. */
export const REVALIDATE = "no-cache";

/** Pages that anyone may open (listed in the sitemap). */
const PUBLIC_PAGES = ["/", "/kommunen", "/dienstleister", "/leistungsbereiche", "/ozg", "/quellen"];

/** Whether a request is a browser asking for a page (no file extension, accepts HTML). */
export function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const path = request.url.split("?")[0] ?? "";
  if (extname(path) !== "") return false;
  const accept = request.headers.accept ?? "";
  return accept.includes("text/html") || accept.includes("*/*");
}

function baseUrl(request: FastifyRequest, publicUrl: string | undefined): string {
  return (publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, "");
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The built web app (ADR 0019): hashed files under `/assets/` cached for a year as
 * immutable, everything else with `no-cache`; the brotli or gzip file built next to each
 * asset is chosen by `Accept-Encoding`. `robots.txt` and `sitemap.xml` (public pages,
 * every Kommune and IT-Dienstleister) are real files. Unknown `/api` paths answer a 404
 * problem, unknown files (`/assets/missing.js`) a plain 404; only page requests (no file
 * extension, accepting HTML) get `index.html` for the client-side router.
 */
export async function installWebApp(
  app: FastifyInstance,
  options: { webDist: string | undefined; db: Queryable; publicUrl: string | undefined },
): Promise<void> {
  const { webDist, db, publicUrl } = options;
  app.get("/robots.txt", { schema: { hide: true } }, async (request, reply) =>
    reply
      .type("text/plain; charset=utf-8")
      .header("cache-control", REVALIDATE)
      .send(
        [
          "User-agent: *",
          "Disallow: /api/",
          "Allow: /api/docs",
          `Sitemap: ${baseUrl(request, publicUrl)}/sitemap.xml`,
          "",
        ].join("\n"),
      ),
  );
  app.get("/sitemap.xml", { schema: { hide: true } }, async (request, reply) => {
    const base = baseUrl(request, publicUrl);
    const [kommunen, providers] = await Promise.all([
      listOrganisations(db, { page: 1, pageSize: 10_000, kind: "gemeinde" }),
      listProviders(db),
    ]);
    const kreise = await listOrganisations(db, { page: 1, pageSize: 1000, kind: "kreis" });
    const paths = [
      ...PUBLIC_PAGES,
      ...[...kommunen.items, ...kreise.items].map((o) => `/kommunen/${o.key}`),
      ...providers.map((p) => `/dienstleister/${p.id}`),
    ];
    const urls = paths.map((path) => `<url><loc>${escapeXml(base + path)}</loc></url>`);
    return reply
      .type("application/xml; charset=utf-8")
      .header("cache-control", REVALIDATE)
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`,
      );
  });

  if (webDist) {
    await app.register(fastifyStatic, {
      root: webDist,
      index: ["index.html"],
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        const immutable = /[\\/]assets[\\/][^\\/]+$/.test(path);
        reply.header("cache-control", immutable ? IMMUTABLE : REVALIDATE);
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (
      request.url === "/api" ||
      request.url.startsWith("/api/") ||
      request.url.startsWith("/api?")
    )
      return apiNotFound(request, reply);
    if (webDist && isPageRequest(request)) {
      // Client-side routes (/kommunen/05766020, …) are answered by the web app.
      return reply.type("text/html; charset=utf-8").sendFile("index.html");
    }
    return reply
      .status(404)
      .type("text/plain; charset=utf-8")
      .send(
        webDist
          ? "Nicht gefunden."
          : "Die Weboberfläche ist nicht gebaut. Bitte `npm start` verwenden (baut sie zuerst).",
      );
  });
}
