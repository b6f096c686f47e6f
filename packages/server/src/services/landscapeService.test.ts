import {
  bumpLandscapeRevision,
  changeSourcing,
  listLandscape,
  type LandscapeFilter,
  type Queryable,
  type SqlFragment,
} from "@it-atlas/db";
import { useTestDatabase } from "@it-atlas/db/testing";
import fc from "fast-check";
import type { Principal } from "@it-atlas/domain";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { LandscapeReader, periodOf, redactFor } from "./landscapeService.ts";

const database = useTestDatabase();

const day = fc
  .integer({ min: 0, max: 11 * 366 })
  .map((offset) =>
    new Date(Date.UTC(2015, 11, 1) + offset * 86_400_000).toISOString().slice(0, 10),
  );

const filter: fc.Arbitrary<LandscapeFilter> = fc.record({
  asOf: day,
  domain: fc.option(fc.constantFrom("einwohnerwesen", "kfz-zulassung", "netz", "e-payment"), {
    nil: undefined,
  }),
  kreis: fc.option(fc.constantFrom("05766", "05958", "05334", "05111"), { nil: undefined }),
  regierungsbezirk: fc.option(fc.constantFrom("057", "059"), { nil: undefined }),
  provider: fc.option(fc.constantFrom("sit", "citkomm", "owl-it", "krz", "krzn"), {
    nil: undefined,
  }),
  operatingModel: fc.option(fc.constantFrom("eigenbetrieb" as const, "it_dienstleister" as const), {
    nil: undefined,
  }),
  organisation: fc.option(fc.constantFrom("05766020", "05958004", "05766"), { nil: undefined }),
  page: fc.integer({ min: 1, max: 3 }),
  pageSize: fc.constantFrom(7, 50, 500),
});

describe("periodOf", () => {
  it("finds the last boundary on or before a day, and '' before the first", () => {
    const boundaries = ["2016-01-01", "2018-01-01", "2024-01-01"];
    expect(periodOf(boundaries, "2015-12-31")).toBe("");
    expect(periodOf(boundaries, "2016-01-01")).toBe("2016-01-01");
    expect(periodOf(boundaries, "2017-12-31")).toBe("2016-01-01");
    expect(periodOf(boundaries, "2018-01-01")).toBe("2018-01-01");
    expect(periodOf(boundaries, "2099-01-01")).toBe("2024-01-01");
    expect(periodOf([], "2020-01-01")).toBe("");
  });
});

const user = (role: "kdn_analyst" | "kommune_bearbeiter", organisationKey: string | null) =>
  ({
    kind: "user",
    userId: 1,
    email: "person@example.org",
    displayName: "Person",
    roles: [{ role, organisationKey, providerId: null }],
    via: "session",
  }) satisfies Principal;
const analyst = user("kdn_analyst", null);
const detmold = user("kommune_bearbeiter", "05766020");

