import { describe, expect, it } from "vitest";
import { sql } from "../client/sql.ts";
import { useTestDatabase } from "../testing/useTestDatabase.ts";
import {
  applySourcingImport,
  listSourcingVersions,
  loadImportReferences,
  type SourcingImportVersion,
} from "./sourcingImportRepository.ts";

const database = useTestDatabase();

/** New closed versions far in the future (no open version is touched). */
async function versions(count: number): Promise<SourcingImportVersion[]> {
  const references = await loadImportReferences(database.db);
  const kommunen = references.organisations.filter(
    (organisation) => organisation.kind === "gemeinde",
  );
  const domains = references.domains.filter((domain) => !domain.isGroup);
  return Array.from({ length: count }, (_, index) => ({
    organisationKey: kommunen[index % kommunen.length]?.key ?? "",
    domainId: domains[Math.floor(index / kommunen.length) % domains.length]?.id ?? "",
    // Unique per Kommune × domain, so one version each day.
    validFrom: `${2100 + Math.floor(index / (kommunen.length * domains.length))}-01-01`,
    content: {
      operatingModel: "eigenbetrieb",
      providerId: null,
      partnerKey: null,
      productId: null,
      runningCost: index,
      investmentCost: null,
      volume: null,
      contractEnd: null,
      satisfaction: null,
    },
    note: null,
    quality: "user",
  }));
}

async function count(): Promise<number> {
  const [row] = await database.db.query<{ count: number }>(
    sql`SELECT count(*)::int AS count FROM sourcing WHERE valid_from >= '2100-01-01'`,
  );
  return row?.count ?? 0;
}

describe("applySourcingImport in bulk", () => {
  it("writes a large import and switches the per-row foreign-key checks back on", async () => {
    const rows = await versions(6_000);
    const open = new Map(
      (await listSourcingVersions(database.db))
        .filter((version) => version.validTo === null)
        .map((version) => [
          `${version.organisationKey}|${version.domainId}`,
          { id: version.id, validFrom: version.validFrom },
        ]),
    );
    const role = await database.db.transaction(async (tx) => {
      await applySourcingImport(tx, rows, open, "Import Test");
      const [setting] = await tx.query<{ role: string }>(
        sql`SELECT current_setting('session_replication_role') AS role`,
      );
      return setting?.role;
    });
    expect(role).toBe("origin");
    expect(await count()).toBe(6_000);
    const [lineage] = await database.db.query<{ missing: number }>(sql`
      SELECT count(*)::int AS missing FROM sourcing s
      WHERE s.valid_from >= '2100-01-01' AND s.predecessor_id IS NULL`);
    // Only the first version of a Kommune × domain without a stored one has no predecessor.
    const fresh = new Set(
      rows.map((row) => `${row.organisationKey}|${row.domainId}`).filter((key) => !open.has(key)),
    );
    expect(lineage?.missing).toBe(fresh.size);
    const [mismatch] = await database.db.query<{ count: number }>(sql`
      SELECT count(*)::int AS count FROM sourcing s JOIN sourcing p ON p.id = s.predecessor_id
      WHERE s.valid_from >= '2100-01-01'
        AND (p.organisation_key <> s.organisation_key OR p.domain_id <> s.domain_id)`);
    expect(mismatch?.count).toBe(0);
  }, 60_000);

  it("refuses a large import with an unknown reference and writes nothing", async () => {
    const before = await count();
    const rows = await versions(6_000);
    const broken = rows.map((row, index) =>
      index === 4_321 ? { ...row, domainId: "gibt-es-nicht" } : row,
    );
    await expect(
      database.db.transaction((tx) => applySourcingImport(tx, broken, new Map(), "Import Test")),
    ).rejects.toThrow(/unbekannten Schlüssel/);
    expect(await count()).toBe(before);
  }, 60_000);
});
