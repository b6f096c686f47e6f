import {
  ProductId,
  ProductLifecycle,
  ResponsibleType,
  ServiceDomainCategory,
  ServiceDomainId,
  VolumeUnit,
} from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { insertRows } from "../client/insertRows.ts";
import { sql } from "../client/sql.ts";
import { blankToNull, readCsv } from "./readCsv.ts";
import { upsertClause } from "./upsertClause.ts";

/** The shipped catalogue files in data/ (Leistungsbereiche, their OZG links, demo products). */
export const LANDSCAPE_CATALOGUE_FILES = [
  "leistungsbereiche.csv",
  "leistungsbereiche_ozg.csv",
  "produkte.csv",
] as const;
const [DOMAIN_FILE, OZG_FILE, PRODUCT_FILE] = LANDSCAPE_CATALOGUE_FILES;

/** The product catalogue has no public source: every product is synthetic (data/SOURCES.md). */
export const PRODUCT_CATALOGUE_EVIDENCE =
  "Demodaten (synthetisch): Produktkatalog ohne öffentliche Quelle";

const DOMAIN_COLUMNS = [
  "id",
  "parent_id",
  "name",
  "description",
  "category",
  "is_group",
  "volume_unit",
  "responsible_types",
  "responsibility_basis",
  "position",
] as const;
const PRODUCT_COLUMNS = [
  "id",
  "name",
  "vendor",
  "lifecycle",
  "description",
  "source_id",
  "source_urls",
  "as_of",
  "evidence",
  "quality",
] as const;

/** The part of a zod schema the validation needs (db does not depend on zod itself). */
interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** One record of a shipped CSV; every error names file, line and column. */
class CsvRecord {
  constructor(
    private readonly file: string,
    readonly line: number,
    private readonly record: Record<string, string>,
  ) {}

  fail(column: string, message: string): never {
    throw new Error(`${this.file}, Zeile ${this.line}, Spalte ${column}: ${message}`);
  }

  optional(column: string): string | null {
    return blankToNull(this.record[column]);
  }

  required(column: string, maxLength = Number.POSITIVE_INFINITY): string {
    const value = this.optional(column) ?? this.fail(column, "Wert fehlt");
    if (value.length > maxLength) this.fail(column, `länger als ${maxLength} Zeichen`);
    return value;
  }

  parse<T>(column: string, schema: Schema<T>, value = this.required(column)): T {
    const result = schema.safeParse(value);
    return result.success ? result.data : this.fail(column, `ungültiger Wert „${value}“`);
  }

  /** A `;`-separated list, each entry parsed and none repeated. */
  list<T>(column: string, schema: Schema<T>): T[] {
    const entries = (this.optional(column) ?? "").split(";").map((entry) => entry.trim());
    const values = entries.filter((entry) => entry.length > 0);
    if (new Set(values).size !== values.length) this.fail(column, "Eintrag doppelt");
    return values.map((value) => this.parse(column, schema, value));
  }

  boolean(column: string): boolean {
    const value = this.required(column);
    if (value !== "true" && value !== "false") this.fail(column, `„${value}“ ist nicht true/false`);
    return value === "true";
  }

  integer(column: string): number {
    const value = this.required(column);
    if (!/^-?\d+$/.test(value)) this.fail(column, `„${value}“ ist keine ganze Zahl`);
    return Number(value);
  }
}

async function readRecords(directory: string, file: string): Promise<CsvRecord[]> {
  // Line 1 is the header; the files have no blank lines or line breaks inside fields.
  const rows = await readCsv(directory, file);
  return rows.map((row, index) => new CsvRecord(file, index + 2, row));
}

interface CatalogueDomain {
  id: ServiceDomainId;
  parentId: ServiceDomainId | null;
  category: ServiceDomainCategory;
  isGroup: boolean;
  values: unknown[];
}

function toDomain(record: CsvRecord): CatalogueDomain {
  const id = record.parse("id", ServiceDomainId);
  const parentValue = record.optional("parent_id");
  const parentId = parentValue === null ? null : record.parse("parent_id", ServiceDomainId);
  const category = record.parse("category", ServiceDomainCategory);
  const isGroup = record.boolean("is_group");
  const unitValue = record.optional("volume_unit");
  const volumeUnit = unitValue === null ? null : record.parse("volume_unit", VolumeUnit);
  const responsibleTypes = record.list("responsible_types", ResponsibleType);
  if (isGroup) {
    if (parentId !== null) record.fail("parent_id", "eine Gruppe hat keine Obergruppe");
    if (volumeUnit !== null) record.fail("volume_unit", "eine Gruppe hat keine Mengeneinheit");
    if (responsibleTypes.length > 0) record.fail("responsible_types", "bei Gruppen leer lassen");
  } else {
    if (parentId === null) record.fail("parent_id", "Leistungsbereich ohne Gruppe");
    if (volumeUnit === null) record.fail("volume_unit", "Mengeneinheit fehlt");
    if (responsibleTypes.length === 0) record.fail("responsible_types", "keine Kommunalart");
    // Required so that every responsibility stays justified.
    record.required("responsibility_basis");
  }
  const values = [
    id,
    parentId,
    record.required("name", 120),
    record.optional("description"),
    category,
    isGroup,
    volumeUnit,
    responsibleTypes,
    record.optional("responsibility_basis"),
    record.integer("position"),
  ];
  return { id, parentId, category, isGroup, values };
}

