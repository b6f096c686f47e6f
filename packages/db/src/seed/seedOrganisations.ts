import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Queryable } from "../client/Database.ts";
import { insertRows } from "../client/insertRows.ts";
import { blankToNull, readCsv } from "./readCsv.ts";
import { upsertClause } from "./upsertClause.ts";

const ORGANISATION_COLUMNS = [
  "key",
  "kind",
  "ars",
  "name",
  "official_name",
  "municipality_type",
  "kreis_type",
  "kreisfrei",
  "kreis_key",
  "regierungsbezirk_key",
  "landschaftsverband_key",
  "seat",
  "population_zensus2022",
  "population_2018",
  "area_km2",
  "lat",
  "lon",
  "label_lat",
  "label_lon",
  "postcode",
  "nuts3",
  "website",
  "source_id",
  "as_of",
  "quality",
] as const;

type OrganisationRow = Record<(typeof ORGANISATION_COLUMNS)[number], unknown>;

function emptyRow(): OrganisationRow {
  return Object.fromEntries(
    ORGANISATION_COLUMNS.map((column) => [column, null]),
  ) as OrganisationRow;
}

function toValues(row: OrganisationRow): unknown[] {
  return ORGANISATION_COLUMNS.map((column) => row[column]);
}

function numberOrNull(value: string | undefined): number | null {
  const text = blankToNull(value);
  return text === null ? null : Number(text);
}

/** "Lippe" → "Kreis Lippe"; names that already say Kreis/Region stay as they are. */
export function kreisDisplayName(gv100Name: string, type: string): string {
  if (type === "staedteregion") return "StädteRegion Aachen";
  return /kreis/i.test(gv100Name) ? gv100Name : `Kreis ${gv100Name}`;
}

/**
 * Seeds Land, Landschaftsverbände, Regierungsbezirke, Kreise and Gemeinden with their
 * boundaries (upsert by key, so re-seeding keeps keys and references stable).
 */
