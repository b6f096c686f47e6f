import { ANONYMOUS, can } from "@it-atlas/domain";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { OPERATION_IDS } from "./operationIds.ts";
import { operationKey } from "./documentOperation.ts";
import { renderOpenApi } from "./renderOpenApi.ts";
import { buildApp } from "../app.ts";
import type { Database } from "@it-atlas/db";

interface Operation {
  operationId?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: unknown;
  responses: Record<string, unknown>;
}
interface Document {
  servers?: Array<{ url: string }>;
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, unknown>;
    securitySchemes?: Record<string, { type: string; in?: string; name?: string }>;
  };
}

const document = JSON.parse(await renderOpenApi()) as Document;
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({
    key: `${method.toUpperCase()} ${path}`,
    method: method.toUpperCase(),
    operation,
  })),
);

/** The access rule of each route as the server enforces it (from the route table). */
async function routePermissions(): Promise<Map<string, string>> {
  const noDatabase = new Proxy({} as Database, {
    get() {
      throw new Error("keine Datenbank");
    },
  });
  const app = await buildApp({ db: noDatabase });
  await app.ready();
  const table = new Map(
    app.apiRoutes.map((route) => [operationKey(route.method, route.url), route.permission]),
  );
  await app.close();
  return table;
}

describe("OpenAPI document for client generators", () => {
  it("names every operation after its use case, uniquely, with no stale names", () => {
    const names = operations.map(({ key, operation }) => {
      expect(operation.operationId, `${key} hat keine operationId`).toBeTruthy();
      expect(operation.operationId).toBe(OPERATION_IDS[key]);
      return operation.operationId;
    });
    expect(new Set(names).size).toBe(names.length);
    const documented = new Set(operations.map(({ key }) => key));
    expect(Object.keys(OPERATION_IDS).filter((key) => !documented.has(key))).toEqual([]);
  });

  it("states who may call each operation exactly as the server enforces it", async () => {
    const permissions = await routePermissions();
    expect(Object.keys(document.components.securitySchemes ?? {}).sort()).toEqual([
      "bearerToken",
      "csrfHeader",
      "sessionCookie",
    ]);
    for (const { key, method, operation } of operations) {
      const permission = permissions.get(key);
      expect(permission, `${key} fehlt in der Routentabelle`).toBeDefined();
      const isPublic = can(ANONYMOUS, permission as Parameters<typeof can>[1]);
      const security = operation.security ?? [];
      expect(security, key).toContainEqual({ bearerToken: [] });
      expect(
        security.some((entry) => Object.keys(entry).length === 0),
        key,
      ).toBe(isPublic);
      const session = security.find((entry) => "sessionCookie" in entry);
      expect(session, key).toBeDefined();
      expect("csrfHeader" in (session ?? {}), key).toBe(method !== "GET");
    }
  });

  it("documents the 4xx answers the shared hooks give", () => {
    for (const { key, method, operation } of operations) {
      const statuses = Object.keys(operation.responses);
      const security = operation.security ?? [];
      const isPublic = security.some((entry) => Object.keys(entry).length === 0);
      expect(statuses, key).toContain("401");
      if (!isPublic || method !== "GET") expect(statuses, key).toContain("403");
      if ((operation.parameters ?? []).some((parameter) => parameter.in === "path"))
        expect(statuses, key).toContain("404");
      if ((operation.parameters ?? []).length > 0 || operation.requestBody)
        expect(statuses, key).toContain("400");
      if (operation.requestBody) expect(statuses, key).toContain("413");
      expect(
        statuses.some((status) => status.startsWith("2") || status.startsWith("3")),
        key,
      ).toBe(true);
    }
  });

  it("names its server and keeps only schemas an operation uses", () => {
    expect(document.servers).toEqual([{ url: "/", description: "Dieser IT-Atlas-Server" }]);
    const text = JSON.stringify(document.paths);
    const schemas = JSON.stringify(document.components.schemas);
    const unused = Object.keys(document.components.schemas).filter(
      (name) =>
        !text.includes(`"#/components/schemas/${name}"`) &&
        !schemas.includes(`"#/components/schemas/${name}"`),
    );
    expect(unused).toEqual([]);
  });

  it("passes Redocly's recommended rules without errors", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({
      source: JSON.stringify(document),
      absoluteRef: "openapi.json",
      config,
    });
    const errors = problems
      .filter((problem) => problem.severity === "error")
      .map((problem) => `${problem.ruleId}: ${problem.message}`);
    expect(errors).toEqual([]);
  });
});
