import type { Source } from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { sql } from "../client/sql.ts";

interface SourceRow {
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  licence: string | null;
  attribution: string | null;
  as_of: string | null;
  note: string | null;
}

function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    title: row.title,
    publisher: row.publisher,
    url: row.url,
    licence: row.licence,
    attribution: row.attribution,
    asOf: row.as_of,
    note: row.note,
  };
}

/** Lists sources, all or those with the given ids, ordered by id. */
export async function listSources(db: Queryable, ids?: string[]): Promise<Source[]> {
  const rows = await db.query<SourceRow>(
    ids
      ? sql`SELECT * FROM source WHERE id = ANY(${ids}) ORDER BY id`
      : sql`SELECT * FROM source ORDER BY id`,
  );
  return rows.map(toSource);
}
