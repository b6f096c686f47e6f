import { currentSuccessorId, parseImpreciseDate, parseLeadingDate } from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { insertRows } from "../client/insertRows.ts";
import { sql } from "../client/sql.ts";
import { blankToNull, readCsv, splitUrls } from "./readCsv.ts";
import { upsertClause } from "./upsertClause.ts";

const PROVIDER_COLUMNS = [
  "id",
  "short_name",
  "name",
  "kind",
  "legal_form",
  "seat",
  "founded_text",
  "founded_from",
  "founded_to",
  "status",
  "owner_key",
  "website",
  "facts",
  "source_id",
  "source_urls",
  "as_of",
  "evidence",
] as const;

// Kinds of the sourced providers that are not ordinary municipal providers
// (data/nrw_it_dienstleister.csv; owners per its `name` column).
const SPECIAL_KINDS: Record<string, { kind: string; ownerKey?: string }> = {
  kdn: { kind: "dachverband" },
  "it-nrw": { kind: "land" },
  "d-nrw": { kind: "land" },
  citeq: { kind: "stadt_it", ownerKey: "05515000" },
};

/**
 * Seeds providers (sourced list plus the city IT departments of KDN's 2019 list), their
 * successors, memberships and dated events. Sourced memberships and events are replaced as a
 * whole, because the files have no row ids of their own.
 */
export async function seedProviders(tx: Queryable, directory: string): Promise<void> {
  const [sourced, cityIt, memberships, events] = await Promise.all([
    readCsv(directory, "nrw_it_dienstleister.csv"),
    readCsv(directory, "nrw_stadt_it_dienstleister.csv"),
    readCsv(directory, "nrw_it_dienstleister_mitgliedschaften.csv"),
    readCsv(directory, "nrw_it_dienstleister_ereignisse.csv"),
  ]);

  const providerRows = [
    ...sourced.map((row) => {
      const founded = parseLeadingDate(row.founded ?? "");
      const special = SPECIAL_KINDS[row.id ?? ""];
      return [
        row.id,
        row.short_name,
        row.name,
        special?.kind ?? "kommunal",
        blankToNull(row.legal_form),
        blankToNull(row.seat),
        blankToNull(row.founded),
        founded?.from ?? null,
        founded?.to ?? null,
        row.status,
        special?.ownerKey ?? null,
        blankToNull(row.website),
        blankToNull(row.facts),
        "S6",
        splitUrls(row.sources),
        null,
        blankToNull(row.facts),
      ];
    }),
    ...cityIt.map((row) => [
      row.id,
      row.short_name,
      row.name,
      row.kind,
      blankToNull(row.legal_form),
      blankToNull(row.seat),
      null,
      null,
      null,
      row.status,
      blankToNull(row.owner_key),
      blankToNull(row.website),
      blankToNull(row.note),
      "S5",
      [],
      "2019",
      `In der KDN-OZG-Datenbank 2019 als IT-Dienstleister geführt (Zeile ozg_service_provider ${row.kdn_id})`,
    ]),
  ];
  await insertRows(
    tx,
    "provider",
    PROVIDER_COLUMNS,
    providerRows,
    // A provider whose facts a person corrected (quality other than sourced) keeps them.
    `${upsertClause("id", PROVIDER_COLUMNS)} WHERE provider.quality = 'sourced'`,
  );
  const successors = [...sourced, ...cityIt].map((row) => ({
    id: row.id ?? "",
    successorId: blankToNull(row.successor_id),
  }));
  for (const { id, successorId } of successors) {
    await tx.query(sql`UPDATE provider SET successor_id = ${successorId} WHERE id = ${id}`);
  }
  const lineage = new Map(successors.map((node) => [node.id, node]));

  const membershipRows = memberships.map((row) => {
    const providerId = row.provider_id ?? "";
    const derived = row.provider_current_id ?? "";
    if (derived !== currentSuccessorId(providerId, lineage)) {
      throw new Error(`Mitgliedschaft ${providerId}/${row.member_ags}: Nachfolger passt nicht`);
    }
    const attested = parseLeadingDate(row.as_of ?? "");
    const organisationKey = memberKey(row.member_level ?? "", row.member_ags ?? "");
    return [
      membershipSeedKey(organisationKey, providerId, row.relation ?? ""),
      organisationKey,
      providerId,
      row.relation,
      row.derivation,
      attested?.from ?? null,
      attested?.to ?? null,
      attested?.from ?? null,
      "S6",
      splitUrls(row.source_url),
      blankToNull(row.as_of),
      blankToNull(row.evidence),
    ];
  });
  const ownIt = cityIt.map((row) => [
    membershipSeedKey(row.owner_key ?? "", row.id ?? "", "eigene_it"),
    row.owner_key,
    row.id,
    "eigene_it",
    "abgeleitet: IT der eigenen Verwaltung, in der KDN-OZG-Datenbank 2019 als IT-Dienstleister geführt",
    "2019-01-01",
    "2019-12-31",
    "2019-01-01",
    "S5",
    [],
    "2019",
    `KDN-OZG-Datenbank 2019, Tabelle ozg_service_provider, Zeile ${row.kdn_id}: „${row.name}“`,
  ]);
  await mergeSourcedMemberships(tx, [...membershipRows, ...ownIt]);

  // An event that the files still hold keeps the time it was first recorded (ADR 0024). The
  // files give no date of the cited article, so the evidence date stays unknown.
  const recorded = new Map(
    (
      await tx.query<{ key: string; recorded_at: Date | string }>(
        sql`SELECT date_text || '|' || event_type || '|' || description AS key, recorded_at
            FROM provider_event WHERE quality = 'sourced'`,
      )
    ).map((row) => [row.key, row.recorded_at]),
  );
  await tx.query(sql`DELETE FROM provider_event WHERE quality = 'sourced'`);
  for (const row of events) {
    const date = parseImpreciseDate(row.date ?? "");
    if (!date) throw new Error(`Ereignis mit unlesbarem Datum: ${row.date}`);
    const recordedAt = recorded.get(`${date.text}|${row.event_type}|${row.description}`) ?? null;
    const [inserted] = await tx.query<{ id: number }>(
      sql`INSERT INTO provider_event
            (date_text, date_from, date_to, event_type, target_id, description, source_id, source_urls,
             as_of, recorded_at)
          VALUES (${date.text}, ${date.from}, ${date.to}, ${row.event_type},
                  ${blankToNull(row.target_provider_id)}, ${row.description}, 'S6',
                  ${splitUrls(row.source_url)}, ${date.text},
                  coalesce(${recordedAt}::timestamptz, now()))
          RETURNING id`,
    );
    const providerIds = (row.provider_ids ?? "").split(";").filter((id) => id.length > 0);
    await insertRows(
      tx,
      "provider_event_provider",
      ["event_id", "provider_id", "position"],
      providerIds.map((providerId, position) => [inserted?.id, providerId, position]),
    );
  }
  await setEndDates(tx, cityIt);
}