async function readDomains(directory: string): Promise<CatalogueDomain[]> {
  const entries = (await readRecords(directory, DOMAIN_FILE)).map((record) => ({
    record,
    domain: toDomain(record),
  }));
  const byId = new Map<string, CatalogueDomain>();
  for (const { record, domain } of entries) {
    if (byId.has(domain.id)) record.fail("id", `„${domain.id}“ ist doppelt`);
    byId.set(domain.id, domain);
  }
  for (const { record, domain } of entries) {
    if (domain.parentId === null) continue;
    const parent =
      byId.get(domain.parentId) ?? record.fail("parent_id", `unbekannt: „${domain.parentId}“`);
    if (!parent.isGroup) record.fail("parent_id", `„${parent.id}“ ist keine Gruppe`);
    if (parent.category !== domain.category) {
      record.fail("category", `weicht von der Gruppe „${parent.id}“ ab`);
    }
  }
  return entries.map(({ domain }) => domain);
}

function leafIdParser(leafIds: ReadonlySet<string>): Schema<string> {
  return {
    safeParse: (value) =>
      typeof value === "string" && leafIds.has(value)
        ? { success: true, data: value }
        : { success: false },
  };
}

async function readOzgLinks(
  tx: Queryable,
  directory: string,
  leafIds: ReadonlySet<string>,
): Promise<[string, number][]> {
  const leaf = leafIdParser(leafIds);
  const entries = (await readRecords(directory, OZG_FILE)).map((record) => ({
    record,
    link: [record.parse("domain_id", leaf), record.integer("ozg_id")] as [string, number],
  }));
  const ids = [...new Set(entries.map(({ link: [, ozgId] }) => ozgId))];
  const rows = await tx.query<{ id: number; name: string }>(
    sql`SELECT id, name FROM ozg_leistung WHERE id = ANY(${ids}::int[])`,
  );
  const nameById = new Map(rows.map((row) => [row.id, row.name]));
  const seen = new Set<string>();
  for (const {
    record,
    link: [domainId, ozgId],
  } of entries) {
    const name = nameById.get(ozgId) ?? record.fail("ozg_id", `OZG-Leistung ${ozgId} fehlt`);
    if (record.required("ozg_name") !== name) record.fail("ozg_name", `heißt „${name}“`);
    const key = `${domainId}/${ozgId}`;
    if (seen.has(key)) record.fail("ozg_id", `Verknüpfung ${key} ist doppelt`);
    seen.add(key);
  }
  return entries.map(({ link }) => link);
}

interface CatalogueProduct {
  id: string;
  values: unknown[];
  domainIds: string[];
}

async function readProducts(
  directory: string,
  leafIds: ReadonlySet<string>,
): Promise<CatalogueProduct[]> {
  const records = await readRecords(directory, PRODUCT_FILE);
  const leaf = leafIdParser(leafIds);
  const seen = new Set<string>();
  return records.map((record) => {
    const id = record.parse("id", ProductId);
    if (seen.has(id)) record.fail("id", `„${id}“ ist doppelt`);
    seen.add(id);
    const domainIds = record.list("domain_ids", leaf);
    if (domainIds.length === 0) record.fail("domain_ids", "kein Leistungsbereich");
    const values = [
      id,
      record.required("name", 120),
      record.required("vendor", 120),
      record.parse("lifecycle", ProductLifecycle),
      record.optional("description"),
      null,
      [],
      null,
      PRODUCT_CATALOGUE_EVIDENCE,
      "demo",
    ];
    return { id, values, domainIds };
  });
}

/**
 * Seeds the editable default catalogue of Leistungsbereiche with their OZG links and the
 * synthetic product catalogue from `directory`. Shipped data is validated first (an error
 * names file, line and column). Domains and products are upserted by id; their OZG and
 * domain links are replaced. Idempotent; rows no longer in the files are kept.
 */
export async function seedLandscapeCatalogue(tx: Queryable, directory: string): Promise<void> {
  const domains = await readDomains(directory);
  const leafIds = new Set(domains.filter((domain) => !domain.isGroup).map((domain) => domain.id));
  const links = await readOzgLinks(tx, directory, leafIds);
  const products = await readProducts(directory, leafIds);

  const upsertDomain = upsertClause("id", DOMAIN_COLUMNS);
  for (const isGroup of [true, false]) {
    const rows = domains.filter((domain) => domain.isGroup === isGroup);
    await insertRows(
      tx,
      "service_domain",
      DOMAIN_COLUMNS,
      rows.map((row) => row.values),
      upsertDomain,
    );
  }
  const domainIds = domains.map((domain) => domain.id);
  await tx.query(sql`DELETE FROM service_domain_ozg WHERE domain_id = ANY(${domainIds}::text[])`);
  await insertRows(tx, "service_domain_ozg", ["domain_id", "ozg_id"], links);

  await writeProducts(tx, products);
}

/**
 * Seeds (upserts) only the synthetic product catalogue from `directory` — the demo seed uses it
 * to bring back the catalogue that a demo removal deleted.
 */
export async function seedProductCatalogue(tx: Queryable, directory: string): Promise<void> {
  const domains = await readDomains(directory);
  const leafIds = new Set(domains.filter((domain) => !domain.isGroup).map((domain) => domain.id));
  await writeProducts(tx, await readProducts(directory, leafIds));
}

async function writeProducts(tx: Queryable, products: CatalogueProduct[]): Promise<void> {
  const productRows = products.map((product) => product.values);
  await insertRows(
    tx,
    "product",
    PRODUCT_COLUMNS,
    productRows,
    upsertClause("id", PRODUCT_COLUMNS),
  );
  const productIds = products.map((product) => product.id);
  await tx.query(sql`DELETE FROM product_domain WHERE product_id = ANY(${productIds}::text[])`);
  const productDomains = products.flatMap((product) =>
    product.domainIds.map((domainId) => [product.id, domainId]),
  );
  await insertRows(tx, "product_domain", ["product_id", "domain_id"], productDomains);
}
