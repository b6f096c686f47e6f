import { sql } from "@it-atlas/db";
import { weakestDataCoverage, type Campaign, type DataCoverageRow } from "@it-atlas/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { expectInvalidParameter } from "../testing/expectProblem.ts";
import { authHeaders } from "../testing/signedIn.ts";
import { buildCampaignInput } from "../testing/surveyFactories.ts";
import { useTestApp } from "../testing/testApp.ts";

const server = useTestApp();
let analyst: { authorization: string };

beforeAll(async () => {
  analyst = await authHeaders(server.db, "kdn_analyst");
});

describe("a Bedarfserhebung for the Kommunen with the weakest Datenlage (issue 14, point 5)", () => {
  it("asks exactly the Kommunen chosen from the Datenlage, and keeps the choice with the campaign", async () => {
    const coverage = await server.app.inject({ url: "/api/datenlage", headers: analyst });
    expect(coverage.statusCode, coverage.body).toBe(200);
    const weakest = weakestDataCoverage(coverage.json<{ items: DataCoverageRow[] }>().items, 5);
    expect(weakest).toHaveLength(5);
    const keys = weakest.map((row) => row.key);

    const created = await server.app.inject({
      method: "POST",
      url: "/api/campaigns",
      headers: analyst,
      payload: buildCampaignInput({
        title: "Schwache Datenlage",
        target: { kind: "kommunen", keys },
      }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const campaign = created.json<Campaign>();
    expect(campaign.target).toEqual({ kind: "kommunen", keys });

    const started = await server.app.inject({
      method: "POST",
      url: `/api/campaigns/${campaign.id}/start`,
      headers: analyst,
    });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toEqual({ responses: 5 });
    const asked = await server.db.query<{ key: string }>(
      sql`SELECT organisation_key AS key FROM survey_response WHERE campaign_id = ${campaign.id}
          ORDER BY organisation_key`,
    );
    expect(asked.map((row) => row.key)).toEqual([...keys].sort());
  });

  it("refuses an empty or doubled choice in German", async () => {
    const empty = await server.app.inject({
      method: "POST",
      url: "/api/campaigns",
      headers: analyst,
      payload: buildCampaignInput({ target: { kind: "kommunen", keys: [] } }),
    });
    expectInvalidParameter(empty, "target.keys");
    const doubled = await server.app.inject({
      method: "POST",
      url: "/api/campaigns",
      headers: analyst,
      payload: buildCampaignInput({ target: { kind: "kommunen", keys: ["05766020", "05766020"] } }),
    });
    expect(doubled.statusCode).toBe(400);
    expect(doubled.json<{ detail: string }>().detail).toContain("doppelt");
  });
});
