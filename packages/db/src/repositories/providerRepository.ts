import {
  currentSuccessorId,
  type LineageNode,
  type Membership,
  type MembershipRelation,
  type OrganisationKind,
  type Provider,
  type ProviderEvent,
  type ProviderEventType,
  type ProviderKind,
  type ProviderRef,
  type ProviderStatus,
  type ProviderSummary,
} from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { sql, whereAll, type SqlFragment } from "../client/sql.ts";
import { toProvenance, type ProvenanceColumns } from "./provenanceColumns.ts";

interface ProviderRow extends ProvenanceColumns {
  id: string;
  short_name: string;
  name: string;
  kind: ProviderKind;
  legal_form: string | null;
  seat: string | null;
  founded_text: string | null;
  founded_from: string | null;
  founded_to: string | null;
  status: ProviderStatus;
  successor_id: string | null;
  owner_key: string | null;
  owner_name: string | null;
  owner_kind: OrganisationKind | null;
  website: string | null;
  facts: string | null;
  member_count: number;
}

/** All providers as lineage nodes and references (a small table: read it whole). */
export interface ProviderDirectory {
  lineage: Map<string, LineageNode>;
  refs: Map<string, ProviderRef>;
}

/** Loads every provider's id, name, status and successor. */
export async function loadProviderDirectory(db: Queryable): Promise<ProviderDirectory> {
  const rows = await db.query<{
    id: string;
    short_name: string;
    name: string;
    status: ProviderStatus;
    successor_id: string | null;
  }>(sql`SELECT id, short_name, name, status, successor_id FROM provider`);
  return {
    lineage: new Map(rows.map((row) => [row.id, { id: row.id, successorId: row.successor_id }])),
    refs: new Map(
      rows.map((row) => [
        row.id,
        { id: row.id, shortName: row.short_name, name: row.name, status: row.status },
      ]),
    ),
  };
}

/** Reference for a provider id; throws on an id the directory lacks (a broken foreign key). */
export function providerRef(directory: ProviderDirectory, id: string): ProviderRef {
  const found = directory.refs.get(id);
  if (!found) throw new Error(`Unbekannter Dienstleister in der Datenbank: ${id}`);
  return found;
}

const SELECT_PROVIDER = sql`
  SELECT p.*, o.name AS owner_name, o.kind AS owner_kind,
         (SELECT count(DISTINCT m.organisation_key)::int FROM membership m WHERE m.provider_id = p.id) AS member_count
  FROM provider p
  LEFT JOIN organisation o ON o.key = p.owner_key`;

function toProvider(row: ProviderRow, directory: ProviderDirectory): Provider {
  return {
    id: row.id,
    shortName: row.short_name,
    name: row.name,
    kind: row.kind,
    legalForm: row.legal_form,
    seat: row.seat,
    founded:
      row.founded_from && row.founded_to && row.founded_text
        ? { text: row.founded_text, from: row.founded_from, to: row.founded_to }
        : null,
    foundedText: row.founded_text,
    status: row.status,
    successor: row.successor_id ? providerRef(directory, row.successor_id) : null,
    owner:
      row.owner_key && row.owner_name && row.owner_kind
        ? { key: row.owner_key, name: row.owner_name, kind: row.owner_kind }
        : null,
    website: row.website,
    facts: row.facts,
    provenance: toProvenance(row),
  };
}

/** Filters of the provider list. */
export interface ProviderFilter {
  q?: string | undefined;
  status?: ProviderStatus | undefined;
  kind?: ProviderKind | undefined;
}

/** Lists providers (all of them; there are a few dozen) with their member counts. */
export async function listProviders(
  db: Queryable,
  filter: ProviderFilter = {},
): Promise<ProviderSummary[]> {
  const conditions: SqlFragment[] = [];
  if (filter.q) {
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql`(lower(p.name) LIKE ${pattern} OR lower(p.short_name) LIKE ${pattern} OR p.id LIKE ${pattern})`,
    );
  }
  if (filter.status) conditions.push(sql`p.status = ${filter.status}`);
  if (filter.kind) conditions.push(sql`p.kind = ${filter.kind}`);
  const [rows, directory] = await Promise.all([
    db.query<ProviderRow>(sql`${SELECT_PROVIDER} ${whereAll(conditions)} ORDER BY p.short_name`),
    loadProviderDirectory(db),
  ]);
  return rows.map((row) => {
    const provider = toProvider(row, directory);
    return {
      id: provider.id,
      shortName: provider.shortName,
      name: provider.name,
      kind: provider.kind,
      legalForm: provider.legalForm,
      seat: provider.seat,
      status: provider.status,
      successor: provider.successor,
      provenance: provider.provenance,
      memberCount: row.member_count,
    };
  });
}

