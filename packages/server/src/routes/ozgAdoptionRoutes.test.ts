import type { Adoption, KommuneOzgView, ReadinessRow, ServiceReadiness } from "@it-atlas/domain";
import { sql } from "@it-atlas/db";
import { beforeAll, describe, expect, it } from "vitest";
import { expectInvalidParameter, expectProblem } from "../testing/expectProblem.ts";
import { authHeaders } from "../testing/signedIn.ts";
import { useTestApp } from "../testing/testApp.ts";

const server = useTestApp();
let admin: { authorization: string };
let detmoldEditor: { authorization: string };
let reader: { authorization: string };

const DETMOLD = "05766020"; // große kreisangehörige Stadt, Kreis Lippe
const LIPPE = "05766"; // Kreis
const ARNSBERG = "059";

beforeAll(async () => {
  admin = await authHeaders(server.db, "administrator");
  detmoldEditor = await authHeaders(server.db, { kommune: DETMOLD });
  reader = await authHeaders(server.db, "leser");
});

interface Board {
  rows: ReadinessRow[];
  regions: Array<{
    key: string;
    level: string;
    kommunen: number;
    coverage: { responsible: number };
  }>;
  service: ServiceReadiness | null;
}

async function board(query: string, headers = reader): Promise<Board> {
  const response = await server.app.inject({ url: `/api/ozg/readiness?${query}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Board>();
}

async function view(ags: string, headers = reader): Promise<KommuneOzgView> {
  const response = await server.app.inject({ url: `/api/ozg/kommunen/${ags}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<KommuneOzgView>();
}

function putAdoption(ags: string, ozgId: number, body: object, headers = admin) {
  return server.app.inject({
    method: "PUT",
    url: `/api/ozg/kommunen/${ags}/leistungen/${ozgId}`,
    headers,
    payload: body,
  });
}

describe("readiness board", () => {
  it("answers which Kommunen in RB Arnsberg have not connected the central E-Payment", async () => {
    const result = await board(
      `regierungsbezirk=${ARNSBERG}&dienst=epayment-nrw&status=nicht_angebunden`,
    );
    expect(result.rows.length).toBeGreaterThan(5);
    for (const row of result.rows) {
      expect(row.kommune.regierungsbezirkKey).toBe(ARNSBERG);
      expect(["offen", "geplant", "in_anbindung"]).toContain(row.serviceStatus);
    }
    const all = await board(`regierungsbezirk=${ARNSBERG}&dienst=epayment-nrw`);
    const counts = all.service!.counts;
    expect(result.rows.length).toBe(counts.offen + counts.geplant + counts.in_anbindung);
    expect(all.rows.length).toBe(Object.values(counts).reduce((sum, count) => sum + count, 0));
    expect(all.service!.service).toMatchObject({
      id: "epayment-nrw",
      component: "epayment",
      demo: true,
    });
  });

  it("exports the same answer as CSV", async () => {
    const response = await server.app.inject({
      url: `/api/ozg/readiness.csv?regierungsbezirk=${ARNSBERG}&dienst=epayment-nrw&status=nicht_angebunden`,
      headers: reader,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    const lines = response.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toContain("Status Zentrale E-Payment-Plattform");
    const json = await board(
      `regierungsbezirk=${ARNSBERG}&dienst=epayment-nrw&status=nicht_angebunden`,
    );
    expect(lines.length - 1).toBe(json.rows.length);
  });

  it("sums coverage per Kreis (with its Gemeinden) and per Regierungsbezirk", async () => {
    const result = await board(`kreis=${LIPPE}`);
    const lippe = result.regions.find((region) => region.key === LIPPE)!;
    expect(lippe.level).toBe("kreis");
    expect(lippe.kommunen).toBe(17); // the Kreis and its 16 Gemeinden
    expect(lippe.coverage.responsible).toBe(
      result.rows.reduce((sum, row) => sum + row.coverage.responsible, 0),
    );
    expect(result.regions.find((region) => region.level === "regierungsbezirk")?.key).toBe("057");
  });

  it("counts every service per region", async () => {
    const response = await server.app.inject({
      url: `/api/ozg/readiness/services?regierungsbezirk=${ARNSBERG}`,
      headers: reader,
    });
    const items = response.json<{ items: ServiceReadiness[] }>().items;
    expect(items.map((item) => item.service.id)).toEqual(
      expect.arrayContaining(["epayment-nrw", "xta-transport", "servicekonto-nrw", "kfz-online"]),
    );
  });

  it("refuses an unknown service and a bad region with German problems", async () => {
    expectProblem(
      await server.app.inject({ url: "/api/ozg/readiness?dienst=gibt-es-nicht", headers: reader }),
      404,
      "online_service_not_found",
    );
    expectInvalidParameter(
      await server.app.inject({ url: "/api/ozg/readiness?regierungsbezirk=999", headers: reader }),
      "regierungsbezirk",
    );
  });
});

describe("a Kommune's OZG picture", () => {
  it("gives a Kreis more responsible Leistungen than a große kreisangehörige Stadt, with peers", async () => {
    const kreis = await view(LIPPE);
    const stadt = await view(DETMOLD);
    expect(kreis.kommune.type).toBe("kreis");
    expect(stadt.kommune.type).toBe("grosse_kreisangehoerige_stadt");
    expect(kreis.coverage.responsible).toBeGreaterThan(stadt.coverage.responsible);
    // Meldewesen is the Gemeinde's task, not the Kreis's.
    expect(stadt.leistungen.find((item) => item.ozgId === 10124)?.responsible).toBe(true);
    expect(kreis.leistungen.find((item) => item.ozgId === 10124)?.responsible ?? false).toBe(false);
    expect(kreis.peerClass).toBe("kreis");
    expect(kreis.peers.peerCount).toBe(31);
    expect(stadt.checklist.map((item) => item.component)).toEqual([
      "servicekonto",
      "epayment",
      "xta",
      "formular",
    ]);
    const responsible = stadt.leistungen.filter((item) => item.responsible);
    expect(stadt.coverage.online).toBe(
      responsible.filter((item) => item.status === "online").length,
    );
  });

  it("is 404 for an unknown Kommune", async () => {
    expectProblem(
      await server.app.inject({ url: "/api/ozg/kommunen/05999999", headers: reader }),
      404,
      "organisation_not_found",
    );
  });
});

describe("changing the adoption status", () => {
  it("needs sign-in and the Kommune's own editor", async () => {
    expectProblem(
      await server.app.inject({
        method: "PUT",
        url: `/api/ozg/kommunen/${DETMOLD}/leistungen/10124`,
        payload: {},
      }),
      401,
      "unauthenticated",
    );
    expectProblem(await putAdoption(DETMOLD, 10124, {}, reader), 403, "forbidden");
    expectProblem(await putAdoption("05766008", 10124, {}, detmoldEditor), 403, "forbidden");
  });

  it.each([
    [{ status: "erledigt", informationDate: "2026-02-01" }, "status"],
    [{ status: "online", informationDate: "1.2.2026" }, "informationDate"],
    [{ status: "online", plannedDate: "2026-09-01", informationDate: "2026-02-01" }, "plannedDate"],
  ])("rejects invalid input %# naming the field", async (body, field) => {
    expectInvalidParameter(await putAdoption(DETMOLD, 10124, body), field);
  });

  it("refuses a service that does not cover the Leistung", async () => {
    const problem = expectProblem(
      await putAdoption(DETMOLD, 10124, {
        status: "online",
        onlineServiceId: "kfz-online",
        informationDate: "2026-02-01",
      }),
      400,
      "invalid_adoption",
    );
    expect(problem.errors?.[0]?.field).toBe("onlineServiceId");
  });

  it("updates the coverage and records the source, date and quality", async () => {
    const before = await view(DETMOLD);
    const open = before.leistungen.find((item) => item.responsible && item.status !== "online");
    expect(open).toBeDefined();
    const response = await putAdoption(
      DETMOLD,
      open!.ozgId,
      {
        status: "online",
        informationSource: "Telefonat mit dem Fachamt",
        informationDate: "2026-02-01",
      },
      detmoldEditor,
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Adoption>()).toMatchObject({
      status: "online",
      informationSource: "Telefonat mit dem Fachamt",
      informationDate: "2026-02-01",
      demo: false,
      provenance: { quality: "self_reported" },
    });
    const after = await view(DETMOLD);
    expect(after.coverage.online).toBe(before.coverage.online + 1);
    const [audit] = await server.db.query<{ action: string; entity_id: string }>(
      sql`SELECT action, entity_id FROM audit_log WHERE entity_type = 'ozg_adoption' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit?.entity_id).toBe(`${DETMOLD}/${open!.ozgId}`);
  });

  it("lets a Kommune override the rule with 'nicht zuständig'", async () => {
    const before = await view(DETMOLD);
    const target = before.leistungen.find((item) => item.responsible && item.reason !== "kommune")!;
    await putAdoption(DETMOLD, target.ozgId, {
      status: "nicht_zustaendig",
      informationDate: "2026-02-01",
    });
    const after = await view(DETMOLD);
    expect(after.coverage.responsible).toBe(before.coverage.responsible - 1);
    expect(after.leistungen.find((item) => item.ozgId === target.ozgId)).toMatchObject({
      responsible: false,
      reason: "kommune",
    });
  });

  it("moves a Kommune out of the E-Payment gap when its checklist says connected", async () => {
    const gap = await board(
      `regierungsbezirk=${ARNSBERG}&dienst=epayment-nrw&status=nicht_angebunden`,
    );
    const kommune = gap.rows[0]!.kommune.key;
    const response = await server.app.inject({
      method: "PUT",
      url: `/api/ozg/kommunen/${kommune}/checkliste/epayment`,
      headers: admin,
      payload: { status: "online", onlineServiceId: "epayment-nrw", informationDate: "2026-03-01" },
    });
    expect(response.statusCode, response.body).toBe(200);
    const after = await board(
      `regierungsbezirk=${ARNSBERG}&dienst=epayment-nrw&status=nicht_angebunden`,
    );
    expect(after.rows.map((row) => row.kommune.key)).not.toContain(kommune);
    expect(after.rows.length).toBe(gap.rows.length - 1);
  });

  it("refuses a checklist solution of another component", async () => {
    const problem = expectProblem(
      await server.app.inject({
        method: "PUT",
        url: `/api/ozg/kommunen/${DETMOLD}/checkliste/xta`,
        headers: admin,
        payload: {
          status: "online",
          onlineServiceId: "epayment-nrw",
          informationDate: "2026-03-01",
        },
      }),
      400,
      "invalid_adoption",
    );
    expect(problem.errors?.[0]?.field).toBe("onlineServiceId");
  });
});

describe("responsibility rules and the service catalogue", () => {
  it("documents the rule per LeiKa-Typ and per OZG-Leistung", async () => {
    const response = await server.app.inject({
      url: "/api/ozg/responsibility-rules",
      headers: reader,
    });
    const { items } = response.json<{
      items: Array<{ scope: string; leikaType: string | null; basis: string }>;
    }>();
    expect(
      items.filter((rule) => rule.scope === "leika_typ").map((rule) => rule.leikaType),
    ).toEqual(["1", "2/3", "4", "5", "6"]);
    expect(
      items.some((rule) => rule.scope === "leistung" && /Einwohnerwesen/.test(rule.basis)),
    ).toBe(true);
  });

  it("recomputes coverage when an administrator edits the rule", async () => {
    const before = await view("05766004"); // Augustdorf, kreisangehörige Gemeinde
    const response = await server.app.inject({
      method: "PUT",
      url: "/api/ozg/responsibility-rules/leika-typ/4",
      headers: admin,
      payload: {
        responsibleTypes: [
          "kreisfreie_stadt",
          "kreis",
          "staedteregion",
          "kreisangehoerige_gemeinde",
        ],
        basis: "Test: Typ 4 auch für kreisangehörige Gemeinden.",
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const after = await view("05766004");
    expect(after.coverage.responsible).toBeGreaterThan(before.coverage.responsible);
    expectProblem(
      await server.app.inject({
        method: "PUT",
        url: "/api/ozg/responsibility-rules/leika-typ/4",
        headers: detmoldEditor,
        payload: {},
      }),
      403,
      "forbidden",
    );
  });

  it("lists base components and online services, and lets an administrator add one", async () => {
    const response = await server.app.inject({
      method: "PUT",
      url: "/api/ozg/online-services/test-dienst",
      headers: admin,
      payload: {
        name: "Testdienst",
        kind: "onlinedienst",
        operatorProviderId: "owl-it",
        efa: true,
        leadLand: "NW",
        maturity: 3,
        dependencies: ["epayment"],
        ozgIds: [10124],
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      operatorName: "OWL-IT",
      ozgLeistungen: [{ id: 10124 }],
      demo: false,
    });
    expectInvalidParameter(
      await server.app.inject({
        method: "PUT",
        url: "/api/ozg/online-services/test-dienst",
        headers: admin,
        payload: { name: "X", kind: "basiskomponente", operatorName: "X", maturity: 3 },
      }),
      "component",
    );
    const list = await server.app.inject({
      url: "/api/ozg/online-services?ozgId=10124",
      headers: reader,
    });
    expect(list.json<{ items: Array<{ id: string }> }>().items.map((item) => item.id)).toEqual(
      expect.arrayContaining(["melde-online", "test-dienst"]),
    );
  });
});
