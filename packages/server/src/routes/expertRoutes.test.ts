import { sql } from "@it-atlas/db";
import type { Expert } from "@it-atlas/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { expectInvalidParameter, expectProblem } from "../testing/expectProblem.ts";
import { authHeaders } from "../testing/signedIn.ts";
import { useTestApp } from "../testing/testApp.ts";

const server = useTestApp();
const DETMOLD = "05766020";
const URL = `/api/organisations/${DETMOLD}/experts`;
let detmold: { authorization: string };
let lemgo: { authorization: string };
let analyst: { authorization: string };

beforeAll(async () => {
  detmold = await authHeaders(server.db, { kommune: DETMOLD });
  lemgo = await authHeaders(server.db, { kommune: "05766044" });
  analyst = await authHeaders(server.db, "kdn_analyst");
});

const input = {
  role: "fachexpertin",
  domainId: "einwohnerwesen",
  name: "Erika Mustermann",
  function: "Leitung Bürgerbüro",
  email: "e.mustermann@example.org",
  phone: "05231 977-0",
};

describe("Expertenverzeichnis", () => {
  it("refuses other Kommunen and analysts as editors", async () => {
    expectProblem(
      await server.app.inject({ method: "POST", url: URL, headers: lemgo, payload: input }),
      403,
      "forbidden",
    );
    expectProblem(
      await server.app.inject({ method: "POST", url: URL, headers: analyst, payload: input }),
      403,
      "forbidden",
    );
    expectProblem(await server.app.inject({ url: URL, headers: lemgo }), 403, "forbidden");
  });

  it("names invalid fields in German", async () => {
    expectInvalidParameter(
      await server.app.inject({
        method: "POST",
        url: URL,
        headers: detmold,
        payload: { ...input, email: "keine-adresse" },
      }),
      "email",
    );
    const response = await server.app.inject({
      method: "POST",
      url: URL,
      headers: detmold,
      payload: { ...input, domainId: null },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Leistungsbereich");
  });

  it("adds, changes and deletes an expert for good, with an audit trail without personal data", async () => {
    const created = await server.app.inject({
      method: "POST",
      url: URL,
      headers: detmold,
      payload: input,
    });
    expect(created.statusCode, created.body).toBe(201);
    const expert = created.json<Expert>();
    expect(expert).toMatchObject({ name: "Erika Mustermann", domainName: expect.any(String) });

    const list = await server.app.inject({ url: URL, headers: analyst });
    expect(list.json<{ purpose: string; items: Expert[] }>()).toMatchObject({
      purpose: expect.stringContaining("Zweck"),
      items: [expect.objectContaining({ id: expert.id })],
    });

    const changed = await server.app.inject({
      method: "PUT",
      url: `${URL}/${expert.id}`,
      headers: detmold,
      payload: { ...input, role: "it_leitung", domainId: null, phone: "" },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<Expert>()).toMatchObject({ role: "it_leitung", phone: null });

    const deleted = await server.app.inject({
      method: "DELETE",
      url: `${URL}/${expert.id}`,
      headers: detmold,
    });
    expect(deleted.statusCode).toBe(204);
    expect((await server.app.inject({ url: URL, headers: detmold })).json()).toMatchObject({
      items: [],
    });
    const rows = await server.db.query(sql`SELECT * FROM kommune_expert WHERE id = ${expert.id}`);
    expect(rows).toEqual([]);
    const audit = await server.db.query<{ text: string }>(
      sql`SELECT concat(entity_id, before::text, after::text) AS text FROM audit_log WHERE entity_type = 'kommune_expert'`,
    );
    expect(audit).toHaveLength(3);
    expect(JSON.stringify(audit)).not.toMatch(/Mustermann|example\.org|05231/);

    expectProblem(
      await server.app.inject({ method: "DELETE", url: `${URL}/${expert.id}`, headers: detmold }),
      404,
      "expert_not_found",
    );
  });
});
