import type {
  Organisation,
  OrganisationFactAttribute,
  OrganisationFacts,
  OrganisationKind,
  OrganisationRef,
  OrganisationSummary,
  MunicipalityType,
  SortDirection,
} from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { raw, sql, whereAll, type SqlFragment } from "../client/sql.ts";
import { toProvenance, type ProvenanceColumns } from "./provenanceColumns.ts";

interface OrganisationRow extends ProvenanceColumns {
  key: string;
  kind: OrganisationKind;
  ars: string | null;
  name: string;
  official_name: string | null;
  municipality_type: MunicipalityType | null;
  kreis_type: "kreis" | "staedteregion" | null;
  kreisfrei: boolean | null;
  kreis_key: string | null;
  kreis_name: string | null;
  regierungsbezirk_key: string | null;
  regierungsbezirk_name: string | null;
  landschaftsverband_key: string | null;
  landschaftsverband_name: string | null;
  seat: string | null;
  population_zensus2022: number | null;
  population_2018: number | null;
  area_km2: number | null;
  lat: number | null;
  lon: number | null;
  label_lat: number | null;
  label_lon: number | null;
  postcode: string | null;
  nuts3: string | null;
  website: string | null;
}

const SELECT_ORGANISATION = sql`
  SELECT o.*, k.name AS kreis_name, r.name AS regierungsbezirk_name,
         l.name AS landschaftsverband_name
  FROM organisation o
  LEFT JOIN organisation k ON k.key = o.kreis_key
  LEFT JOIN organisation r ON r.key = o.regierungsbezirk_key
  LEFT JOIN organisation l ON l.key = o.landschaftsverband_key`;

function ref(key: string | null, name: string | null, kind: OrganisationKind) {
  return key && name ? { key, name, kind } : null;
}

function point(lat: number | null, lon: number | null) {
  return lat !== null && lon !== null ? { lat, lon } : null;
}

function toOrganisation(row: OrganisationRow): Organisation {
  return {
    key: row.key,
    kind: row.kind,
    ars: row.ars,
    name: row.name,
    officialName: row.official_name,
    municipalityType: row.municipality_type,
    kreisType: row.kreis_type,
    kreisfrei: row.kreisfrei,
    kreis: ref(row.kreis_key, row.kreis_name, "kreis"),
    regierungsbezirk: ref(row.regierungsbezirk_key, row.regierungsbezirk_name, "regierungsbezirk"),
    landschaftsverband: ref(
      row.landschaftsverband_key,
      row.landschaftsverband_name,
      "landschaftsverband",
    ),
    seat: row.seat,
    populationZensus2022: row.population_zensus2022,
    population2018: row.population_2018,
    areaKm2: row.area_km2,
    location: point(row.lat, row.lon),
    labelPoint: point(row.label_lat, row.label_lon),
    postcode: row.postcode,
    nuts3: row.nuts3,
    website: row.website,
    provenance: toProvenance(row),
  };
}

function toSummary(organisation: Organisation): OrganisationSummary {
  const { key, kind, ars, name, municipalityType, kreisType, kreis, regierungsbezirk } =
    organisation;
  return {
    key,
    kind,
    ars,
    name,
    municipalityType,
    kreisType,
    kreis,
    regierungsbezirk,
    populationZensus2022: organisation.populationZensus2022,
    areaKm2: organisation.areaKm2,
  };
}

/** Sortable columns of the organisation list, mapped to trusted SQL. */
export const ORGANISATION_SORT_COLUMNS = {
  name: "o.name",
  key: "o.key",
  population: "o.population_zensus2022",
  area: "o.area_km2",
  kreis: "k.name",
} as const;
export type OrganisationSortColumn = keyof typeof ORGANISATION_SORT_COLUMNS;

