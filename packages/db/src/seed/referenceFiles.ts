import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's shipped reference data (never ../shared at run time). */
export const DEFAULT_REFERENCE_DIR = fileURLToPath(new URL("../../../../data/", import.meta.url));

/** Files the reference seed reads; their content hash is the seeded data version. */
export const REFERENCE_FILES = [
  "sources.csv",
  "nrw_landschaftsverbaende.csv",
  "nrw_regierungsbezirke.csv",
  "nrw_kreise.csv",
  "nrw_gemeinden.csv",
  "kdn_ozgdb_2019_kommunen.csv",
  "nrw_gemeinden.geojson",
  "nrw_kreise.geojson",
  "nrw_regierungsbezirke.geojson",
  "nrw_it_dienstleister.csv",
  "nrw_stadt_it_dienstleister.csv",
  "nrw_it_dienstleister_mitgliedschaften.csv",
  "nrw_it_dienstleister_ereignisse.csv",
  "ozg_themenfelder.csv",
  "ozg_lebenslagen.csv",
  "ozg_leistungen.csv",
  "ozg_leika_leistungen.csv",
  "leistungsbereiche.csv",
  "leistungsbereiche_ozg.csv",
  "produkte.csv",
] as const;

// Bump when the seed's mapping logic changes, so existing databases are re-seeded.
const SEED_LOGIC_VERSION = "4";

/** Content hash of the reference files plus the seed logic version. */
export async function referenceDataVersion(directory: string): Promise<string> {
  const hash = createHash("sha256").update(SEED_LOGIC_VERSION);
  for (const file of REFERENCE_FILES) {
    hash.update(file).update(await readFile(join(directory, file)));
  }
  return hash.digest("hex").slice(0, 16);
}
