import {
  annualCost,
  ConflictError,
  InputError,
  NotFoundError,
  type OperatingModel,
  type OrganisationKind,
  type ProviderStatus,
  type Sourcing,
  type SourcingInput,
} from "@it-atlas/domain";
import { afterCommit, type Queryable } from "../client/Database.ts";
import { sql, whereAll, type SqlFragment } from "../client/sql.ts";
import { toProvenance, type ProvenanceColumns } from "./provenanceColumns.ts";

interface SourcingRow extends ProvenanceColumns {
  id: number;
  organisation_key: string;
  organisation_name: string;
  organisation_kind: OrganisationKind;
  organisation_population: number | null;
  domain_id: string;
  domain_name: string;
  volume_unit: string | null;
  operating_model: OperatingModel;
  provider_id: string | null;
  provider_short_name: string | null;
  provider_name: string | null;
  provider_status: ProviderStatus | null;
  partner_key: string | null;
  partner_name: string | null;
  product_id: string | null;
  product_name: string | null;
  product_vendor: string | null;
  running_cost: number | null;
  investment_cost: number | null;
  volume: number | null;
  contract_end: string | null;
  satisfaction: number | null;
  valid_from: string;
  valid_to: string | null;
  predecessor_id: number | null;
  change_reason: string | null;
}

const SELECT_SOURCING = sql`
  SELECT s.*, o.name AS organisation_name, o.kind AS organisation_kind,
         o.population_zensus2022 AS organisation_population,
         d.name AS domain_name, d.volume_unit,
         p.short_name AS provider_short_name, p.name AS provider_name, p.status AS provider_status,
         partner.name AS partner_name,
         pr.name AS product_name, pr.vendor AS product_vendor
  FROM sourcing s
  JOIN organisation o ON o.key = s.organisation_key
  JOIN service_domain d ON d.id = s.domain_id
  LEFT JOIN provider p ON p.id = s.provider_id
  LEFT JOIN organisation partner ON partner.key = s.partner_key
  LEFT JOIN product pr ON pr.id = s.product_id`;

function toSourcing(row: SourcingRow): Sourcing {
  return {
    id: row.id,
    organisation: {
      ags: row.organisation_key,
      name: row.organisation_name,
      kind: row.organisation_kind,
      population: row.organisation_population,
    },
    domain: { id: row.domain_id, name: row.domain_name },
    operatingModel: row.operating_model,
    provider:
      row.provider_id && row.provider_short_name && row.provider_name && row.provider_status
        ? {
            id: row.provider_id,
            shortName: row.provider_short_name,
            name: row.provider_name,
            status: row.provider_status,
          }
        : null,
    partner:
      row.partner_key && row.partner_name ? { ags: row.partner_key, name: row.partner_name } : null,
    product:
      row.product_id && row.product_name && row.product_vendor
        ? { id: row.product_id, name: row.product_name, vendor: row.product_vendor }
        : null,
    annualCost: annualCost(row.running_cost, row.investment_cost),
    runningCost: row.running_cost,
    investmentCost: row.investment_cost,
    volume: row.volume,
    volumeUnit: row.volume_unit,
    contractEnd: row.contract_end,
    satisfaction: row.satisfaction,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    predecessorId: row.predecessor_id,
    changeReason: row.change_reason,
    demo: row.quality === "demo",
    confidentialHidden: false,
    provenance: toProvenance(row),
  };
}

/** Filters of the landscape as of one day. */
export interface LandscapeFilter {
  asOf: string;
  domain?: string | undefined;
  kreis?: string | undefined;
  regierungsbezirk?: string | undefined;
  provider?: string | undefined;
  operatingModel?: OperatingModel | undefined;
  organisation?: string | undefined;
  page: number;
  pageSize: number;
}

/** SQL condition: the row is valid on `asOf` ([valid_from, valid_to)). */
export function validOn(asOf: string): SqlFragment {
  return sql`s.valid_from <= ${asOf}::date AND (s.valid_to IS NULL OR s.valid_to > ${asOf}::date)`;
}

