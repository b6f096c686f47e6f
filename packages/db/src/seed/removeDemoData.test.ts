import { describe, expect, it } from "vitest";
import { sql } from "../client/sql.ts";
import { migrate } from "../migrate/migrate.ts";
import { changeSourcing } from "../repositories/sourcingRepository.ts";
import { writeStatusRecords } from "../repositories/ozgAdoptionRepository.ts";
import { useTestDatabase } from "../testing/useTestDatabase.ts";
import { findCarriedDemoValues } from "./removeDemoData.ts";
import { seedDemoLandscape } from "./seedDemoLandscape.ts";
import { seedReferenceData } from "./seedReferenceData.ts";

const database = useTestDatabase();

interface OpenRow {
  id: number;
  organisation_key: string;
  domain_id: string;
  operating_model: "eigenbetrieb" | "it_dienstleister";
  provider_id: string | null;
  product_id: string | null;
  running_cost: string | null;
  volume: string | null;
  satisfaction: number | null;
  valid_from: string;
}

/** A satisfaction the person enters, different from the demo value. */
const otherSatisfaction = (row: OpenRow) => (row.satisfaction === 5 ? 1 : 5);

/** Counts the synthetic rows of every table that holds some. */
async function demoCounts(): Promise<Record<string, number>> {
  const [row] = await database.db.query<Record<string, number>>(sql`
    SELECT (SELECT count(*)::int FROM sourcing WHERE quality = 'demo') AS sourcing,
           (SELECT count(*)::int FROM provider_offer WHERE quality = 'demo') AS offers,
           (SELECT count(*)::int FROM product WHERE quality = 'demo') AS products,
           (SELECT count(*)::int FROM provider WHERE quality = 'demo') AS providers,
           (SELECT count(*)::int FROM reorganisation WHERE applied_by = 'demo-seed') AS reorganisations,
           (SELECT count(*)::int FROM online_service WHERE quality = 'demo') AS services,
           (SELECT count(*)::int FROM ozg_adoption WHERE quality = 'demo') AS adoption,
           (SELECT count(*)::int FROM ozg_onboarding WHERE quality = 'demo') AS onboarding,
           (SELECT count(*)::int FROM exchange_offer WHERE quality = 'demo') AS exchange`);
  return row ?? {};
}

describe("findCarriedDemoValues", () => {
  const row = (id: number, predecessor: number | null, quality: string, cost: string | null) => ({
    id,
    predecessor_id: predecessor,
    quality,
    running_cost: cost,
    investment_cost: null,
    volume: null,
    contract_end: null,
    satisfaction: null,
    product_id: null,
  });

  it("clears a value carried unchanged from a demo row, also through a later person row", () => {
    const clear = findCarriedDemoValues([
      row(1, null, "demo", "100.00"),
      row(2, 1, "user", "100.00"),
      row(3, 2, "user", "100.00"),
    ]);
    expect(clear.get(2)).toEqual(["running_cost"]);
    expect(clear.get(3)).toEqual(["running_cost"]);
  });

  it("keeps a value the person changed, and values of rows without a demo ancestor", () => {
    const clear = findCarriedDemoValues([
      row(1, null, "demo", "100.00"),
      row(2, 1, "user", "120.00"),
      row(3, 2, "user", "120.00"),
      row(4, null, "user", "5.00"),
      row(5, 4, "user", "5.00"),
    ]);
    expect(clear.size).toBe(0);
  });
});

describe("the seeded demo landscape", () => {
  it("attaches Kommunen without a sourced relation only to fictitious demo providers", async () => {
    // Witten, Unna, Heinsberg and Leverkusen have no sourced relation to a kommunal provider.
    const rows = await database.db.query<{ organisation_key: string; provider_id: string }>(sql`
      SELECT DISTINCT s.organisation_key, s.provider_id FROM sourcing s JOIN provider p ON p.id = s.provider_id
      WHERE s.quality = 'demo' AND p.quality <> 'demo'
        AND s.organisation_key IN ('05954036', '05978036', '05370016', '05316000')
        AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.organisation_key = s.organisation_key
                          AND m.provider_id = s.provider_id)
        AND NOT EXISTS (SELECT 1 FROM provider o WHERE o.id = s.provider_id AND o.owner_key = s.organisation_key)`);
    expect(rows).toEqual([]);
    const [demoRows] = await database.db.query<{ count: number }>(sql`
      SELECT count(*)::int AS count FROM sourcing s JOIN provider p ON p.id = s.provider_id
      WHERE s.quality = 'demo' AND p.quality = 'demo' AND p.name LIKE 'Demo-Dienstleister %'`);
    expect(demoRows?.count).toBeGreaterThan(0);
    const services = await database.db.query<{ name: string; operator: string | null }>(sql`
      SELECT s.name, p.quality AS operator FROM online_service s LEFT JOIN provider p ON p.id = s.operator_provider_id
      WHERE s.quality = 'demo'`);
    expect(services.length).toBeGreaterThan(10);
    for (const service of services) {
      expect(service.name).toMatch(/\(Demo\)$/);
      expect(service.operator).toBe("demo");
    }
  });
});

