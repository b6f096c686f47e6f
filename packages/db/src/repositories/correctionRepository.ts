import {
  type Correction,
  type CorrectionInput,
  type CorrectionStatus,
  type DataCoverageFacts,
  type MembershipRelation,
  type MembershipVersion,
  type OrganisationKind,
  type ProvenanceQuality,
  type ProviderFactValues,
} from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { sql, whereAll, type SqlFragment } from "../client/sql.ts";
import { loadProviderDirectory, providerRef } from "./providerRepository.ts";
import { toProvenance, type ProvenanceColumns } from "./provenanceColumns.ts";

const ISO = 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';

/** A membership row as JSON (snake_case columns), the form kept in `fact_version`. */
export type MembershipSnapshot = ProvenanceColumns & {
  id: number;
  organisation_key: string;
  provider_id: string;
  relation: MembershipRelation;
  derivation: string;
  attested_from: string | null;
  attested_to: string | null;
  seed_key: string | null;
  valid_from: string | null;
  source_document: string | null;
  evidence_date: string | null;
  recorded_at: string;
};

/** A provider row's correctable facts and provenance as JSON, the form kept in `fact_version`. */
export type ProviderSnapshot = ProvenanceColumns & {
  id: string;
  name: string;
  website: string | null;
  legal_form: string | null;
  seat: string | null;
  source_document: string | null;
  evidence_date: string | null;
  recorded_at: string;
};

/** The current version of one membership, or undefined. */
export async function findMembershipSnapshot(
  db: Queryable,
  id: number,
  forUpdate = false,
): Promise<MembershipSnapshot | undefined> {
  const [row] = await db.query<{ data: MembershipSnapshot }>(
    sql`SELECT to_jsonb(m) || jsonb_build_object('recorded_at', to_char(m.recorded_at AT TIME ZONE 'UTC', ${ISO})) AS data
        FROM membership m WHERE m.id = ${id} ${forUpdate ? sql`FOR UPDATE` : sql``}`,
  );
  return row?.data;
}

