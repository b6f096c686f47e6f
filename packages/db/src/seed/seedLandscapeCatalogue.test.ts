import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Queryable } from "../client/Database.ts";
import { sql } from "../client/sql.ts";
import { listProducts } from "../repositories/productRepository.ts";
import { listServiceDomains } from "../repositories/serviceDomainRepository.ts";
import { useTestDatabase } from "../testing/useTestDatabase.ts";
import { DEFAULT_REFERENCE_DIR } from "./referenceFiles.ts";
import {
  LANDSCAPE_CATALOGUE_FILES,
  PRODUCT_CATALOGUE_EVIDENCE,
  seedLandscapeCatalogue,
} from "./seedLandscapeCatalogue.ts";

const database = useTestDatabase();

async function seedCatalogue(directory = DEFAULT_REFERENCE_DIR): Promise<void> {
  await database.db.transaction((tx) => seedLandscapeCatalogue(tx, directory));
}

async function catalogueCounts(db: Queryable): Promise<Record<string, number>> {
  const [row] = await db.query<Record<string, number>>(
    sql`SELECT (SELECT count(*)::int FROM service_domain) AS domains,
               (SELECT count(*)::int FROM service_domain_ozg) AS ozg_links,
               (SELECT count(*)::int FROM product) AS products,
               (SELECT count(*)::int FROM product_domain) AS product_domains`,
  );
  return row ?? {};
}

describe("landscape catalogue seed", () => {
  // The shared test template may not contain the catalogue yet, so seed it here.
  beforeAll(() => seedCatalogue());

  it("ships four groups and about thirty Leistungsbereiche", async () => {
    const domains = await listServiceDomains(database.db);
    const groups = domains.filter((domain) => domain.isGroup);
    const leaves = domains.filter((domain) => !domain.isGroup);
    expect(groups.map((group) => group.id).sort()).toEqual([
      "digitale-dienste",
      "fachverfahren",
      "infrastruktur",
      "querschnitt",
    ]);
    expect(leaves.length).toBeGreaterThanOrEqual(25);
    expect(leaves.length).toBeLessThanOrEqual(35);
  });

  it("gives every Leistungsbereich a volume unit and at least one responsible type", async () => {
    const leaves = (await listServiceDomains(database.db)).filter((domain) => !domain.isGroup);
    for (const leaf of leaves) {
      expect(leaf.volumeUnit, leaf.id).not.toBeNull();
      expect(leaf.responsibleTypes.length, leaf.id).toBeGreaterThan(0);
    }
  });

  it("makes Einwohnerwesen a Gemeinde task, not a Kreis task", async () => {
    // Meldebehörden sind die Gemeinden als örtliche Ordnungsbehörden (§ 1 MG NRW).
    const domain = (await listServiceDomains(database.db)).find((d) => d.id === "einwohnerwesen");
    expect(domain?.responsibleTypes).toContain("kreisangehoerige_gemeinde");
    expect(domain?.responsibleTypes).not.toContain("kreis");
    expect(domain?.responsibleTypes).not.toContain("staedteregion");
  });

  it("makes Kfz-Zulassung a Kreis task", async () => {
    // Zulassungsbehörden sind die Kreisordnungsbehörden (FZV, ZustVO Straßenverkehr NRW).
    const domain = (await listServiceDomains(database.db)).find((d) => d.id === "kfz-zulassung");
    expect(domain?.responsibleTypes).toEqual(
      expect.arrayContaining(["kreis", "staedteregion", "kreisfreie_stadt"]),
    );
    expect(domain?.responsibleTypes).not.toContain("kreisangehoerige_gemeinde");
  });

  it("links Leistungsbereiche only to existing OZG-Leistungen", async () => {
    const [row] = await database.db.query<{ links: number; dangling: number }>(
      sql`SELECT count(*)::int AS links, count(*) FILTER (WHERE l.id IS NULL)::int AS dangling
          FROM service_domain_ozg o LEFT JOIN ozg_leistung l ON l.id = o.ozg_id`,
    );
    expect(row?.links).toBeGreaterThan(0);
    expect(row?.dangling).toBe(0);
    const einwohnerwesen = (await listServiceDomains(database.db)).find(
      (domain) => domain.id === "einwohnerwesen",
    );
    expect(einwohnerwesen?.ozgIds).toContain(10124); // Wohnsitzmeldungen
  });

  it("labels every product as demo data and assigns it to a Leistungsbereich", async () => {
    const products = await listProducts(database.db);
    expect(products.length).toBeGreaterThan(0);
    for (const product of products) {
      expect(product.domainIds.length, product.id).toBeGreaterThan(0);
      expect(product.provenance).toMatchObject({
        quality: "demo",
        sourceId: null,
        evidence: PRODUCT_CATALOGUE_EVIDENCE,
      });
    }
  });

  it("is idempotent: seeding again changes nothing", async () => {
    const counts = await catalogueCounts(database.db);
    const domains = await listServiceDomains(database.db);
    await seedCatalogue();
    await seedCatalogue();
    expect(await catalogueCounts(database.db)).toEqual(counts);
    expect(await listServiceDomains(database.db)).toEqual(domains);
  });

  it("rejects invalid shipped data naming file, line and column", async () => {
    const directory = await mkdtemp(join(tmpdir(), "atlas-catalogue-"));
    try {
      for (const file of LANDSCAPE_CATALOGUE_FILES) {
        await copyFile(join(DEFAULT_REFERENCE_DIR, file), join(directory, file));
      }
      const domains = await readFile(join(directory, "leistungsbereiche.csv"), "utf8");
      await writeFile(
        join(directory, "leistungsbereiche.csv"),
        domains.replace(",false,einwohner,", ",false,buerger,"),
      );
      await expect(seedCatalogue(directory)).rejects.toThrow(
        /leistungsbereiche\.csv, Zeile \d+, Spalte volume_unit: ungültiger Wert „buerger“/,
      );
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
