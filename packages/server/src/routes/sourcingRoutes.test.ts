import type { ReorganisationPlan, Sourcing } from "@it-atlas/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { expectInvalidParameter, expectProblem } from "../testing/expectProblem.ts";
import { authHeaders } from "../testing/signedIn.ts";
import { useTestApp } from "../testing/testApp.ts";

const server = useTestApp();
let headers: { authorization: string };

beforeAll(async () => {
  headers = await authHeaders(server.db, "administrator");
});
const DETMOLD = "05766020";

function put(domainId: string, body: unknown, ags = DETMOLD) {
  return server.app.inject({
    headers,
    method: "PUT",
    url: `/api/organisations/${ags}/sourcing/${domainId}`,
    payload: body as object,
  });
}

const valid = {
  operatingModel: "eigenbetrieb",
  runningCost: 120_000,
  investmentCost: 15_000,
  volume: 74_486,
  satisfaction: 4,
  validFrom: "2026-09-01",
};

describe("PUT /api/organisations/:ags/sourcing/:domainId", () => {
  it.each([
    [{ ...valid, operatingModel: "zauberei" }, "operatingModel"],
    [{ ...valid, runningCost: -5 }, "runningCost"],
    [{ ...valid, satisfaction: 7 }, "satisfaction"],
    [{ ...valid, validFrom: "01.09.2026" }, "validFrom"],
    [{ ...valid, operatingModel: "it_dienstleister" }, "providerId"],
    [{ ...valid, operatingModel: "andere_kommune" }, "partnerAgs"],
  ])("rejects invalid input %# with a German message naming the field", async (body, field) => {
    expectInvalidParameter(await put("einwohnerwesen", body), field);
  });

  it("refuses unknown references with named fields and writes nothing", async () => {
    const before = await server.app.inject({
      headers,
      url: `/api/organisations/${DETMOLD}/sourcing/history?domain=einwohnerwesen`,
    });
    const response = await put("einwohnerwesen", {
      ...valid,
      operatingModel: "it_dienstleister",
      providerId: "gibtsnicht",
      productId: "auch-nicht",
    });
    const problem = expectProblem(response, 400, "invalid_sourcing");
    expect(problem.errors?.map((error) => error.field).sort()).toEqual(["productId", "providerId"]);
    const after = await server.app.inject({
      headers,
      url: `/api/organisations/${DETMOLD}/sourcing/history?domain=einwohnerwesen`,
    });
    expect(after.json()).toEqual(before.json());
  });

  it("refuses a provider that no longer exists on that date", async () => {
    const problem = expectProblem(
      await put("einwohnerwesen", {
        ...valid,
        operatingModel: "it_dienstleister",
        providerId: "krz",
      }),
      400,
      "invalid_sourcing",
    );
    expect(problem.detail).toContain("nicht mehr aktiv");
  });

  it("answers 404 for an unknown Kommune or domain", async () => {
    expectProblem(await put("einwohnerwesen", valid, "05999999"), 404, "organisation_not_found");
    expectProblem(await put("zauberei", valid), 404, "domain_not_found");
  });

  it("refuses changes that would rewrite history", async () => {
    expectProblem(
      await put("einwohnerwesen", { ...valid, validFrom: "2010-01-01" }),
      409,
      "sourcing_history_conflict",
    );
  });

  it("records a change as a new version and keeps the old one in the history", async () => {
    const response = await put("einwohnerwesen", valid);
    expect(response.statusCode).toBe(200);
    const saved = response.json<Sourcing>();
    expect(saved).toMatchObject({
      operatingModel: "eigenbetrieb",
      provider: null,
      annualCost: 135_000,
      validFrom: "2026-09-01",
      validTo: null,
      demo: false,
      provenance: { quality: "user" },
    });
    expect(saved.predecessorId).not.toBeNull();

    const history = (
      await server.app.inject({
        headers,
        url: `/api/organisations/${DETMOLD}/sourcing/history?domain=einwohnerwesen`,
      })
    ).json<{ items: Sourcing[] }>().items;
    expect(history[0]?.id).toBe(saved.id);
    expect(history[1]).toMatchObject({
      id: saved.predecessorId,
      validTo: "2026-09-01",
      demo: true,
    });

    const before = await server.app.inject({
      headers,
      url: `/api/landscape?organisation=${DETMOLD}&domain=einwohnerwesen&asOf=2026-08-31`,
    });
    expect(before.json<{ items: Sourcing[] }>().items[0]?.operatingModel).not.toBe("eigenbetrieb");
    const after = await server.app.inject({
      headers,
      url: `/api/landscape?organisation=${DETMOLD}&domain=einwohnerwesen&asOf=2026-09-01`,
    });
    expect(after.json<{ items: Sourcing[] }>().items[0]?.id).toBe(saved.id);
  });
});

