import type { OperatingModel, OrganisationKind, ProviderStatus } from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { sql } from "../client/sql.ts";
import { bumpLandscapeRevision, type ChangeContext } from "./sourcingRepository.ts";

/** What an import compares and writes of a sourcing version (its content, without provenance). */
export interface SourcingContent {
  operatingModel: OperatingModel;
  providerId: string | null;
  partnerKey: string | null;
  productId: string | null;
  runningCost: number | null;
  investmentCost: number | null;
  volume: number | null;
  contractEnd: string | null;
  satisfaction: number | null;
}

/** One stored sourcing version, as an import needs it. */
export interface SourcingVersionRecord extends SourcingContent {
  id: number;
  organisationKey: string;
  domainId: string;
  validFrom: string;
  validTo: string | null;
}

/** Everything an import resolves references against, read once per import. */
export interface ImportReferences {
  organisations: Array<{ key: string; ars: string | null; kind: OrganisationKind; name: string }>;
  domains: Array<{ id: string; name: string; isGroup: boolean; volumeUnit: string | null }>;
  providers: Array<{
    id: string;
    shortName: string;
    name: string;
    status: ProviderStatus;
    endedOn: string | null;
  }>;
  products: Array<{ id: string; name: string; vendor: string; domainIds: string[] }>;
}

/** Reads organisations, domains, providers and products for resolving import rows. */
export async function loadImportReferences(db: Queryable): Promise<ImportReferences> {
  const [organisations, domains, providers, products] = await Promise.all([
    db.query<ImportReferences["organisations"][number]>(
      sql`SELECT key, ars, kind, name FROM organisation`,
    ),
    db.query<ImportReferences["domains"][number]>(
      sql`SELECT id, name, is_group AS "isGroup", volume_unit AS "volumeUnit" FROM service_domain ORDER BY position, id`,
    ),
    db.query<ImportReferences["providers"][number]>(
      sql`SELECT id, short_name AS "shortName", name, status, ended_on::text AS "endedOn" FROM provider ORDER BY short_name`,
    ),
    db.query<ImportReferences["products"][number]>(
      sql`SELECT p.id, p.name, p.vendor,
            coalesce((SELECT array_agg(pd.domain_id ORDER BY pd.domain_id) FROM product_domain pd WHERE pd.product_id = p.id), '{}') AS "domainIds"
          FROM product p ORDER BY p.name`,
    ),
  ]);
  return { organisations, domains, providers, products };
}

/** Every sourcing version (all Kommunen, domains and days), oldest first per Kommune and domain. */
export async function listSourcingVersions(db: Queryable): Promise<SourcingVersionRecord[]> {
  return db.query<SourcingVersionRecord>(sql`
    SELECT id, organisation_key AS "organisationKey", domain_id AS "domainId",
           valid_from::text AS "validFrom", valid_to::text AS "validTo",
           operating_model AS "operatingModel", provider_id AS "providerId", partner_key AS "partnerKey",
           product_id AS "productId", running_cost AS "runningCost", investment_cost AS "investmentCost",
           volume, contract_end::text AS "contractEnd", satisfaction
    FROM sourcing ORDER BY organisation_key, domain_id, valid_from, id`);
}

/**
 * Blocks other sourcing writes until the import's transaction ends, so that the state the
 * import was checked against is the state it writes on (readers are not blocked).
 */
export async function lockSourcingForImport(tx: Queryable): Promise<void> {
  await tx.query(sql`LOCK TABLE sourcing IN SHARE ROW EXCLUSIVE MODE`);
}

/** One version an import writes: content of a Kommune × domain from `validFrom` on. */
export interface SourcingImportVersion {
  organisationKey: string;
  domainId: string;
  validFrom: string;
  content: SourcingContent;
  note: string | null;
  quality: ChangeContext["quality"];
}

/** Rows per statement: arrays keep the parameter count small whatever the chunk size. */
const CHUNK = 10_000;

function pick<T>(rows: readonly T[]) {
  return <V>(get: (row: T) => V): V[] => rows.map(get);
}

/**
 * What an import writes, grouped: open versions corrected in place, open versions closed, and
 * new versions in insert order. A new version's predecessor is the stored open version
 * (`predecessorId`) or an earlier new version of the same Kommune × domain
 * (`predecessorIndex`, an index into `inserts`). Plain data: it is prepared in the worker pool.
 */
export interface SourcingImportWrites {
  corrections: Array<SourcingImportVersion & { id: number }>;
  closings: Array<{ id: number; validTo: string }>;
  inserts: Array<
    SourcingImportVersion & {
      validTo: string | null;
      predecessorId: number | null;
      predecessorIndex: number | null;
    }
  >;
}

/**
 * Groups an import's versions into the writes of {@link writeSourcingImport} (no database):
 * per Kommune and domain the versions are applied by "Gültig ab"; the first one corrects the
 * open version in place when it starts on the same day, otherwise closes it; each further
 * version closes the one before (its `valid_to` is the next version's day) and points to it.
 * `open` holds the stored open version per `organisationKey|domainId`.
 */
