import type { KommuneOzgView, OzgAdoptionHistoryEntry } from "@it-atlas/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { expectInvalidParameter, expectProblem } from "../testing/expectProblem.ts";
import { authHeaders } from "../testing/signedIn.ts";
import { useTestApp } from "../testing/testApp.ts";

const server = useTestApp();
let admin: { authorization: string };
let detmoldEditor: { authorization: string };
let reader: { authorization: string };

const DETMOLD = "05766020";
const LEMGO = "05766044";
const LEISTUNG = 10124; // Wohnsitzmeldungen, covered by melde-online
const HEADER =
  "Schlüssel;Kommune;OZG-ID;OZG-Leistung;Komponente;Status;Onlinedienst;Geplant zum;Quelle;Stand;Bemerkung";
const IMPORT_FILE =
  `${HEADER}\r\n${DETMOLD};Detmold;${LEISTUNG};;;online;melde-online;;Umfrage 2026;01.02.2026;\r\n` +
  `${LEMGO};Lemgo;${LEISTUNG};;;in Anbindung;;30.09.2026;Umfrage 2026;01.02.2026;\r\n`;

interface History {
  items: OzgAdoptionHistoryEntry[];
  total: number;
}

let statusBeforeManual: string | null = null;

beforeAll(async () => {
  admin = await authHeaders(server.db, "administrator");
  detmoldEditor = await authHeaders(server.db, { kommune: DETMOLD });
  reader = await authHeaders(server.db, "leser");
  const view = await server.app.inject({ url: `/api/ozg/kommunen/${DETMOLD}`, headers: admin });
  statusBeforeManual =
    view.json<KommuneOzgView>().leistungen.find((item) => item.ozgId === LEISTUNG)?.record
      ?.status ?? null;
  // First a person changes Detmold's status, then an import changes Detmold and Lemgo.
  const manual = await server.app.inject({
    method: "PUT",
    url: `/api/ozg/kommunen/${DETMOLD}/leistungen/${LEISTUNG}`,
    headers: detmoldEditor,
    payload: { status: "geplant", plannedDate: "2026-12-01", informationDate: "2026-01-10" },
  });
  expect(manual.statusCode, manual.body).toBe(200);
  const imported = await importFile(IMPORT_FILE);
  expect(imported.statusCode, imported.body).toBe(200);
});

function importFile(text: string) {
  return server.app.inject({
    method: "POST",
    url: "/api/ozg/adoption/import",
    headers: admin,
    payload: { fileName: "stand.csv", content: Buffer.from(text, "utf8").toString("base64") },
  });
}

async function history(query = "", headers = reader): Promise<History> {
  const response = await server.app.inject({
    url: `/api/ozg/leistungen/${LEISTUNG}/adoption-history${query}`,
    headers,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<History>();
}

describe("adoption history of an OZG-Leistung", () => {
  it("needs sign-in and answers bad input with German problems", async () => {
    expectProblem(
      await server.app.inject({ url: `/api/ozg/leistungen/${LEISTUNG}/adoption-history` }),
      401,
      "unauthenticated",
    );
    const get = (url: string) => server.app.inject({ url, headers: reader });
    expectInvalidParameter(await get("/api/ozg/leistungen/abc/adoption-history"), "ozgId");
    expectInvalidParameter(await get("/api/ozg/leistungen/0/adoption-history"), "ozgId");
    expectInvalidParameter(
      await get(`/api/ozg/leistungen/${LEISTUNG}/adoption-history?pageSize=501`),
      "pageSize",
    );
    expectInvalidParameter(
      await get(`/api/ozg/leistungen/${LEISTUNG}/adoption-history?page=0`),
      "page",
    );
    expectInvalidParameter(
      await get(`/api/ozg/leistungen/${LEISTUNG}/adoption-history?kommune=Detmold`),
      "kommune",
    );
    const missing = expectProblem(
      await get("/api/ozg/leistungen/99999/adoption-history"),
      404,
      "ozg_leistung_not_found",
    );
    expect(missing.detail).toBe("Die OZG-Leistung 99999 wurde nicht gefunden.");
  });

  it("shows a manual change and a later import, newest first, with their statuses", async () => {
    const detmold = await history(`?kommune=${DETMOLD}`, admin);
    expect(detmold.total).toBe(2);
    expect(detmold.items).toEqual([
      expect.objectContaining({
        organisationKey: DETMOLD,
        kommuneName: "Detmold",
        action: "import",
        via: "import",
        statusBefore: "geplant",
        statusAfter: "online",
        informationDate: "2026-02-01",
        onlineServiceName: expect.any(String),
        quality: "user",
      }),
      expect.objectContaining({
        organisationKey: DETMOLD,
        action: statusBeforeManual === null ? "create" : "change",
        via: "api",
        statusBefore: statusBeforeManual,
        statusAfter: "geplant",
        informationDate: "2026-01-10",
        onlineServiceName: null,
        quality: "self_reported",
      }),
    ]);
    expect(detmold.items[0]!.at >= detmold.items[1]!.at).toBe(true);
    const all = await history();
    expect(all.total).toBe(3);
    expect(all.items.map((entry) => entry.organisationKey).sort()).toEqual([
      DETMOLD,
      DETMOLD,
      LEMGO,
    ]);
    expect(all.items.find((entry) => entry.organisationKey === LEMGO)).toMatchObject({
      kommuneName: "Lemgo",
      statusAfter: "in_anbindung",
      via: "import",
    });
    // Another Leistung's history does not contain these changes.
    const other = await server.app.inject({
      url: "/api/ozg/leistungen/10145/adoption-history",
      headers: reader,
    });
    expect(
      other.json<History>().items.some((entry) => entry.informationDate === "2026-02-01"),
    ).toBe(false);
  });

  it("pages the history", async () => {
    const all = await history();
    const second = await history("?page=2&pageSize=1");
    expect(second.total).toBe(all.total);
    expect(second.items).toEqual([all.items[1]]);
    expect((await history("?page=4&pageSize=1")).items).toEqual([]);
  });

  it("writes no history for import rows that change nothing", async () => {
    const before = await history();
    const again = await importFile(IMPORT_FILE);
    expect(again.statusCode, again.body).toBe(200);
    expect((await history()).total).toBe(before.total);
  });

  it("shows who changed an entry only to auditors and the Kommune's editors", async () => {
    expect((await history("", reader)).items.map((entry) => entry.changedBy)).toEqual([
      null,
      null,
      null,
    ]);
    for (const entry of (await history("", admin)).items) {
      expect(entry.changedBy).toMatch(/@example\.org$/);
    }
    const editorView = (await history("", detmoldEditor)).items;
    for (const entry of editorView) {
      if (entry.organisationKey === DETMOLD) expect(entry.changedBy).toMatch(/@example\.org$/);
      else expect(entry.changedBy).toBeNull();
    }
  });
});