function landscapeConditions(filter: Omit<LandscapeFilter, "page" | "pageSize">): SqlFragment[] {
  const conditions = [validOn(filter.asOf)];
  if (filter.domain) conditions.push(sql`s.domain_id = ${filter.domain}`);
  if (filter.kreis)
    conditions.push(sql`(o.kreis_key = ${filter.kreis} OR o.key = ${filter.kreis})`);
  if (filter.regierungsbezirk)
    conditions.push(sql`o.regierungsbezirk_key = ${filter.regierungsbezirk}`);
  if (filter.provider) conditions.push(sql`s.provider_id = ${filter.provider}`);
  if (filter.operatingModel) conditions.push(sql`s.operating_model = ${filter.operatingModel}`);
  if (filter.organisation) conditions.push(sql`s.organisation_key = ${filter.organisation}`);
  return conditions;
}

/** The landscape as of a day: one row per Kommune × domain, filtered and paged. */
export async function listLandscape(
  db: Queryable,
  filter: LandscapeFilter,
): Promise<{ items: Sourcing[]; total: number }> {
  const where = whereAll(landscapeConditions(filter));
  const [rows, [count]] = await Promise.all([
    db.query<SourcingRow>(
      sql`${SELECT_SOURCING} ${where}
          ORDER BY o.name, o.key, d.position, s.domain_id
          LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`,
    ),
    db.query<{ total: number }>(
      sql`SELECT count(*)::int AS total FROM sourcing s
          JOIN organisation o ON o.key = s.organisation_key ${where}`,
    ),
  ]);
  return { items: rows.map(toSourcing), total: count?.total ?? 0 };
}

/** A sourcing version with what in-memory filters and sorting need. */
export interface SourcingWithScope {
  sourcing: Sourcing;
  kreisKey: string | null;
  regierungsbezirkKey: string | null;
  domainPosition: number;
}

/**
 * Every version of every sourcing with its Kreis, Regierungsbezirk and domain position, in
 * the landscape's order (Kommune name, key, domain position, domain id). Used to answer
 * as-of queries from memory between writes (see LandscapeReader).
 */
export async function listAllSourcingVersions(db: Queryable): Promise<SourcingWithScope[]> {
  return listSourcingVersionsWithScope(db, undefined);
}

/**
 * {@link listAllSourcingVersions} in batches of whole Kommunen of about `rowsPerBatch`
 * versions, in the same order. An answer is decoded on the event loop in one piece (PGlite
 * runs in a worker thread; node-postgres parses on the event loop), so after an import of
 * 100,000 rows one answer with every version blocked it for seconds; a batch costs a few ms.
 */
export async function* listAllSourcingVersionsInBatches(
  db: Queryable,
  rowsPerBatch = 5000,
): AsyncGenerator<SourcingWithScope[]> {
  // The same order of Kommunen (name, key) as the versions' order, in the same collation.
  const counts = await db.query<{ key: string; count: number }>(sql`
    SELECT o.key, count(*)::int AS count FROM sourcing s JOIN organisation o ON o.key = s.organisation_key
    GROUP BY o.name, o.key ORDER BY o.name, o.key`);
  let keys: string[] = [];
  let rows = 0;
  for (const [index, { key, count }] of counts.entries()) {
    keys.push(key);
    rows += count;
    if (rows >= rowsPerBatch || index === counts.length - 1) {
      yield await listSourcingVersionsWithScope(
        db,
        sql`WHERE x.organisation_key = ANY(${keys}::text[])`,
      );
      keys = [];
      rows = 0;
    }
  }
}

/** A Kommune × Leistungsbereich pair of the landscape. */
export interface LandscapePair {
  organisationKey: string;
  domainId: string;
}

/**
 * Every version of the given Kommune × domain pairs, in the order of
 * {@link listAllSourcingVersions}: the reader replaces just these pairs after a write that
 * changed only them.
 */
