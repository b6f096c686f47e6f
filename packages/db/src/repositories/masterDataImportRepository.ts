import {
  organisationTypeLabel,
  type KreisType,
  type MembershipContent,
  type MembershipRecord,
  type MunicipalityType,
  type OfferContent,
  type OfferRecord,
  type OrganisationAttributes,
  type OrganisationKind,
  type OrganisationRecord,
  type ProductContent,
  type ProvenanceQuality,
} from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { raw, sql } from "../client/sql.ts";
import { archiveMembershipsForImport } from "./correctionRepository.ts";
import { emptyOrganisationFacts, listOrganisationFacts } from "./organisationRepository.ts";

/*
 * Reads and bulk writes of the imports of Kommunen, products, memberships and offers. Each
 * write takes the rows of one import in arrays (`unnest`), so an import is a handful of
 * statements whatever its size, inside the caller's transaction.
 */

/** Gemeinden and Kreise with the attributes the "Kommunen" sheet shows. */
export async function listOrganisationRecords(db: Queryable): Promise<OrganisationRecord[]> {
  const rows = await db.query<{
    key: string;
    ars: string | null;
    name: string;
    kind: OrganisationKind;
    municipalityType: MunicipalityType | null;
    kreisType: KreisType | null;
    kreisName: string | null;
    regierungsbezirkName: string | null;
    population: number | null;
    areaKm2: number | null;
    postcode: string | null;
    website: string | null;
    quality: ProvenanceQuality;
  }>(sql`
    SELECT o.key, o.ars, o.name, o.kind, o.municipality_type AS "municipalityType",
           o.kreis_type AS "kreisType", k.name AS "kreisName", r.name AS "regierungsbezirkName",
           o.population_zensus2022 AS population, o.area_km2 AS "areaKm2", o.postcode, o.website,
           o.quality
    FROM organisation o
    LEFT JOIN organisation k ON k.key = o.kreis_key
    LEFT JOIN organisation r ON r.key = o.regierungsbezirk_key
    WHERE o.kind IN ('gemeinde', 'kreis')
    ORDER BY o.key`);
  const facts = await listOrganisationFacts(db);
  return rows.map(({ kind, municipalityType, kreisType, ...row }) => ({
    ...row,
    typeLabel: organisationTypeLabel({ kind, municipalityType, kreisType }),
    facts: facts.get(row.key) ?? emptyOrganisationFacts(),
  }));
}

/** Sets the user-maintained attributes of existing Kommunen (keys are never created). */
export async function updateOrganisationAttributes(
  tx: Queryable,
  rows: ReadonlyArray<OrganisationAttributes & { key: string }>,
  /** The import, e.g. "Import kommunen.xlsx": the document of the changed values. */
  reason: string,
): Promise<void> {
  if (rows.length === 0) return;
  const keys = rows.map((row) => row.key);
  // The changed attribute's own provenance (ADR 0024): entered by hand, recorded now, the
  // import named as its document; an emptied value has no provenance left.
  await tx.query(sql`
    WITH v AS (
      SELECT * FROM unnest(${keys}::text[], ${rows.map((row) => row.postcode)}::text[],
                           ${rows.map((row) => row.website)}::text[]) AS v(key, postcode, website)
    ), changed AS (
      SELECT o.key, a.attribute, a.value
      FROM organisation o JOIN v ON v.key = o.key
      CROSS JOIN LATERAL (VALUES ('postcode', o.postcode, v.postcode),
                                 ('website', o.website, v.website)) AS a(attribute, old, value)
      WHERE a.old IS DISTINCT FROM a.value
    ), removed AS (
      DELETE FROM organisation_fact f USING changed c
      WHERE f.organisation_key = c.key AND f.attribute = c.attribute AND c.value IS NULL
    )
    INSERT INTO organisation_fact (organisation_key, attribute, source_document, evidence_date,
                                   recorded_at, quality)
    SELECT key, attribute, ${reason}, current_date, now(), 'user' FROM changed WHERE value IS NOT NULL
    ON CONFLICT (organisation_key, attribute) DO UPDATE SET
      source_id = NULL, source_urls = '{}', as_of = NULL, evidence = NULL,
      source_document = EXCLUDED.source_document, evidence_date = EXCLUDED.evidence_date,
      recorded_at = EXCLUDED.recorded_at, quality = EXCLUDED.quality`);
  await tx.query(sql`
    UPDATE organisation o SET postcode = v.postcode, website = v.website
    FROM unnest(${keys}::text[], ${rows.map((row) => row.postcode)}::text[],
                ${rows.map((row) => row.website)}::text[]) AS v(key, postcode, website)
    WHERE o.key = v.key AND o.key = ANY(${keys}::text[])`);
}

/** Products (new or changed) with their domains, written as a whole. */
export interface ProductImportWrite extends ProductContent {
  id: string;
  domainIds: string[];
}

