import type { Database, Queryable } from "../client/Database.ts";
import { insertRows } from "../client/insertRows.ts";
import { sql } from "../client/sql.ts";
import { bumpLandscapeRevision } from "../repositories/sourcingRepository.ts";
import { blankToNull, readCsv } from "./readCsv.ts";
import { DEFAULT_REFERENCE_DIR, referenceDataVersion } from "./referenceFiles.ts";
import { seedOrganisations } from "./seedOrganisations.ts";
import { seedLandscapeCatalogue } from "./seedLandscapeCatalogue.ts";
import { seedOzg } from "./seedOzg.ts";
import { seedProviders } from "./seedProviders.ts";
import { upsertClause } from "./upsertClause.ts";

/** What a seed run did. */
export interface SeedResult {
  version: string;
  /** False when this data version was already seeded (nothing written). */
  applied: boolean;
  milliseconds: number;
}

async function seedSources(tx: Queryable, directory: string): Promise<void> {
  const columns = ["id", "title", "publisher", "url", "licence", "attribution", "as_of", "note"];
  const rows = await readCsv(directory, "sources.csv");
  await insertRows(
    tx,
    "source",
    columns,
    rows.map((row) => columns.map((column) => blankToNull(row[column]))),
    upsertClause("id", columns),
  );
}

/**
 * Seeds the shipped NRW reference data in one transaction. Idempotent: a data version that is
 * already seeded is skipped; a new version updates rows in place and keeps public ids.
 */
export async function seedReferenceData(
  db: Database,
  directory = DEFAULT_REFERENCE_DIR,
): Promise<SeedResult> {
  const started = performance.now();
  const version = await referenceDataVersion(directory);
  const applied = await db.transaction(async (tx) => {
    const [state] = await tx.query<{ version: string }>(
      sql`SELECT version FROM seed_state WHERE name = 'reference' FOR UPDATE`,
    );
    if (state?.version === version) return false;
    await seedSources(tx, directory);
    await seedOrganisations(tx, directory);
    await seedProviders(tx, directory);
    await seedOzg(tx, directory);
    await seedLandscapeCatalogue(tx, directory);
    await tx.query(
      sql`INSERT INTO seed_state (name, version) VALUES ('reference', ${version})
          ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, seeded_at = now()`,
    );
    // Kommunen, providers and memberships are answered from caches of the landscape revision
    // (ADR 0019): a re-seed while servers run must reach them.
    await bumpLandscapeRevision(tx);
    return true;
  });
  return { version, applied, milliseconds: Math.round(performance.now() - started) };
}