describe("LandscapeReader", () => {
  it("prepares one page per validity period and answers every day in it exactly", async () => {
    const reader = new LandscapeReader(database.db);
    await fc.assert(
      fc.asyncProperty(
        filter,
        fc.constantFrom<Principal>(analyst, detmold),
        fc.boolean(),
        async (query, principal, gzip) => {
          const body = await reader.body(query, principal, gzip);
          const text = gzip ? gunzipSync(body.gzip ?? Buffer.alloc(0)).toString("utf8") : body.json;
          const expected = await reader.list(query);
          expect(JSON.parse(text)).toEqual({
            items: JSON.parse(JSON.stringify(redactFor(principal, expected.items))),
            total: expected.total,
            asOf: query.asOf,
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("answers as-of queries from memory exactly as the SQL query does", async () => {
    const reader = new LandscapeReader(database.db);
    await fc.assert(
      fc.asyncProperty(filter, async (query) => {
        const fromMemory = await reader.list(query);
        const fromSql = await listLandscape(database.db, query);
        expect(fromMemory.total).toBe(fromSql.total);
        expect(fromMemory.items.map((item) => item.id)).toEqual(
          fromSql.items.map((item) => item.id),
        );
      }),
      { numRuns: 40 },
    );
  });

  it("sees a write at once (the revision changes)", async () => {
    const reader = new LandscapeReader(database.db);
    const query = {
      asOf: "2030-01-01",
      organisation: "05766020",
      domain: "kasse",
      page: 1,
      pageSize: 10,
    };
    const before = await reader.list(query);
    const { changeSourcing } = await import("@it-atlas/db");
    await database.db.transaction((tx) =>
      changeSourcing(
        tx,
        "05766020",
        "kasse",
        {
          operatingModel: "eigenbetrieb",
          providerId: null,
          partnerAgs: null,
          productId: null,
          runningCost: 1,
          investmentCost: null,
          volume: null,
          contractEnd: null,
          satisfaction: null,
          validFrom: "2029-01-01",
          note: null,
        },
        { quality: "user", reason: "Test" },
      ),
    );
    const after = await reader.list(query);
    expect(after.items[0]?.id).not.toBe(before.items[0]?.id);
    expect(after.items[0]?.runningCost).toBe(1);
  });
});

describe("LandscapeReader after a landscape edit", () => {
  it("re-reads only the edited Kommune × domain pairs and answers exactly as the SQL query", async () => {
    const texts: string[] = [];
    const recording: Queryable = {
      query: <Row>(fragment: SqlFragment) => {
        texts.push(fragment.toQuery().text);
        return database.db.query<Row>(fragment);
      },
      exec: (script) => database.db.exec(script),
    };
    const reader = new LandscapeReader(recording);
    const asOf = "2041-06-01";
    await reader.list({ asOf, page: 1, pageSize: 10 });
    const edits = [
      { organisationKey: "05766020", domainId: "einwohnerwesen", runningCost: 111_000 },
      { organisationKey: "05958004", domainId: "kfz-zulassung", runningCost: 222_000 },
      { organisationKey: "05766020", domainId: "einwohnerwesen", runningCost: 333_000 },
    ];
    for (const edit of edits) {
      await database.db.transaction((tx) =>
        changeSourcing(
          tx,
          edit.organisationKey,
          edit.domainId,
          {
            operatingModel: "eigenbetrieb",
            providerId: null,
            partnerAgs: null,
            productId: null,
            runningCost: edit.runningCost,
            investmentCost: null,
            volume: null,
            contractEnd: null,
            satisfaction: null,
            validFrom: "2041-01-01",
            note: null,
          },
          { quality: "user", reason: "Test" },
        ),
      );
    }
    texts.length = 0;
    for (const query of [
      { asOf, page: 1, pageSize: 500, domain: "einwohnerwesen" },
      { asOf, page: 1, pageSize: 50, kreis: "05958" },
      { asOf: "2040-12-31", page: 2, pageSize: 500 },
    ]) {
      expect(await reader.list(query)).toEqual(await listLandscape(database.db, query));
    }
    const reads = texts.filter((text) => text.includes("ORDER BY x.organisation_name"));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toContain("unnest");
    const edited = await reader.list({
      asOf,
      page: 1,
      pageSize: 5,
      organisation: "05766020",
      domain: "einwohnerwesen",
    });
    expect(edited.items.map((item) => item.runningCost)).toEqual([333_000]);
  });

  it("reads every version again after a write that did not name its pairs", async () => {
    const texts: string[] = [];
    const recording: Queryable = {
      query: <Row>(fragment: SqlFragment) => {
        texts.push(fragment.toQuery().text);
        return database.db.query<Row>(fragment);
      },
      exec: (script) => database.db.exec(script),
    };
    const reader = new LandscapeReader(recording);
    await reader.list({ asOf: "2030-01-01", page: 1, pageSize: 10 });
    await database.db.transaction((tx) => bumpLandscapeRevision(tx));
    texts.length = 0;
    await reader.list({ asOf: "2030-01-01", page: 1, pageSize: 10 });
    const reads = texts.filter((text) => text.includes("ORDER BY x.organisation_name"));
    // Every version, in batches of whole Kommunen; no pair-wise read.
    expect(reads.length).toBeGreaterThan(1);
    expect(reads.every((text) => !text.includes("unnest"))).toBe(true);
  });
});