/** Creates or updates products and replaces their domain lists. */
export async function upsertProducts(
  tx: Queryable,
  rows: readonly ProductImportWrite[],
  evidence: string,
): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((row) => row.id);
  await tx.query(sql`
    INSERT INTO product (id, name, vendor, lifecycle, description, source_id, source_urls, as_of, evidence, quality)
    SELECT v.id, v.name, v.vendor, v.lifecycle, v.description, NULL, '{}', NULL, ${evidence}, 'user'
    FROM unnest(${ids}::text[], ${rows.map((row) => row.name)}::text[],
                ${rows.map((row) => row.vendor)}::text[], ${rows.map((row) => row.lifecycle)}::text[],
                ${rows.map((row) => row.description)}::text[])
      AS v(id, name, vendor, lifecycle, description)
    ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, vendor = EXCLUDED.vendor,
      lifecycle = EXCLUDED.lifecycle, description = EXCLUDED.description, source_id = NULL,
      source_urls = '{}', as_of = NULL, evidence = EXCLUDED.evidence, quality = 'user'`);
  await tx.query(sql`DELETE FROM product_domain WHERE product_id = ANY(${ids}::text[])`);
  const pairs = rows.flatMap((row) => row.domainIds.map((domainId) => [row.id, domainId] as const));
  await tx.query(sql`
    INSERT INTO product_domain (product_id, domain_id)
    SELECT * FROM unnest(${pairs.map((pair) => pair[0])}::text[], ${pairs.map((pair) => pair[1])}::text[])`);
}

/** Every membership with the columns of the "Mitgliedschaften" sheet. */
export async function listMembershipRecords(db: Queryable): Promise<MembershipRecord[]> {
  return db.query<MembershipRecord>(sql`
    SELECT m.id, m.organisation_key AS "organisationKey", o.name AS "organisationName",
           m.provider_id AS "providerId", p.name AS "providerName", m.relation, m.derivation,
           m.as_of AS "asOf", m.attested_from::text AS "attestedFrom", m.attested_to::text AS "attestedTo",
           m.evidence, m.source_urls AS "sourceUrls", m.source_id AS "sourceId", m.quality,
           m.source_document AS "sourceDocument", m.evidence_date::text AS "evidenceDate",
           to_char(m.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "recordedAt"
    FROM membership m JOIN organisation o ON o.key = m.organisation_key
    JOIN provider p ON p.id = m.provider_id
    ORDER BY m.organisation_key, m.provider_id, m.relation, m.id`);
}

/** A membership an import writes: `id` for an update, null for a new one. */
export interface MembershipImportWrite extends MembershipContent {
  id: number | null;
  organisationKey: string;
  providerId: string;
  relation: string;
}

const urlArray = sql`CASE WHEN v.urls = '' THEN '{}'::text[] ELSE string_to_array(v.urls, E'\\n') END`;

/**
 * Updates changed memberships and adds new ones (quality "manuell erfasst"). The replaced
 * version of an updated membership is kept in `fact_version`.
 */
export async function writeMemberships(
  tx: Queryable,
  rows: readonly MembershipImportWrite[],
): Promise<void> {
  const updates = rows.filter(
    (row): row is MembershipImportWrite & { id: number } => row.id !== null,
  );
  const inserts = rows.filter((row) => row.id === null);
  // Arrays of arrays cannot pass through unnest; each URL list travels as one text.
  const urls = (list: readonly MembershipImportWrite[]) =>
    list.map((row) => row.sourceUrls.join("\n"));
  if (updates.length > 0) {
    const ids = updates.map((row) => row.id);
    // The version an import replaces stays in the history with its source (ADR 0022).
    await archiveMembershipsForImport(tx, ids);
    await tx.query(sql`
      UPDATE membership m SET recorded_at = now(), as_of = v.as_of, attested_from = v.attested_from,
        attested_to = v.attested_to, evidence = v.evidence, source_urls = ${urlArray},
        source_id = NULL, quality = 'user'
      FROM unnest(${ids}::int[], ${updates.map((row) => row.asOf)}::text[],
                  ${updates.map((row) => row.attestedFrom)}::date[], ${updates.map((row) => row.attestedTo)}::date[],
                  ${updates.map((row) => row.evidence)}::text[], ${urls(updates)}::text[])
        AS v(id, as_of, attested_from, attested_to, evidence, urls)
      WHERE m.id = v.id AND m.id = ANY(${ids}::int[])`);
  }
  if (inserts.length > 0) {
    await tx.query(sql`
      INSERT INTO membership (organisation_key, provider_id, relation, derivation, as_of, attested_from,
        attested_to, evidence, source_urls, source_id, quality)
      SELECT v.organisation_key, v.provider_id, v.relation, 'explicit', v.as_of, v.attested_from, v.attested_to,
        v.evidence, ${urlArray}, NULL, 'user'
      FROM unnest(${inserts.map((row) => row.organisationKey)}::text[], ${inserts.map((row) => row.providerId)}::text[],
                  ${inserts.map((row) => row.relation)}::text[], ${inserts.map((row) => row.asOf)}::text[],
                  ${inserts.map((row) => row.attestedFrom)}::date[], ${inserts.map((row) => row.attestedTo)}::date[],
                  ${inserts.map((row) => row.evidence)}::text[], ${urls(inserts)}::text[])
        AS v(organisation_key, provider_id, relation, as_of, attested_from, attested_to, evidence, urls)`);
  }
}

