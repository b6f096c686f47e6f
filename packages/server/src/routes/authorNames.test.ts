import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { sql } from "@it-atlas/db";
import { specialisationPreset, type KommuneOzgView } from "@it-atlas/domain";
import { describe, expect, it } from "vitest";
import { authHeaders } from "../testing/signedIn.ts";
import { useTestApp } from "../testing/testApp.ts";

// Issue 15 point 9: records showed their author's e-mail address („geändert von …“) to every
// signed-in account. Invariant: after writes by one account, no answer another signed-in
// account reads contains that account's e-mail address — only its display name. (The audit
// log, for administrators, keeps the address; the Expertenverzeichnis shows contact addresses
// by purpose and is not written here.)

const server = useTestApp();
const DETMOLD = "05766020";
/** What authHeaders gives its users as e-mail addresses. */
const TEST_EMAIL = /test-\d+-\d+-\d+@example\.org/;
const MIGRATION = fileURLToPath(
  new URL("../../../db/migrations/0021_author_names.sql", import.meta.url),
);

/** E-mail address and display name of the account behind test headers. */
async function accountOf(headers: { authorization: string }) {
  const prefix = headers.authorization.replace("Bearer ", "").slice(0, 12);
  const [row] = await server.db.query<{ email: string; display_name: string }>(
    sql`SELECT u.email, u.display_name FROM app_user u
        JOIN api_token t ON t.user_id = u.id WHERE t.prefix = ${prefix}`,
  );
  if (!row) throw new Error("Testkonto nicht gefunden");
  return row;
}

describe("author of a record", () => {
  it("is shown by name, never by e-mail address, wherever a write leaves it", async () => {
    const author = await authHeaders(server.db, "administrator");
    const reader = await authHeaders(server.db, "leser");
    const analyst = await authHeaders(server.db, "kdn_analyst");
    const authorRow = await accountOf(author);
    expect(authorRow.email).toMatch(TEST_EMAIL);
    const write = async (method: "POST" | "PUT", url: string, payload: object) => {
      const response = await server.app.inject({ method, url, headers: author, payload });
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
      return response.json<{ id?: number }>();
    };

    const measure = await write("POST", "/api/measures", {
      title: "Autorenprobe",
      startDate: "2027-01-01",
      dueDate: "2027-06-30",
    });
    const kommunen = await server.db.query<{ key: string }>(
      sql`SELECT key FROM organisation WHERE key = '05766' OR kreis_key = '05766' ORDER BY key`,
    );
    const preset = specialisationPreset("2026-01-01");
    const scenario = await write("POST", "/api/scenarios", {
      name: "Autorenprobe",
      definition: {
        ...preset,
        scope: { ...preset.scope, kommuneKeys: kommunen.map((k) => k.key) },
      },
    });
    await write("POST", "/api/kpi/snapshots", {});
    await write("PUT", `/api/organisations/${DETMOLD}/strategy/draft`, {
      decisions: [
        {
          domainId: "einwohnerwesen",
          targetModel: "vor_ort",
          vorOrtRequired: true,
          rationale: null,
          priority: 1,
          targetYear: 2028,
        },
      ],
    });
    const ozg = await server.app.inject({ url: `/api/ozg/kommunen/${DETMOLD}`, headers: author });
    const open = ozg
      .json<KommuneOzgView>()
      .leistungen.find((item) => item.responsible && item.status !== "online");
    await write("PUT", `/api/ozg/kommunen/${DETMOLD}/leistungen/${open!.ozgId}`, {
      status: "online",
      informationSource: "Autorenprobe",
      informationDate: "2026-02-01",
    });

    const reads = [
      "/api/measures",
      `/api/measures/${measure.id}`,
      "/api/scenarios",
      `/api/scenarios/${scenario.id}`,
      "/api/kpi/snapshots?level=nrw&key=05",
      `/api/organisations/${DETMOLD}/strategies`,
      `/api/ozg/kommunen/${DETMOLD}`,
    ];
    for (const viewer of [reader, analyst]) {
      for (const url of reads) {
        const response = await server.app.inject({ url, headers: viewer });
        expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
        expect(response.body, url).not.toMatch(TEST_EMAIL);
      }
    }
    // The names are there instead: the records still say who changed them.
    const detail = await server.app.inject({ url: `/api/measures/${measure.id}`, headers: reader });
    expect(detail.json<{ updatedBy: string }>().updatedBy).toBe(authorRow.display_name);
  });

  it("the migration turns e-mail addresses stored by earlier versions into names", async () => {
    const user = await authHeaders(server.db, "kdn_analyst");
    const row = await accountOf(user);
    const [measure] = await server.db.query<{ id: number }>(
      sql`INSERT INTO measure (title, created_by, updated_by)
          VALUES ('Altbestand', ${row.email.toUpperCase()}, 'system') RETURNING id`,
    );
    await server.db.exec(await readFile(MIGRATION, "utf8"));
    const [after] = await server.db.query<{ created_by: string; updated_by: string }>(
      sql`SELECT created_by, updated_by FROM measure WHERE id = ${measure!.id}`,
    );
    expect(after).toEqual({ created_by: row.display_name, updated_by: "system" });
  });
});
