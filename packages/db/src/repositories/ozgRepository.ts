import type { LeikaLeistung, LeikaType, OzgLeistung, Themenfeld } from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { sql, whereAll, type SqlFragment } from "../client/sql.ts";

interface OzgLeistungRow {
  id: number;
  name: string;
  lebenslage_id: number;
  lebenslage_name: string;
  themenfeld_id: number;
  themenfeld_name: string;
  leika_count: number;
  leika_types: LeikaType[];
  sdg_relevant_count: number;
}

const SELECT_LEISTUNG = sql`
  SELECT l.id, l.name, l.leika_types, l.sdg_relevant_count,
         ll.id AS lebenslage_id, ll.name AS lebenslage_name,
         t.id AS themenfeld_id, t.name AS themenfeld_name,
         (SELECT count(*)::int FROM leika_leistung x WHERE x.ozg_id = l.id) AS leika_count
  FROM ozg_leistung l
  JOIN ozg_lebenslage ll ON ll.id = l.lebenslage_id
  JOIN ozg_themenfeld t ON t.id = ll.themenfeld_id`;

function toLeistung(row: OzgLeistungRow): OzgLeistung {
  return {
    id: row.id,
    name: row.name,
    lebenslage: { id: row.lebenslage_id, name: row.lebenslage_name },
    themenfeld: { id: row.themenfeld_id, name: row.themenfeld_name },
    leikaCount: row.leika_count,
    leikaTypes: row.leika_types,
    sdgRelevantCount: row.sdg_relevant_count,
  };
}

/** Filters of the OZG catalogue. */
export interface OzgFilter {
  q?: string | undefined;
  themenfeld?: number | undefined;
  page: number;
  pageSize: number;
}

/** Searches OZG-Leistungen by name, OZG-ID or the name/key of a linked LeiKa-Leistung. */
export async function listOzgLeistungen(
  db: Queryable,
  filter: OzgFilter,
): Promise<{ items: OzgLeistung[]; total: number }> {
  const conditions: SqlFragment[] = [];
  if (filter.q) {
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`(lower(l.name) LIKE ${pattern} OR l.id::text = ${filter.q.trim()}
      OR EXISTS (SELECT 1 FROM leika_leistung x WHERE x.ozg_id = l.id
                 AND (lower(x.name) LIKE ${pattern} OR x.leika_key = ${filter.q.trim()})))`);
  }
  if (filter.themenfeld !== undefined) conditions.push(sql`t.id = ${filter.themenfeld}`);
  const where = whereAll(conditions);
  const [rows, [count]] = await Promise.all([
    db.query<OzgLeistungRow>(
      sql`${SELECT_LEISTUNG} ${where} ORDER BY t.name, ll.name, l.name
          LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`,
    ),
    db.query<{ total: number }>(
      sql`SELECT count(*)::int AS total FROM ozg_leistung l
          JOIN ozg_lebenslage ll ON ll.id = l.lebenslage_id
          JOIN ozg_themenfeld t ON t.id = ll.themenfeld_id ${where}`,
    ),
  ]);
  return { items: rows.map(toLeistung), total: count?.total ?? 0 };
}

/** Finds one OZG-Leistung by its OZG-ID. */
export async function findOzgLeistung(db: Queryable, id: number): Promise<OzgLeistung | undefined> {
  const [row] = await db.query<OzgLeistungRow>(sql`${SELECT_LEISTUNG} WHERE l.id = ${id}`);
  return row ? toLeistung(row) : undefined;
}

interface LeikaRow {
  id: number;
  leika_key: string | null;
  name: string;
  ozg_id: number | null;
  leika_types: LeikaType[];
  leika_type_text: string | null;
  sdg1: boolean;
  sdg2: boolean;
  law_shortcuts: string | null;
}

/** LeiKa-Leistungen bundled in one OZG-Leistung. */
export async function listLeikaLeistungen(db: Queryable, ozgId: number): Promise<LeikaLeistung[]> {
  const rows = await db.query<LeikaRow>(
    sql`SELECT * FROM leika_leistung WHERE ozg_id = ${ozgId} ORDER BY name, id`,
  );
  return rows.map((row) => ({
    id: row.id,
    leikaKey: row.leika_key,
    name: row.name,
    ozgId: row.ozg_id,
    leikaTypes: row.leika_types,
    leikaTypeText: row.leika_type_text,
    sdg1: row.sdg1,
    sdg2: row.sdg2,
    lawShortcuts: row.law_shortcuts,
  }));
}

/** The 14 Themenfelder with the number of OZG-Leistungen in each. */
export async function listThemenfelder(
  db: Queryable,
): Promise<Array<Themenfeld & { leistungCount: number }>> {
  return db.query<Themenfeld & { leistungCount: number }>(
    sql`SELECT t.id, t.name, count(l.id)::int AS "leistungCount"
        FROM ozg_themenfeld t
        LEFT JOIN ozg_lebenslage ll ON ll.themenfeld_id = t.id
        LEFT JOIN ozg_leistung l ON l.lebenslage_id = ll.id
        GROUP BY t.id, t.name ORDER BY t.name`,
  );
}