describe("GET /api/organisations/:ags/sourcing", () => {
  it("lists the domains a Gemeinde is responsible for, with current sourcing", async () => {
    const response = await server.app.inject({
      headers,
      url: `/api/organisations/${DETMOLD}/sourcing?asOf=2025-01-01`,
    });
    const matrix = response.json<{ responsibleDomainIds: string[]; items: Sourcing[] }>();
    expect(matrix.responsibleDomainIds).toContain("einwohnerwesen");
    expect(matrix.items.map((item) => item.domain.id).sort()).toEqual(
      [...matrix.responsibleDomainIds].sort(),
    );
  });

  it("does not make a Kreis responsible for Einwohnerwesen", async () => {
    const response = await server.app.inject({ headers, url: "/api/organisations/05766/sourcing" });
    const matrix = response.json<{ responsibleDomainIds: string[] }>();
    expect(matrix.responsibleDomainIds).not.toContain("einwohnerwesen");
    expect(matrix.responsibleDomainIds).toContain("kfz-zulassung");
  });
});

describe("reorganisations", () => {
  const merger = {
    kind: "merger",
    sourceProviderIds: ["kaaw", "gkd-re"],
    target: {
      providerId: "muensterland-it",
      shortName: "Münsterland-IT",
      name: "Münsterland-IT (Test)",
    },
    effectiveDate: "2026-07-01",
  };

  it("rejects a merger into one of its own sources", async () => {
    const response = await server.app.inject({
      headers,
      method: "POST",
      url: "/api/reorganisations/preview",
      payload: { ...merger, target: { providerId: "kaaw" } },
    });
    expectProblem(response, 400, "target_is_source");
  });

  it("needs a name for a new provider", async () => {
    const response = await server.app.inject({
      headers,
      method: "POST",
      url: "/api/reorganisations/preview",
      payload: { ...merger, target: { providerId: "muensterland-it" } },
    });
    expectProblem(response, 400, "target_unknown");
  });

  it("previews every relation that moves, then applies the merger with lineage", async () => {
    const preview = await server.app.inject({
      headers,
      method: "POST",
      url: "/api/reorganisations/preview",
      payload: merger,
    });
    expect(preview.statusCode).toBe(200);
    const plan = preview.json<ReorganisationPlan>();
    expect(plan.createsProvider).toBe(true);
    expect(plan.moves.length).toBeGreaterThan(0);
    expect(plan.providerChanges.map((change) => [change.provider.id, change.status])).toEqual([
      ["kaaw", "merged"],
      ["gkd-re", "merged"],
    ]);
    const current = await server.app.inject({
      headers,
      url: "/api/landscape?provider=kaaw&asOf=2026-07-01&pageSize=5000",
    });
    const currentGkd = await server.app.inject({
      headers,
      url: "/api/landscape?provider=gkd-re&asOf=2026-07-01&pageSize=5000",
    });
    const sourcingMoves = plan.moves.filter((move) => move.kind === "sourcing");
    expect(sourcingMoves.length).toBe(
      current.json<{ total: number }>().total + currentGkd.json<{ total: number }>().total,
    );

    const applied = await server.app.inject({
      headers,
      method: "POST",
      url: "/api/reorganisations",
      payload: merger,
    });
    expect(applied.statusCode).toBe(200);
    expect(applied.json<ReorganisationPlan>().reorganisationId).not.toBeNull();

    const after = await server.app.inject({
      headers,
      url: "/api/landscape?provider=muensterland-it&asOf=2026-07-01&pageSize=5000",
    });
    expect(after.json<{ total: number }>().total).toBe(sourcingMoves.length);
    const moved = after.json<{ items: Sourcing[] }>().items[0];
    expect(moved?.predecessorId).not.toBeNull();
    const kaaw = await server.app.inject({ headers, url: "/api/providers/kaaw" });
    expect(kaaw.json()).toMatchObject({ status: "merged", successor: { id: "muensterland-it" } });
    const target = await server.app.inject({ headers, url: "/api/providers/muensterland-it" });
    expect(
      target.json<{ predecessors: Array<{ id: string }> }>().predecessors.map((p) => p.id),
    ).toEqual(["gkd-re", "kaaw"]);

    // Applying it again is refused: the sources are no longer active.
    const again = await server.app.inject({
      headers,
      method: "POST",
      url: "/api/reorganisations",
      payload: merger,
    });
    expectProblem(again, 409, "source_not_active");
  });
});
