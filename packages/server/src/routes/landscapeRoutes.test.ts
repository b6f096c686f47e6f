import { beforeAll, describe, expect, it } from "vitest";
import { pageOf, Sourcing } from "@it-atlas/domain";
import { z } from "zod";
import { expectInvalidParameter, expectProblem } from "../testing/expectProblem.ts";
import { authHeaders } from "../testing/signedIn.ts";
import { useTestApp } from "../testing/testApp.ts";

const server = useTestApp();
let headers: { authorization: string };

beforeAll(async () => {
  headers = await authHeaders(server.db, "kdn_analyst");
});

interface Page {
  items: Sourcing[];
  total: number;
  asOf: string;
}

async function landscape(query: string): Promise<Page> {
  const response = await server.app.inject({ headers, url: `/api/landscape?${query}` });
  expect(response.statusCode).toBe(200);
  return response.json<Page>();
}

describe("GET /api/landscape", () => {
  it.each([
    ["asOf=gestern", "asOf"],
    ["asOf=2024-13-45", "asOf"],
    ["domain=Einwohner Wesen", "domain"],
    ["kreis=5766", "kreis"],
    ["operatingModel=outsourcing", "operatingModel"],
    ["pageSize=0", "pageSize"],
    ["pageSize=99999", "pageSize"],
  ])("rejects %s with a German message naming %s", async (query, parameter) => {
    expectInvalidParameter(
      await server.app.inject({ headers, url: `/api/landscape?${query}` }),
      parameter,
    );
  });

  it("answers who runs Einwohnerwesen for the Kommunen of Kreis Lippe, with product and cost", async () => {
    const page = await landscape("domain=einwohnerwesen&kreis=05766&pageSize=100");
    // The body is serialised without the serializer; it must still match the documented schema.
    expect(() => pageOf(Sourcing).extend({ asOf: z.string() }).parse(page)).not.toThrow();
    expect(page.total).toBe(16);
    for (const item of page.items) {
      expect(item).toMatchObject({
        organisation: { ags: expect.stringMatching(/^05766\d{3}$/) },
        domain: { id: "einwohnerwesen" },
        demo: true,
      });
      expect(item.annualCost).toBeGreaterThan(0);
      expect(item.volume).toBeGreaterThan(0);
    }
    // Kreis Lippe's Gemeinden are sourced members of krz, today OWL-IT.
    const providers = new Set(page.items.map((item) => item.provider?.id));
    expect(providers.has("owl-it")).toBe(true);
    expect(providers.has("krz")).toBe(false);
  });

  it("shows the landscape as of 31.12.2017 with the predecessors of Südwestfalen-IT", async () => {
    const before = await landscape(
      "regierungsbezirk=059&provider=citkomm&asOf=2017-12-31&pageSize=5000",
    );
    expect(before.total).toBeGreaterThan(0);
    const afterOld = await landscape("provider=citkomm&asOf=2018-01-01");
    expect(afterOld.total).toBe(0);
    const sit = await landscape("provider=sit&asOf=2018-01-01&pageSize=1");
    expect(sit.total).toBeGreaterThanOrEqual(before.total);
  });

  it("pages through all Kommunen × domains without overlap", async () => {
    const first = await landscape("pageSize=1000&page=1");
    const second = await landscape("pageSize=1000&page=2");
    expect(first.total).toBeGreaterThan(10_000);
    const ids = new Set([...first.items, ...second.items].map((item) => item.id));
    expect(ids.size).toBe(2000);
  });
});

describe("GET /api/landscape/diff", () => {
  it("shows the Südwestfalen-IT merger of 01.01.2018 as a provider change", async () => {
    const response = await server.app.inject({
      headers,
      url: "/api/landscape/diff?from=2017-12-31&to=2018-01-01&regierungsbezirk=059",
    });
    expect(response.statusCode).toBe(200);
    const diff = response.json<{
      items: Array<{ kind: string; fields: string[]; before: Sourcing; after: Sourcing }>;
    }>();
    const merged = diff.items.filter(
      (change) =>
        change.fields.includes("provider") &&
        ["citkomm", "kdz-ws"].includes(change.before.provider?.id ?? "") &&
        change.after.provider?.id === "sit",
    );
    expect(merged.length).toBeGreaterThan(100);
  });

  it("needs a start date", async () => {
    expectInvalidParameter(
      await server.app.inject({ headers, url: "/api/landscape/diff" }),
      "from",
    );
  });
});

describe("GET /api/domains", () => {
  it("lists about 30 Leistungsbereiche in four groups", async () => {
    const response = await server.app.inject({ headers, url: "/api/domains" });
    const { items } = response.json<{ items: Array<{ id: string; isGroup: boolean }> }>();
    expect(items.filter((item) => item.isGroup)).toHaveLength(4);
    expect(items.filter((item) => !item.isGroup).length).toBeGreaterThanOrEqual(28);
  });

  it("summarises a domain: providers, products, cost per unit", async () => {
    const response = await server.app.inject({
      headers,
      url: "/api/domains/einwohnerwesen?regierungsbezirk=057",
    });
    expect(response.statusCode).toBe(200);
    const detail = response.json<{
      products: unknown[];
      summary: { kommunen: number; costPerUnit: { median: number } | null; demo: boolean };
    }>();
    expect(detail.products.length).toBeGreaterThan(0);
    expect(detail.summary.kommunen).toBe(70);
    expect(detail.summary.costPerUnit?.median).toBeGreaterThan(0);
    expect(detail.summary.demo).toBe(true);
  });

  it("answers 404 for an unknown domain", async () => {
    expectProblem(
      await server.app.inject({ headers, url: "/api/domains/zauberei" }),
      404,
      "domain_not_found",
    );
  });
});

// Last in this file: it writes to the landscape.
describe("GET /api/landscape after a write", () => {
  it("shows a change in the very next read, although the page was cached", async () => {
    const query = "organisation=05766020&domain=einwohnerwesen&asOf=2031-01-01";
    const before = await landscape(query);
    expect(before.items[0]?.operatingModel).not.toBe("eigenbetrieb");
    expect((await landscape(query)).items).toEqual(before.items);

    const administrator = await authHeaders(server.db, "administrator");
    const write = await server.app.inject({
      headers: administrator,
      method: "PUT",
      url: "/api/organisations/05766020/sourcing/einwohnerwesen",
      payload: { operatingModel: "eigenbetrieb", runningCost: 99_000, validFrom: "2031-01-01" },
    });
    expect(write.statusCode).toBe(200);
    const saved = write.json<Sourcing>();

    const after = await landscape(query);
    expect(after.items).toHaveLength(1);
    expect(after.items[0]).toMatchObject({
      id: saved.id,
      operatingModel: "eigenbetrieb",
      runningCost: 99_000,
    });
    expect((await landscape(query.replace("2031-01-01", "2030-12-31"))).items[0]?.id).toBe(
      before.items[0]?.id,
    );
  });
});