/** The current facts of one provider, or undefined. */
export async function findProviderSnapshot(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<ProviderSnapshot | undefined> {
  const [row] = await db.query<{ data: ProviderSnapshot }>(
    sql`SELECT jsonb_build_object('id', p.id, 'name', p.name, 'website', p.website,
               'legal_form', p.legal_form, 'seat', p.seat, 'source_id', p.source_id,
               'source_urls', p.source_urls, 'as_of', p.as_of, 'evidence', p.evidence,
               'quality', p.quality, 'source_document', p.source_document,
               'evidence_date', p.evidence_date,
               'recorded_at', to_char(p.recorded_at AT TIME ZONE 'UTC', ${ISO})) AS data
        FROM provider p WHERE p.id = ${id} ${forUpdate ? sql`FOR UPDATE` : sql``}`,
  );
  return row?.data;
}

/** A correction as stored, before names are attached. */
export interface NewCorrection {
  input: CorrectionInput;
  organisationKey: string | null;
  providerId: string;
  membershipId: number | null;
  current: MembershipSnapshot | ProviderSnapshot | null;
  summary: string;
  proposedBy: { userId: number | null; name: string };
  /** Quality the fact gets if the correction is accepted (who vouches for it). */
  quality: ProvenanceQuality;
}

function proposedValues(input: CorrectionInput): Record<string, unknown> {
  switch (input.type) {
    case "membership_add":
      return {
        relation: input.relation,
        validFrom: input.validFrom,
        providerId: input.providerId,
      };
    case "membership_change":
      return { relation: input.relation, validFrom: input.validFrom };
    case "membership_end":
      return { validTo: input.validTo };
    case "provider_change":
      return { ...input.values };
  }
}

/** Stores an open correction; returns its id. */
export async function insertCorrection(tx: Queryable, row: NewCorrection): Promise<number> {
  const [factKind, action] =
    row.input.type === "provider_change"
      ? ["provider", "change"]
      : ["membership", row.input.type.slice("membership_".length)];
  const proposed = { ...proposedValues(row.input), quality: row.quality };
  const [inserted] = await tx.query<{ id: number }>(sql`
    INSERT INTO fact_correction (fact_kind, action, organisation_key, provider_id, membership_id,
      proposed, summary, current, source_url, source_document, evidence_date, note, proposed_by, proposed_by_name)
    VALUES (${factKind}, ${action}, ${row.organisationKey}, ${row.providerId}, ${row.membershipId},
      ${JSON.stringify(proposed)}::jsonb, ${row.summary}, ${row.current === null ? null : JSON.stringify(row.current)}::jsonb,
      ${row.input.source.url}, ${row.input.source.document}, ${row.input.source.evidenceDate}::date,
      ${row.input.note}, ${row.proposedBy.userId}, ${row.proposedBy.name})
    RETURNING id`);
  if (!inserted) throw new Error("Korrektur nicht angelegt");
  return inserted.id;
}

interface CorrectionRow {
  id: number;
  fact_kind: "membership" | "provider";
  action: "add" | "change" | "end";
  organisation_key: string | null;
  organisation_name: string | null;
  organisation_kind: OrganisationKind | null;
  provider_id: string;
  membership_id: number | null;
  proposed: Record<string, unknown>;
  summary: string;
  current: Record<string, unknown> | null;
  source_url: string | null;
  source_document: string | null;
  evidence_date: string;
  note: string | null;
  status: CorrectionStatus;
  decision_reason: string | null;
  proposed_by: number | null;
  proposed_by_name: string;
  proposed_at: string;
  decided_by_name: string | null;
  decided_at: string | null;
}

/** Filter of the correction list: state, and the scopes a non-analyst may see. */
export interface CorrectionFilter {
  status?: CorrectionStatus | undefined;
  organisationKey?: string | undefined;
  providerId?: string | undefined;
  /** Limit to these Kommunen or providers (null: every correction). */
  scope?: { organisationKeys: string[]; providerIds: string[] } | null;
}

/** Corrections, newest first, with organisation and provider names. */
export async function listCorrections(
  db: Queryable,
  filter: CorrectionFilter = {},
): Promise<Correction[]> {
  const conditions: SqlFragment[] = [];
  if (filter.status) conditions.push(sql`c.status = ${filter.status}`);
  if (filter.organisationKey) conditions.push(sql`c.organisation_key = ${filter.organisationKey}`);
  if (filter.providerId) conditions.push(sql`c.provider_id = ${filter.providerId}`);
  if (filter.scope) {
    conditions.push(
      sql`(c.organisation_key = ANY(${filter.scope.organisationKeys}::text[]) OR c.provider_id = ANY(${filter.scope.providerIds}::text[]))`,
    );
  }
  return queryCorrections(db, conditions);
}

/** One correction, or undefined. */
export async function findCorrection(db: Queryable, id: number): Promise<Correction | undefined> {
  const [found] = await queryCorrections(db, [sql`c.id = ${id}`]);
  return found;
}

async function queryCorrections(db: Queryable, conditions: SqlFragment[]): Promise<Correction[]> {
  const [rows, directory] = await Promise.all([
    db.query<CorrectionRow>(sql`
      SELECT c.id, c.fact_kind, c.action, c.organisation_key, o.name AS organisation_name,
             o.kind AS organisation_kind, c.provider_id, c.membership_id, c.proposed, c.summary, c.current,
             c.source_url, c.source_document, c.evidence_date::text AS evidence_date, c.note,
             c.status, c.decision_reason, c.proposed_by, c.proposed_by_name,
             to_char(c.proposed_at AT TIME ZONE 'UTC', ${ISO}) AS proposed_at, c.decided_by_name,
             to_char(c.decided_at AT TIME ZONE 'UTC', ${ISO}) AS decided_at
      FROM fact_correction c LEFT JOIN organisation o ON o.key = c.organisation_key
      ${whereAll(conditions)}
      ORDER BY c.proposed_at DESC, c.id DESC`),
    loadProviderDirectory(db),
  ]);
  return rows.map((row) => {
    const type =
      row.fact_kind === "provider" ? "provider_change" : (`membership_${row.action}` as const);
    const { quality: _quality, ...proposed } = row.proposed;
    return {
      id: row.id,
      type,
      status: row.status,
      organisation:
        row.organisation_key && row.organisation_name && row.organisation_kind
          ? { key: row.organisation_key, name: row.organisation_name, kind: row.organisation_kind }
          : null,
      provider: providerRef(directory, row.provider_id),
      membershipId: row.membership_id,
      summary: row.summary,
      proposed,
      current: row.current,
      source: {
        url: row.source_url,
        document: row.source_document,
        evidenceDate: row.evidence_date,
      },
      note: row.note,
      proposedBy: row.proposed_by_name,
      proposedAt: row.proposed_at,
      decidedBy: row.decided_by_name,
      decidedAt: row.decided_at,
      decisionReason: row.decision_reason,
    };
  });
}

/** The stored quality a correction gives its fact when accepted. */
export async function correctionQuality(
  db: Queryable,
  id: number,
): Promise<ProvenanceQuality | undefined> {
  const [row] = await db.query<{ quality: ProvenanceQuality }>(
    sql`SELECT proposed->>'quality' AS quality FROM fact_correction WHERE id = ${id}`,
  );
  return row?.quality;
}

/** Locks an open correction; false when it is not open any more. */
export async function lockOpenCorrection(tx: Queryable, id: number): Promise<boolean> {
  const rows = await tx.query(
    sql`SELECT id FROM fact_correction WHERE id = ${id} AND status = 'open' FOR UPDATE`,
  );
  return rows.length > 0;
}

/** Records the decision on a correction. */
export async function recordCorrectionDecision(
  tx: Queryable,
  id: number,
  decision: {
    status: "accepted" | "rejected";
    reason: string;
    userId: number | null;
    name: string;
  },
): Promise<void> {
  await tx.query(sql`
    UPDATE fact_correction SET status = ${decision.status}, decision_reason = ${decision.reason},
      decided_by = ${decision.userId}, decided_by_name = ${decision.name}, decided_at = now()
    WHERE id = ${id} AND status = 'open'`);
}

/** Keeps a membership version whole in the history before a new version replaces it. */
export async function archiveMembershipVersion(
  tx: Queryable,
  snapshot: MembershipSnapshot,
  change: { validTo: string | null; correctionId: number | null; channel: "correction" | "import" },
): Promise<void> {
  await tx.query(sql`
    INSERT INTO fact_version (fact_kind, fact_id, organisation_key, provider_id, seed_key, data,
      valid_from, valid_to, recorded_at, correction_id, channel)
    VALUES ('membership', ${String(snapshot.id)}, ${snapshot.organisation_key}, ${snapshot.provider_id},
      ${snapshot.seed_key}, ${JSON.stringify(snapshot)}::jsonb, ${snapshot.valid_from}::date,
      ${change.validTo}::date, ${snapshot.recorded_at}::timestamptz, ${change.correctionId}, ${change.channel})`);
}

/** Keeps the memberships with these ids in the history (an import is about to update them). */
export async function archiveMembershipsForImport(
  tx: Queryable,
  ids: readonly number[],
): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(sql`
    INSERT INTO fact_version (fact_kind, fact_id, organisation_key, provider_id, seed_key, data,
      valid_from, valid_to, recorded_at, correction_id, channel)
    SELECT 'membership', m.id::text, m.organisation_key, m.provider_id, m.seed_key,
      to_jsonb(m) || jsonb_build_object('recorded_at', to_char(m.recorded_at AT TIME ZONE 'UTC', ${ISO})),
      m.valid_from, NULL, m.recorded_at, NULL, 'import'
    FROM membership m WHERE m.id = ANY(${[...ids]}::int[])`);
}