/** Offer versions (all days), or those valid on `asOf`, with the columns of the "Angebote" sheet. */
export async function listOfferRecords(db: Queryable, asOf?: string): Promise<OfferRecord[]> {
  return db.query<OfferRecord>(sql`
    SELECT s.id, s.provider_id AS "providerId", p.name AS "providerName", s.domain_id AS "domainId",
           d.name AS "domainName", d.volume_unit AS "volumeUnit", s.product_id AS "productId",
           pr.name AS "productName", s.fixed_price AS "fixedPrice", s.unit_price AS "unitPrice",
           s.capacity, s.sla, s.valid_from::text AS "validFrom", s.valid_to::text AS "validTo",
           s.evidence, s.quality
    FROM provider_offer s JOIN provider p ON p.id = s.provider_id
    JOIN service_domain d ON d.id = s.domain_id LEFT JOIN product pr ON pr.id = s.product_id
    ${asOf ? sql`WHERE s.valid_from <= ${asOf}::date AND (s.valid_to IS NULL OR s.valid_to > ${asOf}::date)` : sql``}
    ORDER BY p.short_name, d.position, s.product_id NULLS FIRST, s.valid_from, s.id`);
}

/** An offer version an import writes. */
export interface OfferImportWrite extends OfferContent {
  providerId: string;
  domainId: string;
  productId: string | null;
  validFrom: string;
  quality: ProvenanceQuality;
}

/**
 * Writes an import's offers: `corrections` update stored versions in place (same day),
 * `closings` end the version before a new one, `inserts` add versions with their
 * predecessor (lineage).
 */
export async function writeOffers(
  tx: Queryable,
  changes: {
    corrections: ReadonlyArray<OfferImportWrite & { id: number }>;
    closings: ReadonlyArray<{ id: number; validTo: string }>;
    inserts: ReadonlyArray<OfferImportWrite & { predecessorId: number | null }>;
  },
): Promise<void> {
  const { corrections, closings, inserts } = changes;
  if (closings.length > 0) {
    const ids = closings.map((row) => row.id);
    await tx.query(sql`
      UPDATE provider_offer s SET valid_to = v.valid_to
      FROM unnest(${ids}::int[], ${closings.map((row) => row.validTo)}::date[]) AS v(id, valid_to)
      WHERE s.id = v.id AND s.id = ANY(${ids}::int[])`);
  }
  if (corrections.length > 0) {
    const ids = corrections.map((row) => row.id);
    const column = <V>(get: (row: (typeof corrections)[number]) => V) => corrections.map(get);
    await tx.query(sql`
      UPDATE provider_offer s SET fixed_price = v.fixed_price, unit_price = v.unit_price,
        capacity = v.capacity, sla = v.sla, valid_to = v.valid_to, evidence = v.evidence,
        quality = v.quality, source_id = NULL
      FROM unnest(${ids}::int[], ${column((row) => row.fixedPrice)}::numeric[],
                  ${column((row) => row.unitPrice)}::numeric[], ${column((row) => row.capacity)}::numeric[],
                  ${column((row) => row.sla)}::text[], ${column((row) => row.validTo)}::date[],
                  ${column((row) => row.evidence)}::text[], ${column((row) => row.quality)}::text[])
        AS v(id, fixed_price, unit_price, capacity, sla, valid_to, evidence, quality)
      WHERE s.id = v.id AND s.id = ANY(${ids}::int[])`);
  }
  if (inserts.length > 0) {
    const column = <V>(get: (row: (typeof inserts)[number]) => V) => inserts.map(get);
    await tx.query(sql`
      INSERT INTO provider_offer (provider_id, domain_id, product_id, fixed_price, unit_price, capacity, sla,
        valid_from, valid_to, predecessor_id, evidence, quality)
      SELECT * FROM unnest(${column((row) => row.providerId)}::text[], ${column((row) => row.domainId)}::text[],
        ${column((row) => row.productId)}::text[], ${column((row) => row.fixedPrice)}::numeric[],
        ${column((row) => row.unitPrice)}::numeric[], ${column((row) => row.capacity)}::numeric[],
        ${column((row) => row.sla)}::text[], ${column((row) => row.validFrom)}::date[],
        ${column((row) => row.validTo)}::date[], ${column((row) => row.predecessorId)}::int[],
        ${column((row) => row.evidence)}::text[], ${column((row) => row.quality)}::text[])`);
  }
}

/** Keeps other writers of these tables out until the import's transaction ends. */
export async function lockMasterDataForImport(
  tx: Queryable,
  tables: ReadonlyArray<"organisation" | "product" | "membership" | "provider_offer">,
): Promise<void> {
  for (const table of tables) {
    // Table names come from the fixed list in the type above, never from input.
    await tx.query(sql`LOCK TABLE ${raw(table)} IN SHARE ROW EXCLUSIVE MODE`);
  }
}