describe("removing the demo landscape from a used database (ATLAS_DEMO=0, atlas demo remove)", () => {
  it("starts after people edited demo rows, removes every synthetic row and keeps the edits", async () => {
    const db = database.db;
    // A person edits two demo rows: one keeps the demo cost (carried over), one changes it.
    const open = await db.query<OpenRow>(sql`
      SELECT id, organisation_key, domain_id, operating_model, provider_id, product_id,
             running_cost::text AS running_cost, volume::text AS volume, satisfaction,
             valid_from::text AS valid_from
      FROM sourcing WHERE quality = 'demo' AND valid_to IS NULL AND operating_model = 'eigenbetrieb'
        AND running_cost IS NOT NULL AND volume IS NOT NULL AND product_id IS NOT NULL
        AND valid_from < '2026-01-01' ORDER BY id LIMIT 2`);
    expect(open).toHaveLength(2);
    const [carried, changed] = open as [OpenRow, OpenRow];
    await db.query(sql`INSERT INTO product (id, name, vendor, lifecycle, quality)
      VALUES ('eigenes-verfahren', 'Eigenes Verfahren', 'Eigenentwicklung', 'aktiv', 'user')`);
    await db.query(sql`INSERT INTO product_domain (product_id, domain_id)
      VALUES ('eigenes-verfahren', ${changed.domain_id})`);
    const personal = await db.transaction(async (tx) => {
      const edit = (row: OpenRow, values: { runningCost: number; productId: string | null }) =>
        changeSourcing(
          tx,
          row.organisation_key,
          row.domain_id,
          {
            operatingModel: "eigenbetrieb",
            providerId: null,
            partnerAgs: null,
            productId: values.productId,
            runningCost: values.runningCost,
            investmentCost: null,
            volume: Number(row.volume) + 1,
            contractEnd: null,
            satisfaction: otherSatisfaction(row),
            validFrom: "2026-09-01",
            note: null,
          },
          { quality: "user", reason: "Korrektur durch die Kommune" },
        );
      return [
        await edit(carried, {
          runningCost: Number(carried.running_cost),
          productId: carried.product_id,
        }),
        await edit(changed, { runningCost: 4321, productId: "eigenes-verfahren" }),
      ];
    });
    // A person's OZG record names a demo online service.
    const [service] = await db.query<{ id: string; ozg_id: number }>(sql`
      SELECT s.id, x.ozg_id FROM online_service s JOIN online_service_leistung x ON x.service_id = s.id
      WHERE s.quality = 'demo' ORDER BY s.id, x.ozg_id LIMIT 1`);
    expect(service).toBeDefined();
    await db.transaction((tx) =>
      writeStatusRecords(
        tx,
        [
          {
            organisationKey: carried.organisation_key,
            ozgId: service!.ozg_id,
            component: null,
            status: "in_anbindung",
            onlineServiceId: service!.id,
            plannedDate: null,
            informationSource: "Auskunft der Kommune",
            informationDate: "2026-09-01",
            note: null,
            quality: "self_reported",
          },
        ],
        "bearbeiter@example.org",
      ),
    );
    expect((await demoCounts()).sourcing).toBeGreaterThan(0);

    // The start sequence of the server with ATLAS_DEMO=0.
    await migrate(db);
    await seedReferenceData(db);
    const result = await seedDemoLandscape(db, false);
    expect(result.removed).toBe(true);
    expect(await demoCounts()).toEqual({
      sourcing: 0,
      offers: 0,
      products: 0,
      providers: 0,
      reorganisations: 0,
      services: 0,
      adoption: 0,
      onboarding: 0,
      exchange: 0,
    });

    const kept = await db.query<{
      id: number;
      running_cost: string | null;
      volume: string | null;
      product_id: string | null;
      satisfaction: number | null;
      predecessor_id: number | null;
    }>(sql`SELECT id, running_cost::text AS running_cost, volume::text AS volume, product_id, satisfaction,
                  predecessor_id FROM sourcing WHERE id = ANY(${personal}::int[]) ORDER BY id`);
    expect(kept).toEqual([
      // The demo cost and product were carried over, not entered: "keine Angabe" now.
      {
        id: personal[0],
        running_cost: null,
        volume: (Number(carried.volume) + 1).toFixed(2),
        product_id: null,
        satisfaction: otherSatisfaction(carried),
        predecessor_id: null,
      },
      {
        id: personal[1],
        running_cost: "4321.00",
        volume: (Number(changed.volume) + 1).toFixed(2),
        product_id: "eigenes-verfahren",
        satisfaction: otherSatisfaction(changed),
        predecessor_id: null,
      },
    ]);
    const [record] = await db.query<{ status: string; online_service_id: string | null }>(sql`
      SELECT status, online_service_id FROM ozg_adoption
      WHERE organisation_key = ${carried.organisation_key} AND ozg_id = ${service!.ozg_id}`);
    expect(record).toEqual({ status: "in_anbindung", online_service_id: null });

    // A second start with ATLAS_DEMO=0 changes nothing; turning the demo on again works and
    // leaves the people's Kommune × Leistungsbereich pairs alone.
    expect((await seedDemoLandscape(db, false)).removed).toBe(false);
    const again = await seedDemoLandscape(db, true);
    expect(again.applied).toBe(true);
    expect((await demoCounts()).products).toBeGreaterThan(0);
    expect((await demoCounts()).providers).toBe(5);
    const pairRows = await db.query<{ quality: string }>(sql`
      SELECT quality FROM sourcing WHERE organisation_key = ${changed.organisation_key}
        AND domain_id = ${changed.domain_id}`);
    expect(pairRows).toEqual([{ quality: "user" }]);
    // Removing again after the re-seed works as well.
    await seedDemoLandscape(db, false);
    expect((await demoCounts()).sourcing).toBe(0);
    // Re-seeding the whole demo twice on two shared cores takes its time.
  }, 400_000);
});