/** The provenance a correction gives the new version of its fact. */
export interface CorrectionProvenance {
  sourceUrl: string | null;
  sourceDocument: string | null;
  evidenceDate: string;
  quality: ProvenanceQuality;
  evidence: string;
}

/** Adds a membership from an accepted correction; returns its id. */
export async function insertCorrectedMembership(
  tx: Queryable,
  membership: {
    organisationKey: string;
    providerId: string;
    relation: MembershipRelation;
    validFrom: string | null;
  },
  provenance: CorrectionProvenance,
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(sql`
    INSERT INTO membership (organisation_key, provider_id, relation, derivation, attested_from, attested_to,
      source_id, source_urls, as_of, evidence, quality, seed_key, valid_from, evidence_date, source_document)
    VALUES (${membership.organisationKey}, ${membership.providerId}, ${membership.relation}, 'explicit',
      ${provenance.evidenceDate}::date, ${provenance.evidenceDate}::date, NULL,
      ${provenance.sourceUrl ? [provenance.sourceUrl] : []}::text[], ${provenance.evidenceDate},
      ${provenance.evidence}, ${provenance.quality},
      ${`${membership.organisationKey}|${membership.providerId}|${membership.relation}`},
      ${membership.validFrom}::date, ${provenance.evidenceDate}::date, ${provenance.sourceDocument})
    RETURNING id`);
  if (!row) throw new Error("Mitgliedschaft nicht angelegt");
  return row.id;
}

