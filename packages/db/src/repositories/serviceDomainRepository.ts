import type {
  ResponsibleType,
  ServiceDomain,
  ServiceDomainCategory,
  VolumeUnit,
} from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { sql } from "../client/sql.ts";

interface ServiceDomainRow {
  id: string;
  parent_id: string | null;
  name: string;
  description: string | null;
  category: ServiceDomainCategory;
  is_group: boolean;
  volume_unit: VolumeUnit | null;
  responsible_types: ResponsibleType[];
  responsibility_basis: string | null;
  position: number;
  ozg_ids: number[];
}

const SELECT_DOMAIN = sql`
  SELECT d.*, coalesce((SELECT array_agg(o.ozg_id ORDER BY o.ozg_id) FROM service_domain_ozg o
                        WHERE o.domain_id = d.id), '{}') AS ozg_ids
  FROM service_domain d`;

function toServiceDomain(row: ServiceDomainRow): ServiceDomain {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    description: row.description,
    category: row.category,
    isGroup: row.is_group,
    volumeUnit: row.volume_unit,
    responsibleTypes: row.responsible_types,
    responsibilityBasis: row.responsibility_basis,
    ozgIds: row.ozg_ids,
    position: row.position,
  };
}

/** The whole catalogue (groups and leaves) in catalogue order. */
export async function listServiceDomains(db: Queryable): Promise<ServiceDomain[]> {
  const rows = await db.query<ServiceDomainRow>(sql`${SELECT_DOMAIN} ORDER BY d.position, d.name`);
  return rows.map(toServiceDomain);
}

/** One domain by id. */
export async function findServiceDomain(
  db: Queryable,
  id: string,
): Promise<ServiceDomain | undefined> {
  const [row] = await db.query<ServiceDomainRow>(sql`${SELECT_DOMAIN} WHERE d.id = ${id}`);
  return row ? toServiceDomain(row) : undefined;
}
