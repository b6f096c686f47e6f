import type { Product, ProductLifecycle } from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { sql } from "../client/sql.ts";
import { toProvenance, type ProvenanceColumns } from "./provenanceColumns.ts";

interface ProductRow extends ProvenanceColumns {
  id: string;
  name: string;
  vendor: string;
  lifecycle: ProductLifecycle;
  description: string | null;
  domain_ids: string[];
}

/** Products (Fachverfahren, platforms), optionally those serving one domain. */
export async function listProducts(db: Queryable, domainId?: string): Promise<Product[]> {
  const rows = await db.query<ProductRow>(
    sql`SELECT p.*, coalesce((SELECT array_agg(pd.domain_id ORDER BY pd.domain_id)
                              FROM product_domain pd WHERE pd.product_id = p.id), '{}') AS domain_ids
        FROM product p
        ${domainId ? sql`WHERE EXISTS (SELECT 1 FROM product_domain x WHERE x.product_id = p.id AND x.domain_id = ${domainId})` : sql``}
        ORDER BY p.name`,
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    vendor: row.vendor,
    lifecycle: row.lifecycle,
    domainIds: row.domain_ids,
    description: row.description,
    provenance: toProvenance(row),
  }));
}