/** Writes the new version of a membership (after the old one was archived). */
export async function updateCorrectedMembership(
  tx: Queryable,
  id: number,
  values: { relation: MembershipRelation; validFrom: string | null },
  provenance: CorrectionProvenance,
): Promise<void> {
  await tx.query(sql`
    UPDATE membership SET relation = ${values.relation}, derivation = 'explicit',
      valid_from = ${values.validFrom}::date, attested_from = ${provenance.evidenceDate}::date,
      attested_to = ${provenance.evidenceDate}::date, source_id = NULL,
      source_urls = ${provenance.sourceUrl ? [provenance.sourceUrl] : []}::text[],
      as_of = ${provenance.evidenceDate}, evidence = ${provenance.evidence},
      quality = ${provenance.quality}, evidence_date = ${provenance.evidenceDate}::date,
      source_document = ${provenance.sourceDocument}, recorded_at = now()
    WHERE id = ${id}`);
}

/** Removes an ended membership from the current facts (its versions stay in the history). */
export async function removeEndedMembership(tx: Queryable, id: number): Promise<void> {
  await tx.query(sql`DELETE FROM membership WHERE id = ${id}`);
}

/** Keeps a provider's facts whole in the history, then writes the corrected ones. */
export async function applyProviderCorrection(
  tx: Queryable,
  snapshot: ProviderSnapshot,
  values: ProviderFactValues,
  provenance: CorrectionProvenance,
  correctionId: number,
): Promise<void> {
  await tx.query(sql`
    INSERT INTO fact_version (fact_kind, fact_id, provider_id, data, valid_from, valid_to,
      recorded_at, correction_id, channel)
    VALUES ('provider', ${snapshot.id}, ${snapshot.id}, ${JSON.stringify(snapshot)}::jsonb,
      ${snapshot.evidence_date}::date, ${provenance.evidenceDate}::date,
      ${snapshot.recorded_at}::timestamptz, ${correctionId}, 'correction')`);
  const next = {
    name: values.name ?? snapshot.name,
    website: values.website === undefined ? snapshot.website : values.website,
    legalForm: values.legalForm === undefined ? snapshot.legal_form : values.legalForm,
    seat: values.seat === undefined ? snapshot.seat : values.seat,
  };
  await tx.query(sql`
    UPDATE provider SET name = ${next.name}, website = ${next.website}, legal_form = ${next.legalForm},
      seat = ${next.seat}, source_id = NULL,
      source_urls = ${provenance.sourceUrl ? [provenance.sourceUrl] : []}::text[],
      as_of = ${provenance.evidenceDate}, evidence = ${provenance.evidence},
      quality = ${provenance.quality}, evidence_date = ${provenance.evidenceDate}::date,
      source_document = ${provenance.sourceDocument}, recorded_at = now()
    WHERE id = ${snapshot.id}`);
}

