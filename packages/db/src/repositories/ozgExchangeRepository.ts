import {
  ConflictError,
  InputError,
  NotFoundError,
  type ExchangeAgreement,
  type ExchangeAgreementInput,
  type ExchangeInterest,
  type ExchangeInterestInput,
  type ExchangeOffer,
  type ExchangeOfferDetail,
  type ExchangeOfferInput,
  type ExchangeOfferStatus,
} from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { sql, whereAll, type SqlFragment } from "../client/sql.ts";
import { bumpLandscapeRevision } from "./sourcingRepository.ts";
import { toProvenance, type ProvenanceColumns } from "./provenanceColumns.ts";

interface OfferRow extends ProvenanceColumns {
  id: number;
  provider_id: string;
  provider_short_name: string;
  provider_name: string;
  domain_id: string;
  domain_name: string;
  volume_unit: string | null;
  online_service_id: string | null;
  online_service_name: string | null;
  title: string;
  description: string | null;
  price_model: string | null;
  fixed_price: number;
  unit_price: number;
  capacity: number | null;
  sla: string | null;
  audience: Array<{ id: string; shortName: string; name: string }> | null;
  status: ExchangeOfferStatus;
  valid_from: string;
  valid_to: string | null;
  provider_offer_id: number | null;
  interest_count: number;
  agreement_count: number;
}

const SELECT_OFFER = sql`
  SELECT e.*, p.short_name AS provider_short_name, p.name AS provider_name,
         d.name AS domain_name, d.volume_unit, s.name AS online_service_name,
         (SELECT json_agg(json_build_object('id', a.id, 'shortName', a.short_name, 'name', a.name) ORDER BY a.short_name)
            FROM provider a WHERE a.id = ANY(e.audience_provider_ids)) AS audience,
         (SELECT count(*)::int FROM exchange_interest i WHERE i.offer_id = e.id) AS interest_count,
         (SELECT count(*)::int FROM exchange_agreement g WHERE g.offer_id = e.id) AS agreement_count
  FROM exchange_offer e JOIN provider p ON p.id = e.provider_id
  JOIN service_domain d ON d.id = e.domain_id
  LEFT JOIN online_service s ON s.id = e.online_service_id`;

function toOffer(row: OfferRow): ExchangeOffer {
  return {
    id: row.id,
    provider: { id: row.provider_id, shortName: row.provider_short_name, name: row.provider_name },
    domain: { id: row.domain_id, name: row.domain_name, volumeUnit: row.volume_unit },
    onlineService:
      row.online_service_id && row.online_service_name
        ? { id: row.online_service_id, name: row.online_service_name }
        : null,
    title: row.title,
    description: row.description,
    priceModel: row.price_model,
    fixedPrice: row.fixed_price,
    unitPrice: row.unit_price,
    capacity: row.capacity,
    sla: row.sla,
    audience: row.audience ?? [],
    status: row.status,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    providerOfferId: row.provider_offer_id,
    interestCount: row.interest_count,
    agreementCount: row.agreement_count,
    demo: row.quality === "demo",
    provenance: toProvenance(row),
  };
}

/** Filters of the exchange offers. */
export interface ExchangeOfferFilter {
  providerId?: string | undefined;
  domainId?: string | undefined;
  /** Only offers addressed to members of this provider (or to everyone). */
  audienceProviderId?: string | undefined;
  includeWithdrawn?: boolean | undefined;
}

/** Offers of the service exchange, newest first. */
export async function listExchangeOffers(
  db: Queryable,
  filter: ExchangeOfferFilter = {},
): Promise<ExchangeOffer[]> {
  const conditions: SqlFragment[] = [];
  if (filter.providerId) conditions.push(sql`e.provider_id = ${filter.providerId}`);
  if (filter.domainId) conditions.push(sql`e.domain_id = ${filter.domainId}`);
  if (filter.audienceProviderId) {
    conditions.push(
      sql`(cardinality(e.audience_provider_ids) = 0 OR ${filter.audienceProviderId} = ANY(e.audience_provider_ids))`,
    );
  }
  if (!filter.includeWithdrawn) conditions.push(sql`e.status = 'veroeffentlicht'`);
  const rows = await db.query<OfferRow>(
    sql`${SELECT_OFFER} ${whereAll(conditions)} ORDER BY e.valid_from DESC, e.id DESC`,
  );
  return rows.map(toOffer);
}

