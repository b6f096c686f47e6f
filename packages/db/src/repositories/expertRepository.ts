import type { Expert, ExpertInput, ExpertRole } from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { sql } from "../client/sql.ts";

const ISO = 'YYYY-MM-DD"T"HH24:MI:SS"Z"';

const SELECT_EXPERT = sql`
  SELECT e.id, e.organisation_key AS "organisationKey", e.role, e.domain_id AS "domainId",
         d.name AS "domainName", e.name, e.function, e.email, e.phone,
         to_char(e.created_at AT TIME ZONE 'UTC', ${ISO}) AS "createdAt",
         to_char(e.updated_at AT TIME ZONE 'UTC', ${ISO}) AS "updatedAt"
  FROM kommune_expert e LEFT JOIN service_domain d ON d.id = e.domain_id`;

const ROLE_ORDER = sql`CASE e.role WHEN 'it_leitung' THEN 0 WHEN 'digitalisierungsexpertin' THEN 1
  WHEN 'organisationsexpertin' THEN 2 ELSE 3 END`;

/** The Expertenverzeichnis of a Kommune (IT-Leitung first, then by role and name). */
export async function listExperts(db: Queryable, organisationKey: string): Promise<Expert[]> {
  return db.query<Expert>(sql`${SELECT_EXPERT}
    WHERE e.organisation_key = ${organisationKey}
    ORDER BY ${ROLE_ORDER}, d.name NULLS FIRST, e.name, e.id`);
}

/** One expert of a Kommune, if present. */
export async function findExpert(
  db: Queryable,
  organisationKey: string,
  id: number,
): Promise<Expert | undefined> {
  const [row] = await db.query<Expert>(sql`${SELECT_EXPERT}
    WHERE e.organisation_key = ${organisationKey} AND e.id = ${id}`);
  return row;
}

/** An empty phone number is stored as none. */
function phoneOf(input: ExpertInput): string | null {
  return input.phone === null || input.phone.trim() === "" ? null : input.phone;
}

/** Adds an expert; returns the id. */
export async function insertExpert(
  tx: Queryable,
  organisationKey: string,
  input: ExpertInput,
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(sql`
    INSERT INTO kommune_expert (organisation_key, role, domain_id, name, function, email, phone)
    VALUES (${organisationKey}, ${input.role}, ${input.domainId}, ${input.name}, ${input.function},
            ${input.email}, ${phoneOf(input)})
    RETURNING id`);
  return row?.id ?? 0;
}

/** Changes an expert; false when there is none with this id in the Kommune. */
export async function updateExpert(
  tx: Queryable,
  organisationKey: string,
  id: number,
  input: ExpertInput,
): Promise<boolean> {
  const rows = await tx.query<{ id: number }>(sql`
    UPDATE kommune_expert SET role = ${input.role}, domain_id = ${input.domainId}, name = ${input.name},
           function = ${input.function}, email = ${input.email}, phone = ${phoneOf(input)}, updated_at = now()
    WHERE organisation_key = ${organisationKey} AND id = ${id}
    RETURNING id`);
  return rows.length > 0;
}

/** Deletes an expert for good; returns the role of the removed row (undefined when none). */
export async function deleteExpert(
  tx: Queryable,
  organisationKey: string,
  id: number,
): Promise<ExpertRole | undefined> {
  const [row] = await tx.query<{ role: ExpertRole }>(sql`
    DELETE FROM kommune_expert WHERE organisation_key = ${organisationKey} AND id = ${id}
    RETURNING role`);
  return row?.role;
}
