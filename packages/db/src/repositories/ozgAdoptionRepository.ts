import {
  InputError,
  NotFoundError,
  type Adoption,
  type AdoptionStatus,
  type BaseComponent,
  type LeikaType,
  type Onboarding,
  type OrganisationKind,
  type ProvenanceQuality,
  type ResponsibleType,
} from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { insertRows } from "../client/insertRows.ts";
import { sql } from "../client/sql.ts";
import { bumpOzgRevision } from "./ozgResponsibilityRepository.ts";
import { toProvenance, type ProvenanceColumns } from "./provenanceColumns.ts";

/** A Kommune as the OZG board needs it (type for the rule, regions for the filters). */
export interface OzgKommuneRow {
  key: string;
  name: string;
  kind: OrganisationKind;
  type: ResponsibleType;
  kreisKey: string | null;
  kreisName: string | null;
  regierungsbezirkKey: string | null;
  regierungsbezirkName: string | null;
  population: number;
}

/** All Kommunen (Gemeinden and Kreise) with their responsibility type and regions. */
export async function listOzgKommunen(db: Queryable): Promise<OzgKommuneRow[]> {
  return db.query<OzgKommuneRow>(sql`
    SELECT o.key, o.name, o.kind,
           CASE WHEN o.kind = 'kreis' THEN (CASE WHEN o.kreis_type = 'staedteregion' THEN 'staedteregion' ELSE 'kreis' END)
                ELSE o.municipality_type END AS type,
           o.kreis_key AS "kreisKey", k.name AS "kreisName",
           o.regierungsbezirk_key AS "regierungsbezirkKey", r.name AS "regierungsbezirkName",
           coalesce(o.population_zensus2022, 0) AS population
    FROM organisation o
    LEFT JOIN organisation k ON k.key = o.kreis_key
    LEFT JOIN organisation r ON r.key = o.regierungsbezirk_key
    WHERE o.kind IN ('gemeinde','kreis')
    ORDER BY o.name, o.key`);
}

/** An OZG-Leistung with what the responsibility rule needs. */
export interface OzgCatalogueRow {
  id: number;
  name: string;
  themenfeld: string;
  leikaTypes: LeikaType[];
}

/** The OZG catalogue (557 Leistungen), sorted by Themenfeld and name. */
export async function listOzgCatalogue(db: Queryable): Promise<OzgCatalogueRow[]> {
  return db.query<OzgCatalogueRow>(sql`
    SELECT l.id, l.name, t.name AS themenfeld, l.leika_types AS "leikaTypes"
    FROM ozg_leistung l JOIN ozg_lebenslage ll ON ll.id = l.lebenslage_id
    JOIN ozg_themenfeld t ON t.id = ll.themenfeld_id
    ORDER BY t.name, l.name, l.id`);
}

/** A status record in compact form, for computing the board over all Kommunen. */
export interface StatusRecord {
  organisationKey: string;
  subject: number | BaseComponent;
  status: AdoptionStatus;
  onlineServiceId: string | null;
  informationDate: string | null;
  demo: boolean;
}

/** Every adoption record (Kommune × OZG-Leistung) in compact form. */
export async function listAdoptionRecords(db: Queryable): Promise<StatusRecord[]> {
  return db.query<StatusRecord>(sql`
    SELECT organisation_key AS "organisationKey", ozg_id AS subject, status,
           online_service_id AS "onlineServiceId", as_of AS "informationDate", quality = 'demo' AS demo
    FROM ozg_adoption`);
}

/** Every checklist record (Kommune × base component) in compact form. */
export async function listOnboardingRecords(db: Queryable): Promise<StatusRecord[]> {
  return db.query<StatusRecord>(sql`
    SELECT organisation_key AS "organisationKey", component AS subject, status,
           online_service_id AS "onlineServiceId", as_of AS "informationDate", quality = 'demo' AS demo
    FROM ozg_onboarding`);
}

interface RecordRow extends ProvenanceColumns {
  organisation_key: string;
  ozg_id?: number;
  component?: BaseComponent;
  status: AdoptionStatus;
  online_service_id: string | null;
  online_service_name: string | null;
  planned_date: string | null;
  info_source: string | null;
  note: string | null;
  updated_at: string | null;
  updated_by: string | null;
}

