import { describe, expect, it } from "vitest";
import { getStats } from "../repositories/statsRepository.ts";
import { sql } from "../client/sql.ts";
import { migrate } from "../migrate/migrate.ts";
import { useTestDatabase } from "../testing/useTestDatabase.ts";
import { seedReferenceData } from "./seedReferenceData.ts";

const database = useTestDatabase();

describe("reference seed", () => {
  it("loads the NRW counts of the public API contract", async () => {
    expect(await getStats(database.db)).toMatchObject({
      gemeinden: 396,
      kreise: 31,
      kreisfreieStaedte: 22,
      regierungsbezirke: 5,
      landschaftsverbaende: 2,
      ozgLeistungen: 557,
      leikaLeistungen: 5249,
      populationZensus2022: 17_890_489,
    });
  });

  it("is idempotent: seeding and migrating again changes nothing", async () => {
    const before = await getStats(database.db);
    expect(await migrate(database.db)).toEqual([]);
    const result = await seedReferenceData(database.db);
    expect(result.applied).toBe(false);
    expect(await getStats(database.db)).toEqual(before);
  });

  it("re-seeds a changed data version in place without duplicating rows", async () => {
    const before = await getStats(database.db);
    await database.db.query(sql`UPDATE seed_state SET version = 'old' WHERE name = 'reference'`);
    const result = await seedReferenceData(database.db);
    expect(result.applied).toBe(true);
    expect(await getStats(database.db)).toEqual(before);
  });

  it("ships a boundary for every Gemeinde, Kreis and Regierungsbezirk", async () => {
    const [row] = await database.db.query<{ missing: number }>(
      sql`SELECT count(*)::int AS missing FROM organisation o
          WHERE o.kind IN ('gemeinde','kreis','regierungsbezirk')
            AND NOT EXISTS (SELECT 1 FROM boundary b WHERE b.organisation_key = o.key)`,
    );
    expect(row?.missing).toBe(0);
  });
});