export async function listSourcingVersionsOfPairs(
  db: Queryable,
  pairs: readonly LandscapePair[],
): Promise<SourcingWithScope[]> {
  if (pairs.length === 0) return [];
  return listSourcingVersionsWithScope(
    db,
    sql`WHERE (x.organisation_key, x.domain_id) IN (SELECT * FROM unnest(
          ${pairs.map((pair) => pair.organisationKey)}::text[], ${pairs.map((pair) => pair.domainId)}::text[]))`,
  );
}

async function listSourcingVersionsWithScope(
  db: Queryable,
  where: SqlFragment | undefined,
): Promise<SourcingWithScope[]> {
  const rows = await db.query<
    SourcingRow & {
      kreis_key: string | null;
      regierungsbezirk_key: string | null;
      position: number;
    }
  >(
    sql`SELECT x.*, o2.kreis_key, o2.regierungsbezirk_key, d2.position
        FROM (${SELECT_SOURCING}) x
        JOIN organisation o2 ON o2.key = x.organisation_key
        JOIN service_domain d2 ON d2.id = x.domain_id
        ${where ?? sql``}
        ORDER BY x.organisation_name, x.organisation_key, d2.position, x.domain_id, x.valid_from`,
  );
  return rows.map((row) => ({
    sourcing: toSourcing(row),
    kreisKey: row.kreis_key,
    regierungsbezirkKey: row.regierungsbezirk_key,
    domainPosition: row.position,
  }));
}

/** Every version of a Kommune's sourcing (optionally of one domain), newest first per domain. */
export async function listSourcingHistory(
  db: Queryable,
  organisationKey: string,
  domainId?: string,
): Promise<Sourcing[]> {
  const conditions = [sql`s.organisation_key = ${organisationKey}`];
  if (domainId) conditions.push(sql`s.domain_id = ${domainId}`);
  const rows = await db.query<SourcingRow>(
    sql`${SELECT_SOURCING} ${whereAll(conditions)} ORDER BY d.position, s.domain_id, s.valid_from DESC, s.id DESC`,
  );
  return rows.map(toSourcing);
}

/** One sourcing version by id. */
export async function findSourcing(db: Queryable, id: number): Promise<Sourcing | undefined> {
  const [row] = await db.query<SourcingRow>(sql`${SELECT_SOURCING} WHERE s.id = ${id}`);
  return row ? toSourcing(row) : undefined;
}

let landscapeWritesCommitted = 0;

/**
 * How many landscape writes this process has committed so far. A reader that cached the
 * revision re-reads it when this number changed, so its own writes are visible at once
 * (ADR 0016).
 */
export function countLandscapeWritesCommitted(): number {
  return landscapeWritesCommitted;
}

/** Revisions of committed writes that changed only some pairs, and those pairs (bounded). */
const pairsByRevision = new Map<number, readonly LandscapePair[]>();
const MAX_SCOPED_REVISIONS = 1000;

/**
 * Marks the landscape as changed (readers compare revisions before using a cache). `pairs`:
 * the write changed the versions of just these Kommune × domain pairs and nothing else the
 * landscape shows, so a reader of this process may replace only them (ADR 0025).
 */
export async function bumpLandscapeRevision(
  tx: Queryable,
  pairs?: readonly LandscapePair[],
): Promise<number> {
  const [row] = await tx.query<{ revision: number }>(
    sql`UPDATE landscape_revision SET revision = revision + 1 RETURNING revision::int AS revision`,
  );
  const revision = row?.revision ?? 0;
  // Counted after the COMMIT: a reader that re-read earlier would still see the old revision.
  afterCommit(tx, () => {
    if (pairs) {
      pairsByRevision.set(revision, pairs);
      if (pairsByRevision.size > MAX_SCOPED_REVISIONS) {
        const oldest = pairsByRevision.keys().next().value;
        if (oldest !== undefined) pairsByRevision.delete(oldest);
      }
    }
    landscapeWritesCommitted += 1;
  });
  return revision;
}

