import { describe, expect, it } from "vitest";
import { expectInvalidParameter, expectProblem } from "../testing/expectProblem.ts";
import { useTestApp } from "../testing/testApp.ts";

const test = useTestApp();

function get(url: string) {
  return test.app.inject({ method: "GET", url });
}

describe("GET /api/ozg/leistungen", () => {
  it.each([
    ["themenfeld", "themenfeld=abc"],
    ["themenfeld", "themenfeld=0"],
    ["page", "page=0"],
    ["pageSize", "pageSize=100000"],
    ["q", `q=${"x".repeat(101)}`],
    ["q", "q=Eltern%00geld"],
  ])("rejects an invalid %s (%s) with 400 naming it", async (parameter, query) => {
    expectInvalidParameter(await get(`/api/ozg/leistungen?${query}`), parameter);
  });

  it("finds Elterngeld (OZG-ID 10000) by name", async () => {
    const response = await get("/api/ozg/leistungen?q=Elterngeld");
    expect(response.statusCode).toBe(200);
    const { items } = response.json<{ items: Array<{ id: number; name: string }> }>();
    expect(items.map((item) => item.id)).toContain(10000);
  });

  it("filters by Themenfeld", async () => {
    const response = await get("/api/ozg/leistungen?themenfeld=6&pageSize=500");
    expect(response.statusCode).toBe(200);
    const page = response.json<{ items: Array<{ themenfeld: { id: number } }>; total: number }>();
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((item) => item.themenfeld.id === 6)).toBe(true);
  });
});

describe("GET /api/ozg/leistungen/:id", () => {
  it("rejects a non-numeric id with 400", async () => {
    expectInvalidParameter(await get("/api/ozg/leistungen/abc"), "id");
  });

  it("answers 404 problem+json for an unknown OZG-ID", async () => {
    const problem = expectProblem(
      await get("/api/ozg/leistungen/999999"),
      404,
      "ozg_leistung_not_found",
    );
    expect(problem.detail).toBe("Es gibt keine OZG-Leistung mit der ID 999999.");
  });

  it("returns Elterngeld with its LeiKa-Leistungen", async () => {
    const response = await get("/api/ozg/leistungen/10000");
    expect(response.statusCode).toBe(200);
    const leistung = response.json<{
      id: number;
      name: string;
      leistungen: Array<{ ozgId: number }>;
    }>();
    expect(leistung).toMatchObject({ id: 10000, name: "Elterngeld" });
    expect(leistung.leistungen.length).toBeGreaterThan(0);
    expect(leistung.leistungen.every((leika) => leika.ozgId === 10000)).toBe(true);
  });
});

describe("GET /api/ozg/themenfelder", () => {
  it("lists the 14 Themenfelder of the OZG-Umsetzungskatalog with their Leistungen", async () => {
    const response = await get("/api/ozg/themenfelder");
    expect(response.statusCode).toBe(200);
    const { items } = response.json<{ items: Array<{ id: number; leistungCount: number }> }>();
    expect(items).toHaveLength(14);
    // Every OZG-Leistung belongs to exactly one Themenfeld.
    expect(items.reduce((sum, item) => sum + item.leistungCount, 0)).toBe(557);
  });
});
