import { findJob, findLatestKpiSnapshot, sql } from "@it-atlas/db";
import { beforeAll, describe, expect, it } from "vitest";
import { JobRunner } from "../jobs/JobRunner.ts";
import { jobHandlers } from "../jobs/jobHandlers.ts";
import { schedulePeriodicKpiSnapshot } from "../jobs/kpiSnapshotJob.ts";
import { currentKpis } from "../services/kpiService.ts";
import { LandscapeReader } from "../services/landscapeService.ts";
import { OzgBoard } from "../services/ozgReadinessService.ts";
import { expectProblem } from "../testing/expectProblem.ts";
import { authHeaders } from "../testing/signedIn.ts";
import { useTestApp } from "../testing/testApp.ts";

const server = useTestApp();
let analyst: { authorization: string };
let detmold: { authorization: string };

beforeAll(async () => {
  analyst = await authHeaders(server.db, "kdn_analyst");
  detmold = await authHeaders(server.db, { kommune: "05766020" });
});

interface Series {
  name: string | null;
  points: Array<{
    trigger: string;
    figures: {
      kommunen: number;
      ozgCoverage: number | null;
      runningCost: number | null;
      costHidden: boolean;
    };
  }>;
}

describe("KPI snapshots", () => {
  it("lets only KDN analysts and administrators take snapshots", async () => {
    expectProblem(
      await server.app.inject({ method: "POST", url: "/api/kpi/snapshots", headers: detmold }),
      403,
      "forbidden",
    );
  });

  it("runs periodically as a job when the last snapshot is too old, never twice", async () => {
    expect(await schedulePeriodicKpiSnapshot(server.db, 0)).toBeUndefined();
    const id = await schedulePeriodicKpiSnapshot(server.db, 30);
    expect(id).toEqual(expect.any(Number));
    expect(await schedulePeriodicKpiSnapshot(server.db, 30)).toBeUndefined();
    const runner = new JobRunner(server.db, jobHandlers(server.db));
    expect(await runner.tick()).toBe(true);
    expect((await findJob(server.db, id ?? 0))?.status).toBe("succeeded");
    const latest = await findLatestKpiSnapshot(server.db);
    expect(latest).toMatchObject({ trigger: "periodic" });
    expect(latest?.scopes).toBeGreaterThan(400);
    // Fresh now: nothing to do; 30 days later it is due again.
    expect(await schedulePeriodicKpiSnapshot(server.db, 30)).toBeUndefined();
    const later = new Date(Date.now() + 31 * 24 * 60 * 60 * 1000);
    expect(await schedulePeriodicKpiSnapshot(server.db, 30, later)).toEqual(expect.any(Number));
    await server.db.query(sql`DELETE FROM job WHERE kind = 'kpi.snapshot' AND status = 'queued'`);
  });

  it("adds an on-demand snapshot to the series of a Kreis with the current figures", async () => {
    const taken = await server.app.inject({
      method: "POST",
      url: "/api/kpi/snapshots",
      headers: analyst,
    });
    expect(taken.statusCode, taken.body).toBe(201);
    const series = (
      await server.app.inject({ url: "/api/kpi/snapshots?level=kreis&key=05766", headers: analyst })
    ).json<Series>();
    expect(series.points.map((point) => point.trigger)).toEqual(["periodic", "on_demand"]);
    const current = (
      await server.app.inject({ url: "/api/kpi/current?level=kreis", headers: analyst })
    ).json<{ items: Array<{ key: string; figures: Series["points"][number]["figures"] }> }>();
    expect(series.points[1]?.figures).toEqual(
      current.items.find((item) => item.key === "05766")?.figures,
    );
  });

  it("hides a single Kommune's cost from other Kommunen, but not its own", async () => {
    const own = (
      await server.app.inject({
        url: "/api/kpi/snapshots?level=kommune&key=05766020",
        headers: detmold,
      })
    ).json<Series>();
    expect(own.points[0]?.figures.costHidden).toBe(false);
    const other = (
      await server.app.inject({
        url: "/api/kpi/snapshots?level=kommune&key=05766044",
        headers: detmold,
      })
    ).json<Series>();
    expect(other.points[0]?.figures).toMatchObject({ costHidden: true, runningCost: null });
  });

  it("counts the measures a source supplies for the Kreis of their Kommunen", async () => {
    const values = await currentKpis({
      db: server.db,
      landscape: new LandscapeReader(server.db),
      board: new OzgBoard(server.db),
      measures: async () => [
        {
          id: 1,
          due: "2000-01-01",
          status: "laufend",
          doneAt: null,
          organisationKeys: ["05766020"],
        },
        {
          id: 2,
          due: "2999-01-01",
          status: "geplant",
          doneAt: null,
          organisationKeys: ["05766020"],
        },
      ],
    });
    const lippe = values.find((value) => value.level === "kreis" && value.key === "05766");
    expect(lippe?.figures).toMatchObject({ measuresTotal: 2, measuresOnTime: 1 });
    const muenster = values.find((value) => value.level === "kreis" && value.key === "05515000");
    expect(muenster?.figures).toMatchObject({ measuresTotal: 0, measuresOnTime: 0 });
  });

  it("counts the measures recorded in the app, on the page and in a snapshot", async () => {
    const created = await server.app.inject({
      method: "POST",
      url: "/api/measures",
      headers: analyst,
      payload: {
        title: "Wechsel Einwohnerwesen",
        dueDate: "2999-01-01",
        kommuneKeys: ["05766020"],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const current = (
      await server.app.inject({ url: "/api/kpi/current?level=kreis", headers: analyst })
    ).json<{ items: Array<{ key: string; figures: { measuresTotal: number | null } }> }>();
    const lippe = current.items.find((item) => item.key === "05766");
    expect(lippe?.figures.measuresTotal).toBeGreaterThanOrEqual(1);
    const snapshot = await server.app.inject({
      method: "POST",
      url: "/api/kpi/snapshots",
      headers: analyst,
    });
    expect(snapshot.statusCode).toBe(201);
    const series = (
      await server.app.inject({
        url: "/api/kpi/snapshots?level=kreis&key=05766",
        headers: analyst,
      })
    ).json<{ points: Array<{ figures: { measuresTotal: number | null } }> }>();
    expect(series.points.at(-1)?.figures.measuresTotal).toBeGreaterThanOrEqual(1);
  });

  it("gives NRW the fragmentation index of the consolidation analysis", async () => {
    const analysis = (
      await server.app.inject({ url: "/api/analysis/fragmentation", headers: analyst })
    ).json<{ index: { value: number | null } }>();
    const nrw = (
      await server.app.inject({ url: "/api/kpi/current?level=nrw", headers: analyst })
    ).json<{ items: Array<{ figures: { fragmentationIndex: number | null } }> }>().items[0];
    expect(analysis.index.value).toEqual(expect.any(Number));
    expect(nrw?.figures.fragmentationIndex).toBeCloseTo(analysis.index.value ?? -1, 10);
  });

  it("rejects keys outside NRW", async () => {
    const response = await server.app.inject({
      url: "/api/kpi/snapshots?level=kreis&key=09162",
      headers: analyst,
    });
    expect(response.statusCode).toBe(400);
  });
});