/**
 * The pairs changed between two revisions when every revision in between was a committed
 * write of this process that named its pairs; otherwise undefined (a write of another
 * process, or one that changed more: the reader loads everything again).
 */
export function landscapePairsChangedBetween(
  from: number,
  to: number,
): LandscapePair[] | undefined {
  if (to <= from || to - from > MAX_SCOPED_REVISIONS) return undefined;
  const pairs = new Map<string, LandscapePair>();
  for (let revision = from + 1; revision <= to; revision += 1) {
    const changed = pairsByRevision.get(revision);
    if (!changed) return undefined;
    for (const pair of changed) pairs.set(`${pair.organisationKey}|${pair.domainId}`, pair);
  }
  return [...pairs.values()];
}

/** The current landscape revision. */
export async function getLandscapeRevision(db: Queryable): Promise<number> {
  const [row] = await db.query<{ revision: number }>(
    sql`SELECT revision::int AS revision FROM landscape_revision`,
  );
  return row?.revision ?? 0;
}

/** How a change is recorded: who/what made it and with which provenance quality. */
export interface ChangeContext {
  quality: "user" | "self_reported" | "provider_confirmed" | "sourced" | "demo";
  reason: string;
  sourceId?: string | null;
  evidence?: string | null;
}

async function checkReferences(
  tx: Queryable,
  organisationKey: string,
  domainId: string,
  input: SourcingInput,
) {
  const [row] = await tx.query<{
    organisation: boolean;
    kind: string | null;
    domain: boolean;
    is_group: boolean | null;
    provider_status: string | null;
    partner: boolean;
    product_serves: boolean | null;
  }>(sql`
    SELECT
      EXISTS (SELECT 1 FROM organisation WHERE key = ${organisationKey} AND kind IN ('gemeinde','kreis')) AS organisation,
      (SELECT kind FROM organisation WHERE key = ${organisationKey}) AS kind,
      EXISTS (SELECT 1 FROM service_domain WHERE id = ${domainId}) AS domain,
      (SELECT is_group FROM service_domain WHERE id = ${domainId}) AS is_group,
      (SELECT CASE WHEN status = 'active' OR ended_on > ${input.validFrom}::date THEN 'active' ELSE status END
         FROM provider WHERE id = ${input.providerId}) AS provider_status,
      EXISTS (SELECT 1 FROM organisation WHERE key = ${input.partnerAgs} AND kind IN ('gemeinde','kreis')) AS partner,
      (SELECT EXISTS (SELECT 1 FROM product_domain WHERE product_id = ${input.productId} AND domain_id = ${domainId})
         WHERE EXISTS (SELECT 1 FROM product WHERE id = ${input.productId})) AS product_serves`);
  if (!row?.organisation) {
    throw new NotFoundError(
      "organisation_not_found",
      `Es gibt keine Kommune mit dem Schlüssel „${organisationKey}“.`,
    );
  }
  if (!row.domain || row.is_group) {
    throw new NotFoundError("domain_not_found", `Es gibt keinen Leistungsbereich „${domainId}“.`);
  }
  const problems: Array<{ field: string; message: string }> = [];
  if (input.providerId && row.provider_status === null) {
    problems.push({
      field: "providerId",
      message: `IT-Dienstleister „${input.providerId}“ ist unbekannt.`,
    });
  } else if (input.providerId && row.provider_status !== "active") {
    problems.push({
      field: "providerId",
      message: `IT-Dienstleister „${input.providerId}“ ist zum ${input.validFrom} nicht mehr aktiv (fusioniert oder umbenannt); bitte den Nachfolger wählen.`,
    });
  }
  if (input.partnerAgs && !row.partner) {
    problems.push({
      field: "partnerAgs",
      message: `Es gibt keine Kommune mit dem Schlüssel „${input.partnerAgs}“.`,
    });
  }
  if (input.partnerAgs === organisationKey) {
    problems.push({
      field: "partnerAgs",
      message: "Eine Kommune kann eine Leistung nicht von sich selbst beziehen.",
    });
  }
  if (input.productId && row.product_serves === null) {
    problems.push({ field: "productId", message: `Produkt „${input.productId}“ ist unbekannt.` });
  } else if (input.productId && row.product_serves === false) {
    problems.push({
      field: "productId",
      message: `Produkt „${input.productId}“ gehört nicht zu diesem Leistungsbereich.`,
    });
  }
  if (problems.length > 0) {
    throw new InputError(
      "invalid_sourcing",
      "Der Bezug ist ungültig: " + problems.map((p) => p.message).join(" "),
      problems,
    );
  }
}