export async function seedOrganisations(tx: Queryable, directory: string): Promise<void> {
  const [landschaftsverbaende, regierungsbezirke, kreise, gemeinden, websites] = await Promise.all([
    readCsv(directory, "nrw_landschaftsverbaende.csv"),
    readCsv(directory, "nrw_regierungsbezirke.csv"),
    readCsv(directory, "nrw_kreise.csv"),
    readCsv(directory, "nrw_gemeinden.csv"),
    readCsv(directory, "kdn_ozgdb_2019_kommunen.csv"),
  ]);
  const websiteByAgs = new Map(
    websites
      .filter((row) => row.matched_level === "gemeinde" && row.matched_ags)
      .map((row) => [row.matched_ags, row.website_in_source?.replace(/^https?:\/\//, "") ?? null]),
  );

  const rows: OrganisationRow[] = [];
  const population = gemeinden.reduce(
    (sum, row) => sum + Number(row.population_zensus2022 ?? 0),
    0,
  );
  const population2018 = gemeinden.reduce(
    (sum, row) => sum + Number(row.population_2018_12_31 ?? 0),
    0,
  );
  const area = gemeinden.reduce((sum, row) => sum + Number(row.area_km2 ?? 0), 0);
  rows.push({
    ...emptyRow(),
    key: "05",
    kind: "land",
    ars: "050000000000",
    name: "Nordrhein-Westfalen",
    official_name: "Land Nordrhein-Westfalen",
    seat: "Düsseldorf",
    population_zensus2022: population,
    population_2018: population2018,
    area_km2: Math.round(area * 100) / 100,
    source_id: "S2",
    as_of: "15.05.2022 (Summe der Gemeinden)",
    quality: "official",
  });
  for (const row of landschaftsverbaende) {
    rows.push({
      ...emptyRow(),
      key: row.id,
      kind: "landschaftsverband",
      name: row.name,
      seat: blankToNull(row.sitz),
      population_zensus2022: numberOrNull(row.population_zensus2022_sum),
      area_km2: numberOrNull(row.area_km2_sum),
      source_id: "S8",
      quality: "sourced",
    });
  }
  for (const row of regierungsbezirke) {
    rows.push({
      ...emptyRow(),
      key: row.regbez_code,
      kind: "regierungsbezirk",
      ars: row.ars,
      name: `Regierungsbezirk ${row.name}`,
      official_name: blankToNull(row.name_gv100),
      landschaftsverband_key: row.landschaftsverband,
      seat: blankToNull(row.sitz),
      population_zensus2022: numberOrNull(row.population_zensus2022_sum),
      population_2018: numberOrNull(row.population_2018_12_31_sum),
      area_km2: numberOrNull(row.area_km2_sum),
      source_id: "S3",
      as_of: "31.03.2017",
      quality: "official",
    });
  }
  const landschaftsverbandByRegbez = new Map(
    regierungsbezirke.map((row) => [row.regbez_code, row.landschaftsverband]),
  );
  for (const row of kreise.filter((kreis) => kreis.type !== "kreisfreie_stadt")) {
    rows.push({
      ...emptyRow(),
      key: row.kreis_ags,
      kind: "kreis",
      ars: row.ars,
      name: kreisDisplayName(row.name ?? "", row.type ?? ""),
      official_name: blankToNull(row.name),
      kreis_type: row.type,
      kreisfrei: false,
      regierungsbezirk_key: row.regbez_code,
      landschaftsverband_key: landschaftsverbandByRegbez.get(row.regbez_code ?? "") ?? null,
      seat: blankToNull(row.sitz),
      population_zensus2022: numberOrNull(row.population_zensus2022_sum),
      population_2018: numberOrNull(row.population_2018_12_31_sum),
      area_km2: numberOrNull(row.area_km2_sum),
      source_id: "S3",
      as_of: "31.03.2017",
      quality: "official",
    });
  }
  for (const row of gemeinden) {
    const kreisfrei = row.kreisfrei === "true";
    rows.push({
      ...emptyRow(),
      key: row.ags,
      kind: "gemeinde",
      ars: row.ars,
      name: row.name,
      official_name: blankToNull(row.name_official_zensus2022),
      municipality_type: row.municipality_type,
      kreisfrei,
      kreis_key: kreisfrei ? null : row.kreis_ags,
      regierungsbezirk_key: row.regbez_code,
      landschaftsverband_key: row.landschaftsverband,
      seat: row.name,
      population_zensus2022: numberOrNull(row.population_zensus2022),
      population_2018: numberOrNull(row.population_2018_12_31),
      area_km2: numberOrNull(row.area_km2),
      lat: numberOrNull(row.lat),
      lon: numberOrNull(row.lon),
      label_lat: numberOrNull(row.label_point_lat),
      label_lon: numberOrNull(row.label_point_lon),
      postcode: blankToNull(row.plz),
      nuts3: blankToNull(row.nuts3),
      website: websiteByAgs.get(row.ags ?? "") ?? null,
      source_id: "S2",
      as_of: "15.05.2022",
      quality: "official",
    });
  }
  await insertRows(
    tx,
    "organisation",
    ORGANISATION_COLUMNS,
    rows.map(toValues),
    // Postcode and website that a person changed by an import stay (their fact says so).
    upsertClause("key", ORGANISATION_COLUMNS).replace(
      /(postcode|website) = EXCLUDED\.\1/g,
      `$1 = CASE WHEN EXISTS (SELECT 1 FROM organisation_fact f
         WHERE f.organisation_key = organisation.key AND f.attribute = '$1' AND f.quality = 'user')
         THEN organisation.$1 ELSE EXCLUDED.$1 END`,
    ),
  );
  await seedOrganisationFacts(tx, rows);
  await seedBoundaries(tx, directory);
}

const FACT_COLUMNS = [
  "organisation_key",
  "attribute",
  "source_id",
  "as_of",
  "evidence_date",
  "quality",
] as const;

/**
 * Where each attribute of a Gemeinde or Kreis comes from (ADR 0024): names, area and postcode
 * from the statistical offices' registers, the population from the Zensus 2022 (amtlich), the
 * website from the KDN OZG database 2019 (belegt). The evidence date is the register's or
 * census's reference day; for „Herbst 2019“ its first day.
 */
function factsOf(row: OrganisationRow): unknown[][] {
  const key = row.key;
  if (row.kind !== "gemeinde" && row.kind !== "kreis") return [];
  const gemeinde = row.kind === "gemeinde";
  const facts: unknown[][] = [
    gemeinde
      ? [key, "name", "S2", "15.05.2022", "2022-05-15", "official"]
      : [key, "name", "S3", "31.03.2017", "2017-03-31", "official"],
    [
      key,
      "population",
      "S2",
      gemeinde ? "15.05.2022" : "15.05.2022 (Summe der Gemeinden)",
      "2022-05-15",
      "official",
    ],
    [
      key,
      "area",
      "S1",
      gemeinde ? "31.12.2018" : "31.12.2018 (Summe der Gemeinden)",
      "2018-12-31",
      "official",
    ],
  ];
  if (row.postcode !== null)
    facts.push([key, "postcode", "S1", "31.12.2018", "2018-12-31", "official"]);
  if (row.website !== null)
    facts.push([key, "website", "S5", "Herbst 2019", "2019-09-01", "sourced"]);
  return facts;
}

async function seedOrganisationFacts(tx: Queryable, rows: readonly OrganisationRow[]) {
  // A value a person changed (an import: quality „manuell erfasst“) is not overwritten; a
  // re-seed keeps the recording time unless the source or its date changed.
  await insertRows(
    tx,
    "organisation_fact",
    FACT_COLUMNS,
    rows.flatMap(factsOf),
    `ON CONFLICT (organisation_key, attribute) DO UPDATE SET
       source_id = EXCLUDED.source_id, as_of = EXCLUDED.as_of,
       evidence_date = EXCLUDED.evidence_date, quality = EXCLUDED.quality,
       recorded_at = CASE
         WHEN organisation_fact.source_id IS DISTINCT FROM EXCLUDED.source_id
           OR organisation_fact.evidence_date IS DISTINCT FROM EXCLUDED.evidence_date
         THEN now() ELSE organisation_fact.recorded_at END
     WHERE organisation_fact.quality IN ('official', 'sourced')`,
  );
}

interface FeatureCollection {
  features: Array<{ properties: Record<string, string>; geometry: unknown }>;
}

async function readGeoJson(directory: string, file: string): Promise<FeatureCollection> {
  return JSON.parse(await readFile(join(directory, file), "utf8")) as FeatureCollection;
}

async function seedBoundaries(tx: Queryable, directory: string): Promise<void> {
  const [gemeinden, kreise, regierungsbezirke] = await Promise.all([
    readGeoJson(directory, "nrw_gemeinden.geojson"),
    readGeoJson(directory, "nrw_kreise.geojson"),
    readGeoJson(directory, "nrw_regierungsbezirke.geojson"),
  ]);
  const rows: Array<[string, string]> = [
    ...gemeinden.features.map((f): [string, string] => [
      f.properties.ags ?? "",
      JSON.stringify(f.geometry),
    ]),
    // kreisfreie Städte are Gemeinden; their Kreis-level polygon would duplicate them.
    ...kreise.features
      .filter((f) => f.properties.type !== "kreisfreie_stadt")
      .map((f): [string, string] => [f.properties.kreis_ags ?? "", JSON.stringify(f.geometry)]),
    ...regierungsbezirke.features.map((f): [string, string] => [
      f.properties.regbez_code ?? "",
      JSON.stringify(f.geometry),
    ]),
  ];
  await insertRows(
    tx,
    "boundary",
    ["organisation_key", "geometry"],
    rows,
    upsertClause("organisation_key", ["organisation_key", "geometry"]),
  );
}
