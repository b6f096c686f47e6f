import type { ProviderOffer, ProviderStatus } from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { sql, whereAll, type SqlFragment } from "../client/sql.ts";
import { toProvenance, type ProvenanceColumns } from "./provenanceColumns.ts";

interface OfferRow extends ProvenanceColumns {
  id: number;
  provider_id: string;
  provider_short_name: string;
  provider_name: string;
  provider_status: ProviderStatus;
  domain_id: string;
  domain_name: string;
  volume_unit: string | null;
  product_id: string | null;
  product_name: string | null;
  product_vendor: string | null;
  fixed_price: number;
  unit_price: number;
  capacity: number | null;
  sla: string | null;
  valid_from: string;
  valid_to: string | null;
}

/** Offers valid on a day, optionally of one provider or one domain. */
export async function listOffers(
  db: Queryable,
  filter: { asOf: string; providerId?: string | undefined; domainId?: string | undefined },
): Promise<ProviderOffer[]> {
  const conditions: SqlFragment[] = [
    sql`s.valid_from <= ${filter.asOf}::date AND (s.valid_to IS NULL OR s.valid_to > ${filter.asOf}::date)`,
  ];
  if (filter.providerId) conditions.push(sql`s.provider_id = ${filter.providerId}`);
  if (filter.domainId) conditions.push(sql`s.domain_id = ${filter.domainId}`);
  const rows = await db.query<OfferRow>(sql`
    SELECT s.*, p.short_name AS provider_short_name, p.name AS provider_name, p.status AS provider_status,
           d.name AS domain_name, d.volume_unit, pr.name AS product_name, pr.vendor AS product_vendor
    FROM provider_offer s JOIN provider p ON p.id = s.provider_id
    JOIN service_domain d ON d.id = s.domain_id LEFT JOIN product pr ON pr.id = s.product_id
    ${whereAll(conditions)} ORDER BY p.short_name, d.position, s.id`);
  return rows.map((row) => ({
    id: row.id,
    provider: {
      id: row.provider_id,
      shortName: row.provider_short_name,
      name: row.provider_name,
      status: row.provider_status,
    },
    domain: { id: row.domain_id, name: row.domain_name, volumeUnit: row.volume_unit },
    product:
      row.product_id && row.product_name && row.product_vendor
        ? { id: row.product_id, name: row.product_name, vendor: row.product_vendor }
        : null,
    fixedPrice: row.fixed_price,
    unitPrice: row.unit_price,
    capacity: row.capacity,
    sla: row.sla,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    demo: row.quality === "demo",
    provenance: toProvenance(row),
  }));
}

/** Reorganisations applied to the landscape, newest first. */
export async function listReorganisations(db: Queryable) {
  return db.query<{
    id: number;
    kind: "merger" | "rename" | "member_move";
    effectiveDate: string;
    sourceProviderIds: string[];
    targetProviderId: string;
    organisationKey: string | null;
    movedSourcings: number;
    movedOffers: number;
    note: string | null;
    appliedBy: string;
    replaysEvent: boolean;
  }>(sql`SELECT id, kind, effective_date::text AS "effectiveDate", source_provider_ids AS "sourceProviderIds",
           target_provider_id AS "targetProviderId", organisation_key AS "organisationKey",
           moved_sourcings AS "movedSourcings", moved_offers AS "movedOffers", note, applied_by AS "appliedBy",
           provider_event_id IS NOT NULL AS "replaysEvent"
         FROM reorganisation ORDER BY effective_date DESC, id DESC`);
}
