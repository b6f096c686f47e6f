import { describe, expect, it } from "vitest";
import { expectProblem } from "./testing/expectProblem.ts";
import { useTestApp } from "./testing/testApp.ts";

const test = useTestApp();

describe("unknown API addresses", () => {
  it("answers 404 problem+json with code route_not_found and a German detail", async () => {
    const response = await test.app.inject({ method: "GET", url: "/api/whatever" });
    const problem = expectProblem(response, 404, "route_not_found");
    expect(problem.detail).toBe("Die Adresse /api/whatever gibt es nicht.");
    expect(problem.instance).toBe("/api/whatever");
  });

  it("answers 404 problem+json for a method the API does not offer", async () => {
    const response = await test.app.inject({
      method: "DELETE",
      url: "/api/organisations/05766020",
    });
    expectProblem(response, 404, "route_not_found");
  });
});

describe("GET /api/openapi.json", () => {
  it("serves the OpenAPI 3.1 document of the running API", async () => {
    const response = await test.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      openapi: "3.1.0",
      paths: { "/api/organisations": expect.any(Object) },
    });
  });
});
