import type { GovernanceBody, GovernanceDecision, Measure } from "@it-atlas/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { expectInvalidParameter, expectProblem } from "../testing/expectProblem.ts";
import { authHeaders } from "../testing/signedIn.ts";
import { useTestApp } from "../testing/testApp.ts";
import { buildApp } from "../app.ts";

const server = useTestApp();
let analyst: { authorization: string };
let reader: { authorization: string };
let detmold: { authorization: string };

beforeAll(async () => {
  analyst = await authHeaders(server.db, "kdn_analyst");
  reader = await authHeaders(server.db, "leser");
  detmold = await authHeaders(server.db, { kommune: "05766020" });
});

const migrations = [
  {
    kommuneId: "05766020",
    domainId: "einwohnerwesen",
    fromProviderId: "owl-it",
    toProviderId: "regio-it",
    oneOffCost: 40_000,
  },
  {
    kommuneId: "05766008",
    domainId: "einwohnerwesen",
    fromProviderId: "owl-it",
    toProviderId: "regio-it",
    oneOffCost: 30_000,
  },
  {
    kommuneId: "05766044",
    domainId: "einwohnerwesen",
    fromProviderId: "owl-it",
    toProviderId: "regio-it",
    oneOffCost: 20_000,
  },
];

async function post(url: string, payload: object, headers = analyst) {
  return server.app.inject({ method: "POST", url, headers, payload });
}

async function me(headers: { authorization: string }): Promise<{ id: number; email: string }> {
  const response = await server.app.inject({ url: "/api/auth/session", headers });
  return response.json<{ user: { id: number; email: string } }>().user;
}

