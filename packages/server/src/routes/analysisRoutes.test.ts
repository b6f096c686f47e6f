import { beforeAll, describe, expect, it } from "vitest";
import {
  analyseDomainConcentration,
  DomainAnalysis,
  evaluateCostCurve,
  type FragmentationOverview,
  herfindahlIndex,
  operatorOf,
  type DomainCostCurve,
  type ProviderScale,
  type Sourcing,
} from "@it-atlas/domain";
import { expectInvalidParameter, expectProblem } from "../testing/expectProblem.ts";
import { authHeaders } from "../testing/signedIn.ts";
import { useTestApp } from "../testing/testApp.ts";

const server = useTestApp();
let analyst: { authorization: string };
let reader: { authorization: string };

beforeAll(async () => {
  analyst = await authHeaders(server.db, "kdn_analyst");
  reader = await authHeaders(server.db, "leser");
});

const ASOF = "2024-06-30";

async function get<T>(url: string, headers = analyst): Promise<T> {
  const response = await server.app.inject({ headers, url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
}

async function landscapeOf(query: string): Promise<Sourcing[]> {
  const page = await get<{ items: Sourcing[] }>(`/api/landscape?${query}&pageSize=5000`);
  return page.items;
}

describe("GET /api/analysis/fragmentation", () => {
  it.each([
    ["asOf=gestern", "asOf"],
    ["asOf=2024-02-31x", "asOf"],
  ])("rejects %s", async (query, parameter) => {
    expectInvalidParameter(
      await server.app.inject({ headers: analyst, url: `/api/analysis/fragmentation?${query}` }),
      parameter,
    );
  });

  it("summarises every domain of the seeded landscape with HHI in [1/n, 1]", async () => {
    const overview = await get<FragmentationOverview & { asOf: string }>(
      `/api/analysis/fragmentation?asOf=${ASOF}`,
    );
    expect(overview.asOf).toBe(ASOF);
    expect(overview.demo).toBe(true);
    expect(overview.kommunen).toBeGreaterThan(400);
    expect(overview.domains.length).toBeGreaterThan(20);
    for (const domain of overview.domains) {
      expect(domain.hhi).not.toBeNull();
      expect(domain.hhi ?? 0).toBeGreaterThanOrEqual(1 / domain.operators - 1e-12);
      expect(domain.hhi ?? 2).toBeLessThanOrEqual(1);
      expect(domain.costPerUnit?.count).toBeGreaterThan(0);
    }
    expect(overview.index.value).toBeGreaterThan(0);
    expect(overview.index.value).toBeLessThan(1);
    expect(overview.kommuneDependencies.find((row) => row.ags === "05766020")).toBeDefined();
  });

  it("agrees with the HHI recomputed from /api/landscape for Einwohnerwesen", async () => {
    const rows = await landscapeOf(`domain=einwohnerwesen&asOf=${ASOF}`);
    const byOperator = new Map<string, number>();
    for (const row of rows)
      byOperator.set(
        operatorOf(row).key,
        (byOperator.get(operatorOf(row).key) ?? 0) + (row.volume ?? 0),
      );
    const overview = await get<FragmentationOverview>(`/api/analysis/fragmentation?asOf=${ASOF}`);
    const domain = overview.domains.find((item) => item.domainId === "einwohnerwesen");
    expect(domain?.hhi).toBeCloseTo(herfindahlIndex([...byOperator.values()]) ?? 0, 12);
    expect(domain).toEqual(analyseDomainConcentration(rows));
  });

  it("gives readers counts and HHI but no cost figures", async () => {
    const response = await server.app.inject({
      headers: reader,
      url: `/api/analysis/fragmentation?asOf=${ASOF}`,
    });
    expect(response.statusCode).toBe(200);
    const overview = response.json<FragmentationOverview & { confidentialHidden: boolean }>();
    expect(overview.confidentialHidden).toBe(true);
    expect(overview.domains.every((domain) => domain.costPerUnit === null)).toBe(true);
    expect(overview.domains.every((domain) => domain.hhi !== null)).toBe(true);
  });
});

describe("GET /api/analysis/domains/:id", () => {
  it("answers 404 for an unknown domain and for a group", async () => {
    expectProblem(
      await server.app.inject({ headers: analyst, url: "/api/analysis/domains/gibt-es-nicht" }),
      404,
      "domain_not_found",
    );
    expectProblem(
      await server.app.inject({ headers: analyst, url: "/api/analysis/domains/infrastruktur" }),
      404,
      "domain_not_found",
    );
  });

  it("lists every provider's scale, shares adding up to 1 with the in-house part", async () => {
    const analysis = await get<DomainAnalysis>(`/api/analysis/domains/einwohnerwesen?asOf=${ASOF}`);
    expect(() => DomainAnalysis.parse(analysis)).not.toThrow();
    const shares =
      analysis.providers.reduce((sum, provider) => sum + (provider.share ?? 0), 0) +
      (analysis.inHouse.share ?? 0);
    expect(shares).toBeCloseTo(1, 9);
    expect(analysis.providers.some((provider) => provider.providerId === "owl-it")).toBe(true);
  });

  it("hides volumes and costs from readers but keeps shares", async () => {
    const response = await server.app.inject({
      headers: reader,
      url: `/api/analysis/domains/einwohnerwesen?asOf=${ASOF}`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toMatch(/"(runningCost|volume)":\d/);
    expect(response.json<DomainAnalysis>().providers[0]?.share).toBeGreaterThan(0);
  });
});

describe("GET /api/analysis/providers/:id", () => {
  it("answers 404 for an unknown provider", async () => {
    expectProblem(
      await server.app.inject({ headers: analyst, url: "/api/analysis/providers/gibt-es-nicht" }),
      404,
      "provider_not_found",
    );
  });

  it("gives OWL-IT's scale in every domain, matching the domain drill-down", async () => {
    type Answer = { kommunen: number; items: ProviderScale[] };
    const answer = await get<Answer>(`/api/analysis/providers/owl-it?asOf=${ASOF}`);
    expect(answer.items.length).toBeGreaterThan(10);
    expect(answer.items.every((item) => item.providerId === "owl-it")).toBe(true);
    expect(answer.kommunen).toBeGreaterThanOrEqual(
      Math.max(...answer.items.map((item) => item.kommunen)),
    );
    const drillDown = await get<DomainAnalysis>(
      `/api/analysis/domains/einwohnerwesen?asOf=${ASOF}`,
    );
    expect(answer.items.find((item) => item.domainId === "einwohnerwesen")).toEqual(
      drillDown.providers.find((item) => item.providerId === "owl-it"),
    );
    const hidden = await get<Answer>(`/api/analysis/providers/owl-it?asOf=${ASOF}`, reader);
    expect(JSON.stringify(hidden)).not.toMatch(/"(runningCost|volume)":\d/);
    expect(hidden.items.map((item) => item.share)).toEqual(answer.items.map((item) => item.share));
  });
});

describe("GET /api/analysis/cost-curves", () => {
  it("fits a concave curve per domain in the solver's segment shape", async () => {
    const { items } = await get<{ items: DomainCostCurve[] }>(
      `/api/analysis/cost-curves?asOf=${ASOF}&operatingModel=eigenbetrieb`,
    );
    expect(items.length).toBeGreaterThan(20);
    for (const { fit } of items) {
      if (!fit) continue;
      expect(fit.fixedCost).toBeGreaterThanOrEqual(0);
      fit.segments.forEach((segment, index) => {
        const previous = fit.segments[index - 1];
        if (previous) expect(segment.costPerUnit).toBeLessThanOrEqual(previous.costPerUnit);
      });
      expect(fit.segments.at(-1)?.upTo).toBeNull();
    }
    // The demo model has economies of scale in own operation: the curves fit well.
    const fitted = items.filter((item) => item.fit !== null);
    expect(fitted.length).toBeGreaterThan(20);
    const goodFits = fitted.filter((item) => (item.fit?.rSquared ?? 0) > 0.8);
    expect(goodFits.length).toBeGreaterThan(fitted.length / 2);
  });

  it("gives one domain's curve with the points it was fitted to, the same on a second call", async () => {
    type Answer = { curve: DomainCostCurve; points: Array<{ volume: number; cost: number }> };
    const url = `/api/analysis/cost-curves/einwohnerwesen?asOf=${ASOF}&operatingModel=eigenbetrieb`;
    const first = await get<Answer>(url);
    expect(first.points.length).toBe(first.curve.fit?.points);
    const fit = first.curve.fit;
    if (!fit) throw new Error("kein Fit");
    // R² recomputed from the points and the returned segments matches the reported one.
    const mean = first.points.reduce((sum, point) => sum + point.cost, 0) / first.points.length;
    const residual = first.points.reduce(
      (sum, point) => sum + (point.cost - evaluateCostCurve(fit, point.volume)) ** 2,
      0,
    );
    const total = first.points.reduce((sum, point) => sum + (point.cost - mean) ** 2, 0);
    expect(fit.rSquared).toBeCloseTo(1 - residual / total, 9);
    expect(await get<Answer>(url)).toEqual(first);
  });

  it("gives readers no curves and no points", async () => {
    const list = await server.app.inject({ headers: reader, url: "/api/analysis/cost-curves" });
    expect(list.json()).toMatchObject({ items: [], confidentialHidden: true });
    const one = await server.app.inject({
      headers: reader,
      url: "/api/analysis/cost-curves/einwohnerwesen",
    });
    expect(one.json()).toMatchObject({ curve: null, points: [], confidentialHidden: true });
  });
});