/** Finds one provider by its public id. */
export async function findProvider(db: Queryable, id: string): Promise<Provider | undefined> {
  const [[row], directory] = await Promise.all([
    db.query<ProviderRow>(sql`${SELECT_PROVIDER} WHERE p.id = ${id}`),
    loadProviderDirectory(db),
  ]);
  return row ? toProvider(row, directory) : undefined;
}

interface MembershipRow extends ProvenanceColumns {
  id: number;
  organisation_key: string;
  organisation_name: string;
  organisation_kind: OrganisationKind;
  provider_id: string;
  relation: MembershipRelation;
  derivation: string;
}

/** Filters of the membership list: by organisation and/or by providers. */
export interface MembershipFilter {
  organisationKey?: string | undefined;
  providerIds?: string[] | undefined;
}

/** Lists sourced memberships with today's provider derived from the lineage. */
export async function listMemberships(
  db: Queryable,
  filter: MembershipFilter,
): Promise<Membership[]> {
  const conditions: SqlFragment[] = [];
  if (filter.organisationKey) conditions.push(sql`m.organisation_key = ${filter.organisationKey}`);
  if (filter.providerIds) conditions.push(sql`m.provider_id = ANY(${filter.providerIds})`);
  const [rows, directory] = await Promise.all([
    db.query<MembershipRow>(
      sql`SELECT m.*, o.name AS organisation_name, o.kind AS organisation_kind
          FROM membership m JOIN organisation o ON o.key = m.organisation_key
          ${whereAll(conditions)}
          ORDER BY o.name, m.provider_id, m.id`,
    ),
    loadProviderDirectory(db),
  ]);
  return rows.map((row) => ({
    id: row.id,
    organisation: {
      key: row.organisation_key,
      name: row.organisation_name,
      kind: row.organisation_kind,
    },
    provider: providerRef(directory, row.provider_id),
    currentProvider: providerRef(directory, currentSuccessorId(row.provider_id, directory.lineage)),
    relation: row.relation,
    derivation: row.derivation,
    provenance: toProvenance(row),
  }));
}

interface EventRow extends ProvenanceColumns {
  id: number;
  date_text: string;
  date_from: string;
  date_to: string;
  event_type: ProviderEventType;
  target_id: string | null;
  description: string;
  provider_ids: string[];
}

/** Lists provider events, optionally those touching some providers, in date order. */
export async function listProviderEvents(
  db: Queryable,
  providerIds?: string[],
): Promise<ProviderEvent[]> {
  const condition = providerIds
    ? sql`WHERE e.target_id = ANY(${providerIds}) OR EXISTS (
            SELECT 1 FROM provider_event_provider x
            WHERE x.event_id = e.id AND x.provider_id = ANY(${providerIds}))`
    : sql``;
  const [rows, directory] = await Promise.all([
    db.query<EventRow>(
      sql`SELECT e.*, coalesce((SELECT array_agg(x.provider_id ORDER BY x.position)
                                FROM provider_event_provider x WHERE x.event_id = e.id), '{}') AS provider_ids
          FROM provider_event e ${condition}
          ORDER BY e.date_from, e.id`,
    ),
    loadProviderDirectory(db),
  ]);
  return rows.map((row) => ({
    id: row.id,
    date: { text: row.date_text, from: row.date_from, to: row.date_to },
    type: row.event_type,
    providers: row.provider_ids.map((id) => providerRef(directory, id)),
    target: row.target_id ? providerRef(directory, row.target_id) : null,
    description: row.description,
    provenance: toProvenance(row),
  }));
}