interface PartyRow {
  id: number;
  offer_id: number;
  organisation_key: string | null;
  organisation_name: string | null;
  provider_id: string | null;
  provider_short_name: string | null;
  provider_name: string | null;
  note: string | null;
  created_at: string;
  created_by: string;
}

function toParty(row: PartyRow) {
  return {
    id: row.id,
    offerId: row.offer_id,
    organisation:
      row.organisation_key && row.organisation_name
        ? { key: row.organisation_key, name: row.organisation_name }
        : null,
    provider:
      row.provider_id && row.provider_short_name && row.provider_name
        ? { id: row.provider_id, shortName: row.provider_short_name, name: row.provider_name }
        : null,
    note: row.note,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

const PARTY_COLUMNS = sql`x.id, x.offer_id, x.organisation_key, o.name AS organisation_name,
  x.provider_id, p.short_name AS provider_short_name, p.name AS provider_name, x.note,
  to_char(x.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at, x.created_by`;

/** One offer with its interests and agreements. */
export async function findExchangeOffer(
  db: Queryable,
  id: number,
): Promise<ExchangeOfferDetail | undefined> {
  const [row] = await db.query<OfferRow>(sql`${SELECT_OFFER} WHERE e.id = ${id}`);
  if (!row) return undefined;
  const [interests, agreements] = await Promise.all([
    db.query<PartyRow>(sql`SELECT ${PARTY_COLUMNS} FROM exchange_interest x
      LEFT JOIN organisation o ON o.key = x.organisation_key LEFT JOIN provider p ON p.id = x.provider_id
      WHERE x.offer_id = ${id} ORDER BY x.created_at, x.id`),
    db.query<PartyRow & { signed_on: string; valid_from: string; valid_to: string | null }>(sql`
      SELECT ${PARTY_COLUMNS}, x.signed_on, x.valid_from, x.valid_to FROM exchange_agreement x
      LEFT JOIN organisation o ON o.key = x.organisation_key LEFT JOIN provider p ON p.id = x.provider_id
      WHERE x.offer_id = ${id} ORDER BY x.signed_on, x.id`),
  ]);
  return {
    ...toOffer(row),
    interests: interests.map((interest): ExchangeInterest => toParty(interest)),
    agreements: agreements.map((agreement): ExchangeAgreement => ({
      ...toParty(agreement),
      signedOn: agreement.signed_on,
      validFrom: agreement.valid_from,
      validTo: agreement.valid_to,
    })),
  };
}

/** Finds an offer or throws NotFoundError. */
export async function getExchangeOffer(db: Queryable, id: number): Promise<ExchangeOfferDetail> {
  const offer = await findExchangeOffer(db, id);
  if (!offer) {
    throw new NotFoundError("exchange_offer_not_found", `Es gibt kein Angebot ${id}.`);
  }
  return offer;
}

async function checkOfferReferences(
  tx: Queryable,
  providerId: string,
  input: ExchangeOfferInput,
): Promise<void> {
  const [row] = await tx.query<{
    provider: string | null;
    domain_is_group: boolean | null;
    service_ok: boolean | null;
    audience: string[];
  }>(sql`
    SELECT (SELECT status FROM provider WHERE id = ${providerId}) AS provider,
           (SELECT is_group FROM service_domain WHERE id = ${input.domainId}) AS domain_is_group,
           (SELECT true FROM online_service WHERE id = ${input.onlineServiceId}) AS service_ok,
           coalesce((SELECT array_agg(id) FROM provider WHERE id = ANY(${input.audienceProviderIds}::text[])), '{}') AS audience`);
  if (!row?.provider) {
    throw new NotFoundError(
      "provider_not_found",
      `Es gibt keinen IT-Dienstleister „${providerId}“.`,
    );
  }
  const problems: Array<{ field: string; message: string }> = [];
  if (row.provider !== "active") {
    problems.push({
      field: "providerId",
      message: "Nur aktive IT-Dienstleister können Angebote veröffentlichen.",
    });
  }
  if (row.domain_is_group === null || row.domain_is_group) {
    problems.push({
      field: "domainId",
      message: `Es gibt keinen Leistungsbereich „${input.domainId}“.`,
    });
  }
  if (input.onlineServiceId && !row.service_ok) {
    problems.push({
      field: "onlineServiceId",
      message: `Onlinedienst „${input.onlineServiceId}“ ist unbekannt.`,
    });
  }
  const unknown = input.audienceProviderIds.filter((id) => !row.audience.includes(id));
  if (unknown.length > 0) {
    problems.push({
      field: "audienceProviderIds",
      message: `Unbekannte IT-Dienstleister: ${unknown.join(", ")}.`,
    });
  }
  if (input.audienceProviderIds.includes(providerId)) {
    problems.push({
      field: "audienceProviderIds",
      message: "Angebote richten sich an Mitglieder anderer Dienstleister, nicht an die eigenen.",
    });
  }
  if (problems.length > 0) {
    throw new InputError(
      "invalid_exchange_offer",
      "Das Angebot ist ungültig: " + problems.map((problem) => problem.message).join(" "),
      problems,
    );
  }
}

/**
 * Keeps the landscape offer (scenario option) in step with an exchange offer: published →
 * a provider_offer row with the same price model and validity; withdrawn → that row ends.
 */
async function mirrorProviderOffer(tx: Queryable, offerId: number): Promise<void> {
  const [offer] = await tx.query<{
    status: ExchangeOfferStatus;
    provider_offer_id: number | null;
    valid_from: string;
    today: string;
  }>(sql`SELECT status, provider_offer_id, valid_from, (now() AT TIME ZONE 'Europe/Berlin')::date::text AS today
         FROM exchange_offer WHERE id = ${offerId}`);
  if (!offer) return;
  if (offer.status === "veroeffentlicht") {
    if (offer.provider_offer_id === null) {
      const [created] = await tx.query<{ id: number }>(sql`
        INSERT INTO provider_offer (provider_id, domain_id, product_id, fixed_price, unit_price, capacity, sla, valid_from, valid_to, evidence, quality)
        SELECT provider_id, domain_id, NULL, fixed_price, unit_price, capacity, sla, valid_from, valid_to,
               'Leistungsaustausch: Angebot ' || id || ' „' || title || '“', quality
        FROM exchange_offer WHERE id = ${offerId} RETURNING id`);
      await tx.query(
        sql`UPDATE exchange_offer SET provider_offer_id = ${created?.id ?? null} WHERE id = ${offerId}`,
      );
    } else {
      await tx.query(sql`
        UPDATE provider_offer o SET domain_id = e.domain_id, fixed_price = e.fixed_price, unit_price = e.unit_price,
               capacity = e.capacity, sla = e.sla, valid_from = e.valid_from, valid_to = e.valid_to
        FROM exchange_offer e WHERE e.id = ${offerId} AND o.id = e.provider_offer_id`);
    }
  } else if (offer.provider_offer_id !== null) {
    // Withdrawn: the option ends today (or disappears when it had not started yet).
    const end = offer.today > offer.valid_from ? offer.today : null;
    if (end) {
      await tx.query(sql`UPDATE provider_offer SET valid_to = ${end}::date
        WHERE id = ${offer.provider_offer_id} AND (valid_to IS NULL OR valid_to > ${end}::date)`);
    } else {
      await tx.query(sql`UPDATE exchange_offer SET provider_offer_id = NULL WHERE id = ${offerId}`);
      await tx.query(sql`DELETE FROM provider_offer WHERE id = ${offer.provider_offer_id}`);
    }
  }
  await bumpLandscapeRevision(tx);
}

/** Publishes a provider's offer; returns its id. */
export async function createExchangeOffer(
  tx: Queryable,
  providerId: string,
  input: ExchangeOfferInput,
  createdBy: string,
): Promise<number> {
  await checkOfferReferences(tx, providerId, input);
  const [row] = await tx.query<{ id: number }>(sql`
    INSERT INTO exchange_offer (provider_id, domain_id, online_service_id, title, description, price_model,
      fixed_price, unit_price, capacity, sla, audience_provider_ids, status, valid_from, valid_to, created_by)
    VALUES (${providerId}, ${input.domainId}, ${input.onlineServiceId}, ${input.title}, ${input.description},
      ${input.priceModel}, ${input.fixedPrice}, ${input.unitPrice}, ${input.capacity}, ${input.sla},
      ${input.audienceProviderIds}, ${input.status}, ${input.validFrom}::date, ${input.validTo}::date, ${createdBy})
    RETURNING id`);
  if (!row) throw new Error("Angebot wurde nicht geschrieben");
  await mirrorProviderOffer(tx, row.id);
  return row.id;
}

/** Changes (or withdraws) an offer of `providerId`. */
export async function updateExchangeOffer(
  tx: Queryable,
  providerId: string,
  id: number,
  input: ExchangeOfferInput,
): Promise<void> {
  const [existing] = await tx.query<{ provider_id: string }>(
    sql`SELECT provider_id FROM exchange_offer WHERE id = ${id} FOR UPDATE`,
  );
  if (!existing || existing.provider_id !== providerId) {
    throw new NotFoundError(
      "exchange_offer_not_found",
      `Der IT-Dienstleister „${providerId}“ hat kein Angebot ${id}.`,
    );
  }
  await checkOfferReferences(tx, providerId, input);
  await tx.query(sql`
    UPDATE exchange_offer SET domain_id = ${input.domainId}, online_service_id = ${input.onlineServiceId},
      title = ${input.title}, description = ${input.description}, price_model = ${input.priceModel},
      fixed_price = ${input.fixedPrice}, unit_price = ${input.unitPrice}, capacity = ${input.capacity},
      sla = ${input.sla}, audience_provider_ids = ${input.audienceProviderIds}, status = ${input.status},
      valid_from = ${input.validFrom}::date, valid_to = ${input.validTo}::date, updated_at = now()
    WHERE id = ${id}`);
  await mirrorProviderOffer(tx, id);
}

async function checkParty(
  tx: Queryable,
  offerId: number,
  party: { organisationKey: string | null; providerId: string | null },
): Promise<ExchangeOfferDetail> {
  const offer = await getExchangeOffer(tx, offerId);
  if (party.organisationKey) {
    const [row] = await tx.query<{ key: string }>(
      sql`SELECT key FROM organisation WHERE key = ${party.organisationKey} AND kind IN ('gemeinde','kreis')`,
    );
    if (!row) {
      throw new InputError(
        "invalid_exchange_party",
        `Es gibt keine Kommune „${party.organisationKey}“.`,
        [
          {
            field: "organisationKey",
            message: `Es gibt keine Kommune „${party.organisationKey}“.`,
          },
        ],
      );
    }
  }
  if (party.providerId) {
    const [row] = await tx.query<{ id: string }>(
      sql`SELECT id FROM provider WHERE id = ${party.providerId}`,
    );
    if (!row) {
      throw new InputError(
        "invalid_exchange_party",
        `Es gibt keinen IT-Dienstleister „${party.providerId}“.`,
        [
          {
            field: "providerId",
            message: `Es gibt keinen IT-Dienstleister „${party.providerId}“.`,
          },
        ],
      );
    }
    if (party.providerId === offer.provider.id) {
      throw new InputError(
        "invalid_exchange_party",
        "Ein IT-Dienstleister kann sein eigenes Angebot nicht annehmen.",
        [
          {
            field: "providerId",
            message: "Ein IT-Dienstleister kann sein eigenes Angebot nicht annehmen.",
          },
        ],
      );
    }
  }
  return offer;
}

/** Registers a Kommune's or provider's interest in a published offer; returns its id. */
export async function addExchangeInterest(
  tx: Queryable,
  offerId: number,
  input: ExchangeInterestInput,
  createdBy: string,
): Promise<number> {
  const offer = await checkParty(tx, offerId, input);
  if (offer.status !== "veroeffentlicht") {
    throw new ConflictError("exchange_offer_withdrawn", "Das Angebot ist zurückgezogen.");
  }
  const [row] = await tx.query<{ id: number }>(sql`
    INSERT INTO exchange_interest (offer_id, organisation_key, provider_id, note, created_by)
    VALUES (${offerId}, ${input.organisationKey}, ${input.providerId}, ${input.note}, ${createdBy})
    ON CONFLICT (offer_id, coalesce(organisation_key, ''), coalesce(provider_id, '')) DO NOTHING
    RETURNING id`);
  if (!row) {
    throw new ConflictError(
      "exchange_interest_exists",
      "Für dieses Angebot ist das Interesse bereits bekundet.",
    );
  }
  return row.id;
}

/** Records an agreement about an offer; returns its id. */
export async function addExchangeAgreement(
  tx: Queryable,
  offerId: number,
  input: ExchangeAgreementInput,
  createdBy: string,
): Promise<number> {
  await checkParty(tx, offerId, input);
  const [row] = await tx.query<{ id: number }>(sql`
    INSERT INTO exchange_agreement (offer_id, organisation_key, provider_id, signed_on, valid_from, valid_to, note, created_by)
    VALUES (${offerId}, ${input.organisationKey}, ${input.providerId}, ${input.signedOn}::date,
            ${input.validFrom}::date, ${input.validTo}::date, ${input.note}, ${createdBy})
    RETURNING id`);
  if (!row) throw new Error("Vereinbarung wurde nicht geschrieben");
  return row.id;
}