function toRecordInformation(row: RecordRow) {
  return {
    organisationKey: row.organisation_key,
    status: row.status,
    onlineService:
      row.online_service_id && row.online_service_name
        ? { id: row.online_service_id, name: row.online_service_name }
        : null,
    plannedDate: row.planned_date,
    informationSource: row.info_source,
    informationDate: row.as_of,
    note: row.note,
    demo: row.quality === "demo",
    provenance: toProvenance(row),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

const RECORD_COLUMNS = sql`a.*, s.name AS online_service_name,
  to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at`;

/** A Kommune's adoption records (optionally of one Leistung). */
export async function listAdoptions(
  db: Queryable,
  organisationKey: string,
  ozgId?: number,
): Promise<Adoption[]> {
  const rows = await db.query<RecordRow>(sql`
    SELECT ${RECORD_COLUMNS} FROM ozg_adoption a LEFT JOIN online_service s ON s.id = a.online_service_id
    WHERE a.organisation_key = ${organisationKey} ${ozgId === undefined ? sql`` : sql`AND a.ozg_id = ${ozgId}`}
    ORDER BY a.ozg_id`);
  return rows.map((row) => ({ ...toRecordInformation(row), ozgId: row.ozg_id ?? 0 }));
}

/** The adoption records of some Kommune × OZG-Leistung pairs, in one query (e.g. an import's rows). */
export async function listAdoptionsOf(
  db: Queryable,
  pairs: ReadonlyArray<{ organisationKey: string; ozgId: number }>,
): Promise<Adoption[]> {
  if (pairs.length === 0) return [];
  const rows = await db.query<RecordRow>(sql`
    SELECT ${RECORD_COLUMNS} FROM ozg_adoption a LEFT JOIN online_service s ON s.id = a.online_service_id
    WHERE (a.organisation_key, a.ozg_id) IN (
      SELECT * FROM unnest(${pairs.map((pair) => pair.organisationKey)}::text[], ${pairs.map((pair) => pair.ozgId)}::int[]))
    ORDER BY a.organisation_key, a.ozg_id`);
  return rows.map((row) => ({ ...toRecordInformation(row), ozgId: row.ozg_id ?? 0 }));
}

/** A Kommune's checklist records (optionally of one component). */
export async function listOnboarding(
  db: Queryable,
  organisationKey: string,
  component?: BaseComponent,
): Promise<Onboarding[]> {
  const rows = await db.query<RecordRow>(sql`
    SELECT ${RECORD_COLUMNS} FROM ozg_onboarding a LEFT JOIN online_service s ON s.id = a.online_service_id
    WHERE a.organisation_key = ${organisationKey} ${component === undefined ? sql`` : sql`AND a.component = ${component}`}
    ORDER BY a.component`);
  return rows.map((row) => ({
    ...toRecordInformation(row),
    component: row.component ?? "servicekonto",
  }));
}

/** A status record to write: for an OZG-Leistung (`ozgId`) or a base component. */
export interface StatusWrite {
  organisationKey: string;
  ozgId: number | null;
  component: BaseComponent | null;
  status: AdoptionStatus;
  onlineServiceId: string | null;
  plannedDate: string | null;
  informationSource: string | null;
  informationDate: string;
  note: string | null;
  quality: ProvenanceQuality;
}

/** A reference problem of one record to write (index into the list), in German. */
export interface StatusWriteProblem {
  index: number;
  field: "organisationKey" | "ozgId" | "component" | "onlineServiceId";
  message: string;
}

/**
 * Checks in bulk that the Kommunen, OZG-Leistungen and online services of records exist, and
 * that a named service fits: an online service must cover the Leistung, a base component must
 * be of the checklist item's kind.
 */
export async function checkStatusWrites(
  db: Queryable,
  writes: readonly StatusWrite[],
): Promise<StatusWriteProblem[]> {
  const keys = [...new Set(writes.map((write) => write.organisationKey))];
  const ozgIds = [
    ...new Set(writes.flatMap((write) => (write.ozgId === null ? [] : [write.ozgId]))),
  ];
  const serviceIds = [
    ...new Set(writes.flatMap((write) => (write.onlineServiceId ? [write.onlineServiceId] : []))),
  ];
  const [kommunen, leistungen, services] = await Promise.all([
    db.query<{ key: string }>(
      sql`SELECT key FROM organisation WHERE key = ANY(${keys}::text[]) AND kind IN ('gemeinde','kreis')`,
    ),
    db.query<{ id: number }>(sql`SELECT id FROM ozg_leistung WHERE id = ANY(${ozgIds}::int[])`),
    db.query<{ id: string; name: string; component: BaseComponent | null; ozg_ids: number[] }>(sql`
      SELECT s.id, s.name, s.component,
             coalesce(array_agg(x.ozg_id) FILTER (WHERE x.ozg_id IS NOT NULL), '{}') AS ozg_ids
      FROM online_service s LEFT JOIN online_service_leistung x ON x.service_id = s.id
      WHERE s.id = ANY(${serviceIds}::text[]) GROUP BY s.id, s.name, s.component`),
  ]);
  const knownKommunen = new Set(kommunen.map((row) => row.key));
  const knownLeistungen = new Set(leistungen.map((row) => row.id));
  const serviceById = new Map(services.map((row) => [row.id, row]));
  const problems: StatusWriteProblem[] = [];
  writes.forEach((write, index) => {
    if (!knownKommunen.has(write.organisationKey)) {
      problems.push({
        index,
        field: "organisationKey",
        message: `Es gibt keine Kommune mit dem Schlüssel „${write.organisationKey}“.`,
      });
    }
    if (write.ozgId !== null && !knownLeistungen.has(write.ozgId)) {
      problems.push({
        index,
        field: "ozgId",
        message: `Es gibt keine OZG-Leistung ${write.ozgId}.`,
      });
    }
    if (!write.onlineServiceId) return;
    const service = serviceById.get(write.onlineServiceId);
    if (!service) {
      problems.push({
        index,
        field: "onlineServiceId",
        message: `Onlinedienst „${write.onlineServiceId}“ ist unbekannt.`,
      });
    } else if (write.ozgId !== null && !service.ozg_ids.includes(write.ozgId)) {
      problems.push({
        index,
        field: "onlineServiceId",
        message: `„${service.name}“ deckt die OZG-Leistung ${write.ozgId} nicht ab.`,
      });
    } else if (write.component !== null && service.component !== write.component) {
      problems.push({
        index,
        field: "onlineServiceId",
        message: `„${service.name}“ ist keine Lösung für diese Basiskomponente.`,
      });
    }
  });
  return problems;
}

const ADOPTION_COLUMNS = [
  "organisation_key",
  "ozg_id",
  "status",
  "online_service_id",
  "planned_date",
  "info_source",
  "note",
  "as_of",
  "quality",
  "updated_by",
] as const;
const ONBOARDING_COLUMNS = ADOPTION_COLUMNS.map((column) =>
  column === "ozg_id" ? "component" : column,
);
const UPDATE_SET = `DO UPDATE SET status = EXCLUDED.status, online_service_id = EXCLUDED.online_service_id,
  planned_date = EXCLUDED.planned_date, info_source = EXCLUDED.info_source, note = EXCLUDED.note,
  as_of = EXCLUDED.as_of, quality = EXCLUDED.quality, evidence = NULL, source_id = NULL,
  updated_by = EXCLUDED.updated_by, updated_at = now()`;

/**
 * Writes status records (upsert per Kommune × Leistung or component) in the caller's
 * transaction, after checking their references. Throws InputError naming the fields of the
 * first bad record; import callers check with {@link checkStatusWrites} first.
 */
export async function writeStatusRecords(
  tx: Queryable,
  writes: readonly StatusWrite[],
  updatedBy: string,
): Promise<void> {
  const problems = await checkStatusWrites(tx, writes);
  if (problems.length > 0) {
    if (problems.some((problem) => problem.field === "organisationKey") && writes.length === 1) {
      throw new NotFoundError("organisation_not_found", problems[0]!.message);
    }
    throw new InputError(
      "invalid_adoption",
      "Die Angabe ist ungültig: " + problems.map((problem) => problem.message).join(" "),
      problems.map((problem) => ({ field: problem.field, message: problem.message })),
    );
  }
  const values = (write: StatusWrite) => [
    write.organisationKey,
    write.ozgId ?? write.component,
    write.status,
    write.onlineServiceId,
    write.plannedDate,
    write.informationSource,
    write.note,
    write.informationDate,
    write.quality,
    updatedBy,
  ];
  const adoptions = writes.filter((write) => write.ozgId !== null);
  const onboarding = writes.filter((write) => write.component !== null);
  await insertRows(
    tx,
    "ozg_adoption",
    ADOPTION_COLUMNS,
    adoptions.map(values),
    `ON CONFLICT (organisation_key, ozg_id) ${UPDATE_SET}`,
  );
  await insertRows(
    tx,
    "ozg_onboarding",
    ONBOARDING_COLUMNS,
    onboarding.map(values),
    `ON CONFLICT (organisation_key, component) ${UPDATE_SET}`,
  );
  await bumpOzgRevision(tx);
}

/** What is recorded now for some Kommunen, to tell new, changed and unchanged import rows apart. */
export async function listStatusRecordsOf(
  db: Queryable,
  organisationKeys: readonly string[],
): Promise<Array<Omit<StatusWrite, "quality">>> {
  return db.query<Omit<StatusWrite, "quality">>(sql`
    SELECT organisation_key AS "organisationKey", ozg_id AS "ozgId", NULL AS component, status,
           online_service_id AS "onlineServiceId", planned_date AS "plannedDate",
           info_source AS "informationSource", as_of AS "informationDate", note
    FROM ozg_adoption WHERE organisation_key = ANY(${organisationKeys}::text[])
    UNION ALL
    SELECT organisation_key, NULL, component, status, online_service_id, planned_date, info_source, as_of, note
    FROM ozg_onboarding WHERE organisation_key = ANY(${organisationKeys}::text[])`);
}