describe("measures", () => {
  it("refuses anonymous callers, readers and Kommune editors before checking the body", async () => {
    expectProblem(
      await server.app.inject({ method: "POST", url: "/api/measures", payload: {} }),
      401,
      "unauthenticated",
    );
    expectProblem(await post("/api/measures", {}, reader), 403, "forbidden");
    expectProblem(await post("/api/measures/from-migrations", {}, detmold), 403, "forbidden");
    expectInvalidParameter(await post("/api/measures", { title: "" }), "title");
    expectInvalidParameter(
      await post("/api/measures", { title: "x", startDate: "2027-02-01", dueDate: "2027-01-01" }),
      "dueDate",
    );
    expectProblem(
      await post("/api/measures", { title: "x", kommuneKeys: ["05999999"] }),
      404,
      "organisation_not_found",
    );
  });

  it("creates one measure per wave from a scenario's migrations, chained by dependency", async () => {
    const response = await post("/api/measures/from-migrations", {
      scenarioId: "test-szenario-1",
      migrations,
      maxMigrationsPerYear: 2,
      startYear: 2027,
    });
    expect(response.statusCode, response.body).toBe(201);
    const items = response.json<{ items: Measure[] }>().items;
    expect(items.map((item) => item.title)).toEqual([
      "Wechsel Einwohnerwesen zu regio iT – Welle 1",
      "Wechsel Einwohnerwesen zu regio iT – Welle 2",
    ]);
    expect(items[0]?.kommunen.map((kommune) => kommune.key)).toEqual(
      expect.arrayContaining(["05766008", "05766020"]),
    );
    expect(items[0]?.kommunen[0]?.kreisKey).toBe("05766");
    expect(items[0]?.oneOffCost).toBe(70_000);
    expect(items[1]?.dependsOn.map((dependency) => dependency.id)).toEqual([items[0]?.id]);
    // Wave 2 starts in 2028, after wave 1 is due (end of 2027): not blocked from the start
    // (issue 16, defect 10; this test asserted the old, wrong flag).
    expect(items[1]?.blocked).toBe(false);

    const listed = await server.app.inject({
      url: "/api/measures?scenario=test-szenario-1&sort=title&direction=desc&pageSize=1",
      headers: reader,
    });
    expect(listed.json<{ total: number; items: Measure[] }>()).toMatchObject({
      total: 2,
      items: [{ title: "Wechsel Einwohnerwesen zu regio iT – Welle 2" }],
    });
  });

  it("keeps a target provider's project capacity per wave", async () => {
    const response = await post("/api/measures/from-migrations", {
      scenarioId: "test-szenario-projektkapazitaet",
      migrations,
      maxMigrationsPerYear: 50,
      providerMigrationsPerYear: [{ providerId: "regio-it", migrationsPerYear: 2 }],
      startYear: 2027,
    });
    expect(response.statusCode, response.body).toBe(201);
    const items = response.json<{ items: Measure[] }>().items;
    // Three migrations to regio iT at 2 a year: two waves although 50 a year are allowed overall.
    expect(items.map((item) => [item.title, item.kommunen.length])).toEqual([
      ["Wechsel Einwohnerwesen zu regio iT – Welle 1", 2],
      ["Wechsel Einwohnerwesen zu regio iT – Welle 2", 1],
    ]);
    expectInvalidParameter(
      await post("/api/measures/from-migrations", {
        scenarioId: "test-szenario-projektkapazitaet",
        migrations,
        providerMigrationsPerYear: [{ providerId: "regio-it", migrationsPerYear: 0 }],
        startYear: 2027,
      }),
      "providerMigrationsPerYear.0.migrationsPerYear",
    );
  });

  it("refuses a dependency cycle with a German 409 naming it, and computes the critical path", async () => {
    const created = await post("/api/measures/from-migrations", {
      scenarioId: "test-szenario-zyklus",
      migrations,
      maxMigrationsPerYear: 1,
      startYear: 2028,
    });
    const [first, second, third] = created.json<{ items: Measure[] }>().items;
    const cycle = await server.app.inject({
      method: "PUT",
      url: `/api/measures/${first?.id}/dependencies`,
      headers: analyst,
      payload: { dependsOn: [third?.id] },
    });
    const problem = expectProblem(cycle, 409, "measure_dependency_cycle");
    expect(problem.detail).toContain("Welle 1");
    expect(problem.detail).toContain("Welle 3");
    expect(problem.detail).toMatch(/Kreis/);

    const roadmap = await server.app.inject({
      url: "/api/measures/roadmap?scenario=test-szenario-zyklus",
      headers: reader,
    });
    // Three waves of one year each (2028 is a leap year): 366 + 365 + 365 days.
    expect(roadmap.json()).toMatchObject({
      criticalPath: [first?.id, second?.id, third?.id],
      criticalPathDays: 366 + 365 + 365,
    });
  });

  it("updates, adds milestones and tells a new owner", async () => {
    const owner = await authHeaders(server.db, "kdn_analyst");
    const ownerUser = await me(owner);
    const created = await post("/api/measures", {
      title: "Lenkungskreis vorbereiten",
      startDate: "2020-01-01",
      dueDate: "2020-02-01",
    });
    expect(created.statusCode, created.body).toBe(201);
    const measure = created.json<Measure>();
    expect(measure.overdue).toBe(true);
    const updated = await server.app.inject({
      method: "PUT",
      url: `/api/measures/${measure.id}`,
      headers: analyst,
      payload: {
        title: "Lenkungskreis vorbereiten",
        ownerUserId: ownerUser.id,
        team: [{ userId: ownerUser.id, expertRole: "digitalisierungsexpertin" }],
        status: "erledigt",
        startDate: "2020-01-01",
        dueDate: "2020-02-01",
      },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json<Measure>()).toMatchObject({
      overdue: false,
      owner: { id: ownerUser.id },
      team: [{ expertRole: "digitalisierungsexpertin" }],
    });
    const notifications = await server.app.inject({ url: "/api/notifications", headers: owner });
    expect(notifications.json()).toMatchObject({
      unread: 1,
      items: [{ kind: "assignment", link: `/massnahmen/${measure.id}`, read: false }],
    });

    const milestone = await post(`/api/measures/${measure.id}/milestones`, {
      title: "Vorlage fertig",
      dueDate: "2020-01-15",
    });
    expect(milestone.statusCode, milestone.body).toBe(201);
    const detail = await server.app.inject({ url: `/api/measures/${measure.id}`, headers: reader });
    expect(detail.json<Measure>().milestones).toMatchObject([
      { title: "Vorlage fertig", done: false },
    ]);
    const deleted = await server.app.inject({
      method: "DELETE",
      url: `/api/measures/${measure.id}`,
      headers: analyst,
    });
    expect(deleted.statusCode).toBe(204);
    expectProblem(
      await server.app.inject({ url: `/api/measures/${measure.id}`, headers: reader }),
      404,
      "measure_not_found",
    );
  });
});

describe("governance, comments and notifications", () => {
  it("records a Lenkungskreis decision linked to measures and scenarios", async () => {
    const bodies = await server.app.inject({ url: "/api/governance/bodies", headers: reader });
    const lenkungskreis = bodies
      .json<{ items: GovernanceBody[] }>()
      .items.find((body) => body.kind === "lenkungskreis");
    expect(lenkungskreis).toBeDefined();
    const measure = (await post("/api/measures", { title: "Welle vorbereiten" })).json<Measure>();
    expectProblem(
      await post("/api/governance/decisions", { bodyId: lenkungskreis?.id }, reader),
      403,
      "forbidden",
    );
    const decision = await post("/api/governance/decisions", {
      bodyId: lenkungskreis?.id,
      decidedOn: "2027-03-01",
      title: "Welle 1 freigegeben",
      documentReference: "LK-2027-03/TOP 4",
      measureIds: [measure.id],
      scenarioIds: ["test-szenario-1"],
    });
    expect(decision.statusCode, decision.body).toBe(201);
    const listed = await server.app.inject({
      url: `/api/governance/decisions?measure=${measure.id}`,
      headers: reader,
    });
    expect(listed.json<{ items: GovernanceDecision[] }>().items).toMatchObject([
      {
        bodyName: "Lenkungskreis IT-Konsolidierung",
        title: "Welle 1 freigegeben",
        measures: [{ id: measure.id }],
        scenarioIds: ["test-szenario-1"],
      },
    ]);
    expectProblem(
      await post("/api/governance/decisions", {
        bodyId: lenkungskreis?.id,
        decidedOn: "2027-03-01",
        title: "x",
        measureIds: [999_999],
      }),
      404,
      "measure_not_found",
    );
  });

  it("notifies mentioned accounts (not the author) and lets them mark it read", async () => {
    const measure = (
      await post("/api/measures", { title: "Kommentierte Maßnahme" })
    ).json<Measure>();
    const colleague = await authHeaders(server.db, "leser");
    const colleagueUser = await me(colleague);
    const author = await me(reader);
    const comment = await post(
      "/api/comments",
      {
        targetType: "measure",
        targetId: String(measure.id),
        body: `@${colleagueUser.email.toUpperCase()} bitte prüfen, @${author.email} zur Info`,
      },
      reader,
    );
    expect(comment.statusCode, comment.body).toBe(201);
    expect(comment.json<{ mentioned: Array<{ id: number }> }>().mentioned).toEqual([
      expect.objectContaining({ id: colleagueUser.id }),
    ]);
    const mine = await server.app.inject({
      url: "/api/notifications?unread=true",
      headers: colleague,
    });
    const { items } = mine.json<{ items: Array<{ id: number; title: string; link: string }> }>();
    expect(items).toHaveLength(1);
    expect(items[0]?.link).toBe(`/massnahmen/${measure.id}`);
    expect(items[0]?.title).toContain("Kommentierte Maßnahme");
    // Someone else cannot mark the colleague's notification read.
    const foreign = await post("/api/notifications/read", { ids: [items[0]?.id] }, reader);
    expect(foreign.json()).toEqual({ marked: 0 });
    const marked = await post("/api/notifications/read", {}, colleague);
    expect(marked.json()).toEqual({ marked: 1 });

    const comments = await server.app.inject({
      url: `/api/comments?targetType=measure&targetId=${measure.id}`,
      headers: reader,
    });
    expect(comments.json<{ items: Array<{ body: string }> }>().items).toHaveLength(1);
    expectProblem(
      await post(
        "/api/comments",
        { targetType: "measure", targetId: "999999", body: "Hallo" },
        reader,
      ),
      404,
      "comment_target_not_found",
    );
  });
});

describe("mention e-mail", () => {
  it("mails the mentioned person when SMTP is configured, and keeps the comment when mail fails", async () => {
    const sent: Array<{ to: string[]; label: string }> = [];
    let failing = false;
    const app = await buildApp({
      db: server.db,
      mailer: {
        sendMentions(recipients, mention) {
          if (failing) return Promise.reject(new Error("SMTP nicht erreichbar"));
          sent.push({ to: recipients.map((person) => person.email), label: mention.label });
          return Promise.resolve();
        },
      },
    });
    try {
      const colleague = await authHeaders(server.db, "leser");
      const colleagueUser = await me(colleague);
      const comment = (body: string) =>
        app.inject({
          method: "POST",
          url: "/api/comments",
          headers: reader,
          payload: { targetType: "scenario", targetId: "mail-szenario", body },
        });
      expect((await comment(`@${colleagueUser.email} siehe Szenario`)).statusCode).toBe(201);
      expect(sent).toEqual([{ to: [colleagueUser.email], label: "Szenario mail-szenario" }]);
      expect((await comment("ohne Erwähnung")).statusCode).toBe(201);
      expect(sent).toHaveLength(1);
      failing = true;
      expect((await comment(`@${colleagueUser.email} nochmal`)).statusCode).toBe(201);
      const listed = await app.inject({
        url: "/api/comments?targetType=scenario&targetId=mail-szenario",
        headers: reader,
      });
      expect(listed.json<{ items: unknown[] }>().items).toHaveLength(3);
    } finally {
      await app.close();
    }
  });
});
