import type { ProviderDetail, ProviderSummary } from "@it-atlas/domain";
import { describe, expect, it } from "vitest";
import { expectInvalidParameter, expectProblem } from "../testing/expectProblem.ts";
import { useTestApp } from "../testing/testApp.ts";

const test = useTestApp();

function get(url: string) {
  return test.app.inject({ method: "GET", url });
}

async function getProvider(id: string): Promise<ProviderDetail> {
  const response = await get(`/api/providers/${id}`);
  expect(response.statusCode).toBe(200);
  return response.json<ProviderDetail>();
}

describe("GET /api/providers", () => {
  it.each([
    ["status", "status=bankrupt"],
    ["kind", "kind=cloud"],
    ["q", `q=${"x".repeat(101)}`],
    ["q", "q=%00"],
  ])("rejects an invalid %s (%s) with 400 naming it", async (parameter, query) => {
    expectInvalidParameter(await get(`/api/providers?${query}`), parameter);
  });

  it("lists the Zweckverbände and the cities' own IT departments", async () => {
    const response = await get("/api/providers");
    expect(response.statusCode).toBe(200);
    const { items, total } = response.json<{ items: ProviderSummary[]; total: number }>();
    expect(total).toBe(items.length);
    expect(items.map((provider) => provider.id)).toEqual(
      expect.arrayContaining(["sit", "krz", "owl-it", "citeq"]),
    );
    expect(items.filter((provider) => provider.kind === "stadt_it").length).toBeGreaterThan(0);
  });

  it("filters by kind", async () => {
    const { items } = (await get("/api/providers?kind=stadt_it")).json<{
      items: ProviderSummary[];
    }>();
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((provider) => provider.kind === "stadt_it")).toBe(true);
  });
});

describe("GET /api/providers/:id", () => {
  it("rejects an id that is not a provider id with 400", async () => {
    expectInvalidParameter(await get("/api/providers/UPPER%20CASE"), "id");
  });

  it("answers 404 problem+json with code provider_not_found for an unknown id", async () => {
    const problem = expectProblem(
      await get("/api/providers/gibt-es-nicht"),
      404,
      "provider_not_found",
    );
    expect(problem.detail).toBe("Es gibt keinen IT-Dienstleister mit der Kennung „gibt-es-nicht“.");
  });

  it("shows OWL-IT with krz and GKD Paderborn as predecessors and the 2024 fusion", async () => {
    const owlIt = await getProvider("owl-it");
    expect(owlIt.predecessors.map((predecessor) => predecessor.id)).toEqual(
      expect.arrayContaining(["krz", "gkd-paderborn"]),
    );
    expect(owlIt.members.length).toBeGreaterThan(0);
    expect(owlIt.members.every((membership) => membership.currentProvider.id === "owl-it")).toBe(
      true,
    );
    // Eingliederung of GKD Paderborn and OWL-IT (2017) into the krz, 01.01.2024.
    expect(owlIt.events).toContainEqual(
      expect.objectContaining({
        type: "fusion",
        date: expect.objectContaining({ from: "2024-01-01" }),
        target: expect.objectContaining({ id: "owl-it" }),
      }),
    );
  });

  it("names OWL-IT as the successor of the krz", async () => {
    const krz = await getProvider("krz");
    expect(krz.successor?.id).toBe("owl-it");
  });

  it("shows the 2018 fusion of Citkomm and KDZ Westfalen-Süd into the SIT", async () => {
    const sit = await getProvider("sit");
    const fusion = sit.events.find(
      (event) => event.type === "fusion" && event.date.from === "2018-01-01",
    );
    expect(fusion?.providers.map((provider) => provider.id)).toEqual(
      expect.arrayContaining(["citkomm", "kdz-ws"]),
    );
  });
});