/**
 * Records a Kommune's sourcing of one domain from `input.validFrom` on, in the caller's
 * transaction: the version valid then is closed and the new one points to it (lineage). A
 * change on the same day as the open version corrects it in place. Changes before the open
 * version's start are refused (history is not rewritten). Returns the new version's id.
 */
export async function changeSourcing(
  tx: Queryable,
  organisationKey: string,
  domainId: string,
  input: SourcingInput,
  context: ChangeContext,
): Promise<number> {
  await checkReferences(tx, organisationKey, domainId, input);
  const [open] = await tx.query<{ id: number; valid_from: string }>(
    sql`SELECT id, valid_from::text AS valid_from FROM sourcing
        WHERE organisation_key = ${organisationKey} AND domain_id = ${domainId} AND valid_to IS NULL
        FOR UPDATE`,
  );
  const values = sql`${input.operatingModel}, ${input.providerId}, ${input.partnerAgs}, ${input.productId},
    ${input.runningCost}, ${input.investmentCost}, ${input.volume}, ${input.contractEnd}, ${input.satisfaction}`;
  const provenance = sql`${context.reason}, ${context.sourceId ?? null}, ${context.evidence ?? input.note}, ${context.quality}`;
  if (open && open.valid_from > input.validFrom) {
    throw new ConflictError(
      "sourcing_history_conflict",
      `Der aktuelle Stand gilt seit ${open.valid_from}; Änderungen müssen an oder nach diesem Tag beginnen.`,
    );
  }
  let id: number | undefined;
  if (open && open.valid_from === input.validFrom) {
    const [row] = await tx.query<{ id: number }>(
      sql`UPDATE sourcing SET (operating_model, provider_id, partner_key, product_id, running_cost,
            investment_cost, volume, contract_end, satisfaction, change_reason, source_id, evidence, quality)
          = (${values}, ${provenance})
          WHERE id = ${open.id} RETURNING id`,
    );
    id = row?.id;
  } else {
    if (open) {
      await tx.query(
        sql`UPDATE sourcing SET valid_to = ${input.validFrom}::date WHERE id = ${open.id}`,
      );
    }
    const [row] = await tx.query<{ id: number }>(
      sql`INSERT INTO sourcing (operating_model, provider_id, partner_key, product_id, running_cost,
            investment_cost, volume, contract_end, satisfaction, change_reason, source_id, evidence, quality,
            organisation_key, domain_id, valid_from, predecessor_id)
          VALUES (${values}, ${provenance}, ${organisationKey}, ${domainId}, ${input.validFrom}::date, ${open?.id ?? null})
          RETURNING id`,
    );
    id = row?.id;
  }
  await bumpLandscapeRevision(tx, [{ organisationKey, domainId }]);
  if (id === undefined) throw new Error("Bezug wurde nicht geschrieben");
  return id;
}

/** Columns for bulk inserts of sourcing rows (seed, import). */
export const SOURCING_COLUMNS = [
  "organisation_key",
  "domain_id",
  "operating_model",
  "provider_id",
  "partner_key",
  "product_id",
  "running_cost",
  "investment_cost",
  "volume",
  "contract_end",
  "satisfaction",
  "valid_from",
  "change_reason",
  "evidence",
  "quality",
] as const;