export function prepareSourcingImport(
  versions: readonly SourcingImportVersion[],
  open: ReadonlyMap<string, { id: number; validFrom: string }>,
): SourcingImportWrites {
  const byKey = new Map<string, SourcingImportVersion[]>();
  for (const version of versions) {
    const key = `${version.organisationKey}|${version.domainId}`;
    const list = byKey.get(key) ?? [];
    list.push(version);
    byKey.set(key, list);
  }
  const writes: SourcingImportWrites = { corrections: [], closings: [], inserts: [] };
  for (const [key, list] of byKey) {
    list.sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    const stored = open.get(key);
    let rest = list;
    const first = list[0];
    if (stored && first && stored.validFrom === first.validFrom) {
      writes.corrections.push({ ...first, id: stored.id });
      rest = list.slice(1);
    }
    // The stored version (corrected or not) ends where the next imported version begins.
    if (stored && rest[0]) writes.closings.push({ id: stored.id, validTo: rest[0].validFrom });
    rest.forEach((version, index) => {
      writes.inserts.push({
        ...version,
        validTo: rest[index + 1]?.validFrom ?? null,
        predecessorId: index === 0 ? (stored?.id ?? null) : null,
        predecessorIndex: index === 0 ? null : writes.inserts.length - 1,
      });
    });
  }
  return writes;
}

/**
 * Writes an import's versions in the caller's transaction with the semantics of
 * `changeSourcing` ({@link prepareSourcingImport}), in a few bulk statements (arrays through
 * `unnest`).
 */
export async function applySourcingImport(
  tx: Queryable,
  versions: readonly SourcingImportVersion[],
  open: ReadonlyMap<string, { id: number; validFrom: string }>,
  reason: string,
): Promise<{ inserted: number; corrected: number }> {
  return writeSourcingImport(tx, prepareSourcingImport(versions, open), reason);
}

/** Writes prepared versions ({@link prepareSourcingImport}) in the caller's transaction. */
export async function writeSourcingImport(
  tx: Queryable,
  { corrections, closings, inserts }: SourcingImportWrites,
  reason: string,
): Promise<{ inserted: number; corrected: number }> {
  // Ids are drawn first, so each new version can name its predecessor in the same statement.
  // One range from the sequence: the table lock of the import keeps other inserts out meanwhile.
  let ids: number[] = [];
  if (inserts.length > 0) {
    const [range] = await tx.query<{ first: number }>(sql`
      SELECT nextval(pg_get_serial_sequence('sourcing', 'id'))::int AS first`);
    const first = range?.first ?? 0;
    await tx.query(
      sql`SELECT setval(pg_get_serial_sequence('sourcing', 'id'), ${first + inserts.length - 1})`,
    );
    ids = inserts.map((_insert, index) => first + index);
  }
  // Built per statement, so no pass over all new versions blocks the event loop at once.
  const rowsOf = (start: number) =>
    inserts.slice(start, start + CHUNK).map((insert, offset) => ({
      ...insert,
      id: ids[start + offset] ?? 0,
      predecessorId:
        insert.predecessorIndex === null
          ? insert.predecessorId
          : (ids[insert.predecessorIndex] ?? null),
    }));

  for (let start = 0; start < corrections.length; start += CHUNK) {
    const column = pick(corrections.slice(start, start + CHUNK));
    const keys = column((row) => row.id);
    // `s.id = ANY(ids)` lets the planner use the primary key instead of scanning the table.
    await tx.query(sql`
      UPDATE sourcing s SET operating_model = v.operating_model, provider_id = v.provider_id,
        partner_key = v.partner_key, product_id = v.product_id, running_cost = v.running_cost,
        investment_cost = v.investment_cost, volume = v.volume, contract_end = v.contract_end,
        satisfaction = v.satisfaction, change_reason = ${reason}, evidence = v.evidence,
        quality = v.quality, source_id = NULL
      FROM unnest(${keys}::int[], ${column((row) => row.content.operatingModel)}::text[],
        ${column((row) => row.content.providerId)}::text[], ${column((row) => row.content.partnerKey)}::text[],
        ${column((row) => row.content.productId)}::text[], ${column((row) => row.content.runningCost)}::numeric[],
        ${column((row) => row.content.investmentCost)}::numeric[], ${column((row) => row.content.volume)}::numeric[],
        ${column((row) => row.content.contractEnd)}::date[], ${column((row) => row.content.satisfaction)}::smallint[],
        ${column((row) => row.note)}::text[], ${column((row) => row.quality)}::text[])
        AS v(id, operating_model, provider_id, partner_key, product_id, running_cost, investment_cost,
             volume, contract_end, satisfaction, evidence, quality)
      WHERE s.id = v.id AND s.id = ANY(${keys}::int[])`);
  }
  for (let start = 0; start < closings.length; start += CHUNK) {
    const column = pick(closings.slice(start, start + CHUNK));
    const keys = column((row) => row.id);
    await tx.query(sql`
      UPDATE sourcing s SET valid_to = v.valid_to
      FROM unnest(${keys}::int[], ${column((row) => row.validTo)}::date[]) AS v(id, valid_to)
      WHERE s.id = v.id AND s.id = ANY(${keys}::int[])`);
  }
  const bulk = inserts.length >= BULK_ROWS && (await withoutRowTriggers(tx, inserts));
  for (let start = 0; start < inserts.length; start += CHUNK) {
    const column = pick(rowsOf(start));
    await tx.query(sql`
      INSERT INTO sourcing (id, organisation_key, domain_id, operating_model, provider_id, partner_key, product_id,
        running_cost, investment_cost, volume, contract_end, satisfaction, valid_from, valid_to, predecessor_id,
        change_reason, evidence, quality)
      SELECT v.id, v.organisation_key, v.domain_id, v.operating_model, v.provider_id, v.partner_key, v.product_id,
        v.running_cost, v.investment_cost, v.volume, v.contract_end, v.satisfaction, v.valid_from, v.valid_to,
        v.predecessor_id, ${reason}, v.evidence, v.quality
      FROM unnest(${column((row) => row.id)}::int[], ${column((row) => row.organisationKey)}::text[],
        ${column((row) => row.domainId)}::text[], ${column((row) => row.content.operatingModel)}::text[],
        ${column((row) => row.content.providerId)}::text[], ${column((row) => row.content.partnerKey)}::text[],
        ${column((row) => row.content.productId)}::text[], ${column((row) => row.content.runningCost)}::numeric[],
        ${column((row) => row.content.investmentCost)}::numeric[], ${column((row) => row.content.volume)}::numeric[],
        ${column((row) => row.content.contractEnd)}::date[], ${column((row) => row.content.satisfaction)}::smallint[],
        ${column((row) => row.validFrom)}::date[], ${column((row) => row.validTo)}::date[],
        ${column((row) => row.predecessorId)}::int[], ${column((row) => row.note)}::text[],
        ${column((row) => row.quality)}::text[])
        AS v(id, organisation_key, domain_id, operating_model, provider_id, partner_key, product_id, running_cost,
             investment_cost, volume, contract_end, satisfaction, valid_from, valid_to, predecessor_id, evidence, quality)`);
  }
  if (bulk) await tx.query(sql`SET LOCAL session_replication_role = origin`);
  return { inserted: inserts.length, corrected: corrections.length };
}