/**
 * The day a provider stopped under its own name, where the sources date it exactly: the
 * merged providers of a dated fusion event, a renamed provider on the day its successor was
 * formed, and city IT departments with a `merged_on` date in the compiled file.
 */
async function setEndDates(tx: Queryable, cityIt: Record<string, string>[]): Promise<void> {
  await tx.query(sql`UPDATE provider SET ended_on = NULL`);
  await tx.query(sql`
    UPDATE provider p SET ended_on = e.date_from
    FROM provider_event e JOIN provider_event_provider x ON x.event_id = e.id
    WHERE e.event_type = 'fusion' AND e.date_from = e.date_to AND e.target_id IS NOT NULL
      AND x.provider_id = p.id AND p.status = 'merged' AND p.successor_id = e.target_id`);
  await tx.query(sql`
    UPDATE provider p SET ended_on = e.date_from
    FROM provider_event e
    WHERE p.status = 'renamed' AND e.event_type = 'fusion' AND e.date_from = e.date_to
      AND e.target_id = p.successor_id`);
  for (const row of cityIt) {
    const mergedOn = blankToNull(row.merged_on);
    if (mergedOn)
      await tx.query(sql`UPDATE provider SET ended_on = ${mergedOn}::date WHERE id = ${row.id}`);
  }
}

const MEMBERSHIP_SEED_COLUMNS = [
  "seed_key",
  "organisation_key",
  "provider_id",
  "relation",
  "derivation",
  "attested_from",
  "attested_to",
  "evidence_date",
  "source_id",
  "source_urls",
  "as_of",
  "evidence",
] as const;

/** Key of a membership of the reference files: organisation, provider and relation. */
export function membershipSeedKey(
  organisationKey: string,
  providerId: string,
  relation: string,
): string {
  return `${organisationKey}|${providerId}|${relation}`;
}

/**
 * Merges the file's memberships by their seed key (ADR 0022). A membership that a person
 * changed, ended or confirmed (quality other than sourced, or a version in `fact_version`
 * from a correction) is left as it is: the re-seed neither duplicates nor undoes it. Sourced
 * memberships that left the files and were never corrected are removed.
 */
async function mergeSourcedMemberships(
  tx: Queryable,
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
): Promise<void> {
  // The files name a few relations twice (two sources for one Träger); the second one of a
  // key gets "#2", in file order.
  const seen = new Map<string, number>();
  const keyed = rows.map((row) => {
    const key = row[0] as string;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? row : [`${key}#${count}`, ...row.slice(1)];
  });
  const keys = keyed.map((row) => row[0] as string);
  const corrected = new Set(
    (
      await tx.query<{ seed_key: string }>(
        sql`SELECT DISTINCT seed_key FROM fact_version
            WHERE fact_kind = 'membership' AND seed_key IS NOT NULL AND correction_id IS NOT NULL`,
      )
    ).map((row) => row.seed_key),
  );
  await tx.query(
    sql`DELETE FROM membership WHERE quality = 'sourced' AND (seed_key IS NULL OR NOT seed_key = ANY(${keys}::text[]))`,
  );
  const updates = MEMBERSHIP_SEED_COLUMNS.filter((column) => column !== "seed_key")
    .map((column) => `${column} = EXCLUDED.${column}`)
    .concat("recorded_at = now()")
    .join(", ");
  await insertRows(
    tx,
    "membership",
    MEMBERSHIP_SEED_COLUMNS,
    keyed.filter((row) => !corrected.has(row[0] as string)),
    `ON CONFLICT (seed_key) DO UPDATE SET ${updates} WHERE membership.quality = 'sourced'`,
  );
}

/**
 * Organisation key of a membership row. Kreisfreie Städte are Gemeinden in IT-Atlas, so their
 * 5-digit Kreis key becomes the 8-digit AGS (05111 → 05111000).
 */
export function memberKey(level: string, ags: string): string {
  if (level === "kreisfreie_stadt" && ags.length === 5) return `${ags}000`;
  return ags;
}
