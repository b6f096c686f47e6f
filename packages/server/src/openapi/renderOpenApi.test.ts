import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderOpenApi } from "./renderOpenApi.ts";

const committedPath = fileURLToPath(new URL("../../openapi.json", import.meta.url));

/** Paths of the public API contract (GET routes in src/routes). */
const CONTRACT_PATHS = [
  "/api/health",
  "/api/stats",
  "/api/sources",
  "/api/organisations",
  "/api/organisations/{ags}",
  "/api/providers",
  "/api/providers/{id}",
  "/api/ozg/themenfelder",
  "/api/ozg/leistungen",
  "/api/ozg/leistungen/{id}",
  "/api/geo/{level}",
];

describe("OpenAPI document", () => {
  it("is committed exactly as the route schemas render it", async () => {
    const [committed, rendered] = await Promise.all([
      readFile(committedPath, "utf8"),
      renderOpenApi(),
    ]);
    expect(
      committed,
      "packages/server/openapi.json ist veraltet: `npm run openapi` ausführen und die Datei committen.",
    ).toBe(rendered);
  });

  it("describes every contract path as OpenAPI 3.1.0 with problem responses", async () => {
    const document = JSON.parse(await renderOpenApi()) as {
      openapi: string;
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, unknown> };
    };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(CONTRACT_PATHS));
    for (const path of CONTRACT_PATHS)
      expect(document.paths[path]?.get?.responses).toHaveProperty("200");
    expect(document.paths["/api/organisations/{ags}"]?.get?.responses).toHaveProperty("404");
    expect(document.components.schemas).toHaveProperty("Problem");
  });
});