function membershipVersion(
  data: MembershipSnapshot,
  directory: Awaited<ReturnType<typeof loadProviderDirectory>>,
  archived: {
    validTo: string | null;
    supersededAt: string;
    correctionId: number | null;
    channel: "correction" | "import";
  } | null,
): MembershipVersion {
  return {
    membershipId: data.id,
    provider: providerRef(directory, data.provider_id),
    relation: data.relation,
    derivation: data.derivation,
    provenance: toProvenance(data),
    validFrom: data.valid_from,
    validTo: archived?.validTo ?? null,
    recordedAt: new Date(data.recorded_at).toISOString(),
    supersededAt: archived?.supersededAt ?? null,
    correctionId: archived?.correctionId ?? null,
    channel: archived?.channel ?? null,
  };
}

/**
 * Every version of an organisation's memberships, current ones first, then earlier ones,
 * newest replacement first.
 */
export async function listMembershipHistory(
  db: Queryable,
  organisationKey: string,
): Promise<MembershipVersion[]> {
  const [current, archived, directory] = await Promise.all([
    db.query<{ data: MembershipSnapshot }>(sql`
      SELECT to_jsonb(m) || jsonb_build_object('recorded_at', to_char(m.recorded_at AT TIME ZONE 'UTC', ${ISO})) AS data
      FROM membership m WHERE m.organisation_key = ${organisationKey}
      ORDER BY m.provider_id, m.id`),
    db.query<{
      data: MembershipSnapshot;
      valid_to: string | null;
      superseded_at: string;
      correction_id: number | null;
      channel: "correction" | "import";
    }>(sql`
      SELECT v.data, v.valid_to::text AS valid_to,
             to_char(v.superseded_at AT TIME ZONE 'UTC', ${ISO}) AS superseded_at, v.correction_id, v.channel
      FROM fact_version v
      WHERE v.fact_kind = 'membership' AND v.organisation_key = ${organisationKey}
      ORDER BY v.superseded_at DESC, v.id DESC`),
    loadProviderDirectory(db),
  ]);
  return [
    ...current.map((row) => membershipVersion(row.data, directory, null)),
    ...archived.map((row) =>
      membershipVersion(row.data, directory, {
        validTo: row.valid_to,
        supersededAt: row.superseded_at,
        correctionId: row.correction_id,
        channel: row.channel,
      }),
    ),
  ];
}

/** Facts behind the Datenlage of every Gemeinde and Kreis, and the number of Leistungsbereiche. */
export async function listDataCoverageFacts(
  db: Queryable,
): Promise<{ domainsTotal: number; items: DataCoverageFacts[] }> {
  const [[total], rows] = await Promise.all([
    db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM service_domain WHERE NOT is_group`),
    db.query<{
      key: string;
      name: string;
      kind: "gemeinde" | "kreis";
      kreis_key: string | null;
      domains_with_entry: number;
      newest_evidence: string | null;
      qualities: Partial<Record<ProvenanceQuality, number>> | null;
    }>(sql`
      WITH current_sourcing AS (
        SELECT organisation_key, domain_id, valid_from, quality FROM sourcing WHERE valid_to IS NULL
      ), facts AS (
        SELECT organisation_key, quality, evidence_date AS dated FROM membership
        UNION ALL
        SELECT organisation_key, quality, valid_from AS dated FROM current_sourcing
      )
      SELECT o.key, o.name, o.kind, o.kreis_key,
        (SELECT count(DISTINCT s.domain_id)::int FROM current_sourcing s
          WHERE s.organisation_key = o.key AND s.quality <> 'demo') AS domains_with_entry,
        (SELECT max(f.dated)::text FROM facts f
          WHERE f.organisation_key = o.key AND f.quality <> 'demo') AS newest_evidence,
        (SELECT jsonb_object_agg(g.quality, g.n) FROM (
           SELECT f.quality, count(*)::int AS n FROM facts f
           WHERE f.organisation_key = o.key GROUP BY f.quality) g) AS qualities
      FROM organisation o WHERE o.kind IN ('gemeinde', 'kreis')
      ORDER BY o.name, o.key`),
  ]);
  return {
    domainsTotal: total?.n ?? 0,
    items: rows.map((row) => ({
      key: row.key,
      name: row.name,
      kind: row.kind,
      kreisKey: row.kreis_key,
      domainsWithEntry: row.domains_with_entry,
      newestEvidence: row.newest_evidence,
      qualities: row.qualities ?? {},
    })),
  };
}
