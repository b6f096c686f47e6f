import { listLandscape, type LandscapeFilter } from "@it-atlas/db";
import { useTestDatabase } from "@it-atlas/db/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LandscapeReader } from "./landscapeService.ts";

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

describe("LandscapeReader", () => {
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
