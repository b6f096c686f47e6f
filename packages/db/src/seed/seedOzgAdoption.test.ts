import { describe, expect, it } from "vitest";
import { sql } from "../client/sql.ts";
import { listResponsibilityRules } from "../repositories/ozgResponsibilityRepository.ts";
import { writeStatusRecords } from "../repositories/ozgAdoptionRepository.ts";
import { useTestDatabase } from "../testing/useTestDatabase.ts";
import { seedOzgAdoption } from "./seedOzgAdoption.ts";

const database = useTestDatabase();

async function counts() {
  const [row] = await database.db.query<{
    demo: number;
    people: number;
    services: number;
    offers: number;
    rules: number;
  }>(sql`SELECT
      (SELECT count(*)::int FROM ozg_adoption WHERE quality = 'demo')
        + (SELECT count(*)::int FROM ozg_onboarding WHERE quality = 'demo') AS demo,
      (SELECT count(*)::int FROM ozg_adoption WHERE quality <> 'demo') AS people,
      (SELECT count(*)::int FROM online_service) AS services,
      (SELECT count(*)::int FROM exchange_offer) AS offers,
      (SELECT count(*)::int FROM ozg_responsibility_rule) AS rules`);
  return row!;
}

describe("OZG seed", () => {
  it("seeds the documented rule: every LeiKa-Typ and the Leistungen of the Leistungsbereiche", async () => {
    const rules = await listResponsibilityRules(database.db);
    expect(rules.filter((rule) => rule.scope === "leika_typ")).toHaveLength(5);
    const melde = rules.find((rule) => rule.ozgId === 10124);
    expect(melde?.responsibleTypes).toContain("kreisangehoerige_gemeinde");
    expect(melde?.responsibleTypes).not.toContain("kreis");
    expect(melde?.basis).toMatch(/Einwohnerwesen/);
  });

  it("labels every demo record and is idempotent", async () => {
    const before = await counts();
    expect(before.demo).toBeGreaterThan(1000);
    expect(before.offers).toBe(3);
    const result = await seedOzgAdoption(database.db, true);
    expect(result).toMatchObject({ rulesSeeded: false, demoApplied: false });
    expect(await counts()).toEqual(before);
  });

  it("keeps records people entered and rules they edited when demo data is removed and re-seeded", async () => {
    await database.db.transaction(async (tx) => {
      await writeStatusRecords(
        tx,
        [
          {
            organisationKey: "05766020",
            ozgId: 10124,
            component: null,
            status: "online",
            onlineServiceId: null,
            plannedDate: null,
            informationSource: "Test",
            informationDate: "2026-01-01",
            note: null,
            quality: "self_reported",
          },
        ],
        "test",
      );
      await tx.query(
        sql`UPDATE ozg_responsibility_rule SET basis = 'geändert' WHERE leika_type = '5'`,
      );
    });
    const removed = await seedOzgAdoption(database.db, false);
    expect(removed.demoRemoved).toBe(true);
    expect(await counts()).toMatchObject({ demo: 0, people: 1, offers: 0 });
    const reseeded = await seedOzgAdoption(database.db, true);
    expect(reseeded.demoApplied).toBe(true);
    const after = await counts();
    expect(after.people).toBe(1);
    expect(after.demo).toBeGreaterThan(1000);
    const [record] = await database.db.query<{ quality: string }>(
      sql`SELECT quality FROM ozg_adoption WHERE organisation_key = '05766020' AND ozg_id = 10124`,
    );
    expect(record?.quality).toBe("self_reported");
    const rules = await listResponsibilityRules(database.db);
    expect(rules.find((rule) => rule.leikaType === "5")?.basis).toBe("geändert");
  });
});