/** From this many new versions on, the references are checked once instead of per row. */
const BULK_ROWS = 5_000;

/**
 * For a large import: checks every reference of the new versions in one set-based query, with
 * the referenced tables locked against changes until the transaction ends (on both engines, so
 * a broken reference is reported the same way before any row is written). When the role may
 * (PGlite's superuser; ADR 0013) it then switches this transaction's per-row foreign-key
 * triggers off for the inserts (`session_replication_role = replica`; the caller switches
 * back). Unique indexes and CHECK constraints stay in force. Returns false when the role may
 * not switch them off; the triggers then check each row as well.
 */
async function withoutRowTriggers(
  tx: Queryable,
  rows: ReadonlyArray<{
    organisationKey: string;
    domainId: string;
    content: SourcingContent;
  }>,
): Promise<boolean> {
  await tx.query(sql`LOCK TABLE organisation, service_domain, provider, product IN SHARE MODE`);
  const distinct = (values: ReadonlyArray<string | null>) => [
    ...new Set(values.filter((value): value is string => value !== null)),
  ];
  const organisations = distinct(
    rows.flatMap((row) => [row.organisationKey, row.content.partnerKey]),
  );
  const [missing] = await tx.query<{ count: number }>(sql`
    SELECT (SELECT count(*) FROM unnest(${organisations}::text[]) AS k(key)
              WHERE NOT EXISTS (SELECT 1 FROM organisation o WHERE o.key = k.key))
         + (SELECT count(*) FROM unnest(${distinct(rows.map((row) => row.domainId))}::text[]) AS k(id)
              WHERE NOT EXISTS (SELECT 1 FROM service_domain d WHERE d.id = k.id))
         + (SELECT count(*) FROM unnest(${distinct(rows.map((row) => row.content.providerId))}::text[]) AS k(id)
              WHERE NOT EXISTS (SELECT 1 FROM provider p WHERE p.id = k.id))
         + (SELECT count(*) FROM unnest(${distinct(rows.map((row) => row.content.productId))}::text[]) AS k(id)
              WHERE NOT EXISTS (SELECT 1 FROM product p WHERE p.id = k.id)) AS count`);
  if (Number(missing?.count ?? 0) > 0) {
    // The import checked every reference before; this means the data changed underneath.
    throw new Error("Import: ein Bezug verweist auf einen unbekannten Schlüssel");
  }
  const [role] = await tx.query<{ superuser: string }>(
    sql`SELECT current_setting('is_superuser') AS superuser`,
  );
  if (role?.superuser !== "on") return false;
  await tx.query(sql`SET LOCAL session_replication_role = replica`);
  return true;
}

/** Marks the landscape as changed once after an import (cached pages become stale). */
export async function finishSourcingImport(tx: Queryable): Promise<void> {
  await bumpLandscapeRevision(tx);
}