/** Filters of the organisation list. */
export interface OrganisationFilter {
  q?: string | undefined;
  kind?: OrganisationKind | undefined;
  kreis?: string | undefined;
  regierungsbezirk?: string | undefined;
  municipalityType?: MunicipalityType | undefined;
  sort?: OrganisationSortColumn | undefined;
  direction?: SortDirection | undefined;
  page: number;
  pageSize: number;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function filterConditions(filter: OrganisationFilter): SqlFragment[] {
  const conditions: SqlFragment[] = [];
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q.toLowerCase())}%`;
    conditions.push(
      sql`(lower(o.name) LIKE ${pattern} OR lower(coalesce(o.official_name, '')) LIKE ${pattern} OR o.key LIKE ${pattern} OR o.ars LIKE ${pattern})`,
    );
  }
  if (filter.kind) conditions.push(sql`o.kind = ${filter.kind}`);
  if (filter.kreis)
    conditions.push(sql`(o.kreis_key = ${filter.kreis} OR o.key = ${filter.kreis})`);
  if (filter.regierungsbezirk) {
    conditions.push(sql`o.regierungsbezirk_key = ${filter.regierungsbezirk}`);
  }
  if (filter.municipalityType) {
    conditions.push(sql`o.municipality_type = ${filter.municipalityType}`);
  }
  return conditions;
}

/** Lists organisations with filters, sorting and paging. */
export async function listOrganisations(
  db: Queryable,
  filter: OrganisationFilter,
): Promise<{ items: OrganisationSummary[]; total: number }> {
  const where = whereAll(filterConditions(filter));
  const column = ORGANISATION_SORT_COLUMNS[filter.sort ?? "name"];
  const direction = filter.direction === "desc" ? "DESC" : "ASC";
  const offset = (filter.page - 1) * filter.pageSize;
  const [rows, [count]] = await Promise.all([
    db.query<OrganisationRow>(
      sql`${SELECT_ORGANISATION} ${where}
          ORDER BY ${raw(column)} ${raw(direction)} NULLS LAST, o.key
          LIMIT ${filter.pageSize} OFFSET ${offset}`,
    ),
    db.query<{ total: number }>(
      sql`SELECT count(*)::int AS total FROM organisation o
          LEFT JOIN organisation k ON k.key = o.kreis_key ${where}`,
    ),
  ]);
  return { items: rows.map(toOrganisation).map(toSummary), total: count?.total ?? 0 };
}

/** Finds one organisation by key (AGS, Kreisschlüssel, Regierungsbezirk code, …). */
export async function findOrganisation(
  db: Queryable,
  key: string,
): Promise<Organisation | undefined> {
  const [row] = await db.query<OrganisationRow>(sql`${SELECT_ORGANISATION} WHERE o.key = ${key}`);
  return row ? toOrganisation(row) : undefined;
}

/** Direct children: a Kreis's Gemeinden, a Regierungsbezirk's Kreise and kreisfreie Städte. */
export async function listChildOrganisations(
  db: Queryable,
  organisation: Pick<Organisation, "key" | "kind">,
): Promise<OrganisationRef[]> {
  let condition: SqlFragment;
  switch (organisation.kind) {
    case "kreis":
      condition = sql`kreis_key = ${organisation.key}`;
      break;
    case "regierungsbezirk":
      condition = sql`regierungsbezirk_key = ${organisation.key} AND (kind = 'kreis' OR kreisfrei)`;
      break;
    case "landschaftsverband":
      condition = sql`kind = 'regierungsbezirk' AND landschaftsverband_key = ${organisation.key}`;
      break;
    case "land":
      condition = sql`kind = 'regierungsbezirk'`;
      break;
    case "gemeinde":
      return [];
  }
  return db.query<OrganisationRef>(
    sql`SELECT key, name, kind FROM organisation WHERE ${condition} ORDER BY name`,
  );
}

type OrganisationFactRow = ProvenanceColumns & {
  organisation_key: string;
  attribute: OrganisationFactAttribute;
};

/**
 * Provenance of each attribute of the given Kommunen (ADR 0024), by key; attributes without a
 * recorded value are null. All Gemeinden and Kreise when `keys` is omitted.
 */
export async function listOrganisationFacts(
  db: Queryable,
  keys?: readonly string[],
): Promise<Map<string, OrganisationFacts>> {
  const rows = await db.query<OrganisationFactRow>(
    keys
      ? sql`SELECT * FROM organisation_fact WHERE organisation_key = ANY(${[...keys]}::text[])`
      : sql`SELECT * FROM organisation_fact`,
  );
  const facts = new Map<string, OrganisationFacts>();
  for (const row of rows) {
    const entry = facts.get(row.organisation_key) ?? emptyOrganisationFacts();
    entry[row.attribute] = toProvenance(row);
    facts.set(row.organisation_key, entry);
  }
  return facts;
}

/** Facts of an organisation without any recorded provenance. */
export function emptyOrganisationFacts(): OrganisationFacts {
  return { name: null, population: null, area: null, postcode: null, website: null };
}
