import {
  InputError,
  type BaseComponent,
  type LeadLand,
  type OnlineService,
  type OnlineServiceInput,
  type OnlineServiceKind,
  type ProvenanceQuality,
} from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { sql, whereAll, type SqlFragment } from "../client/sql.ts";
import { bumpOzgRevision } from "./ozgResponsibilityRepository.ts";
import { toProvenance, type ProvenanceColumns } from "./provenanceColumns.ts";

interface OnlineServiceRow extends ProvenanceColumns {
  id: string;
  name: string;
  description: string | null;
  kind: OnlineServiceKind;
  component: BaseComponent | null;
  operator_provider_id: string | null;
  operator_name: string | null;
  provider_short_name: string | null;
  efa: boolean;
  lead_land: LeadLand | null;
  portal: string | null;
  maturity: number;
  dependencies: BaseComponent[];
  leistungen: Array<{ id: number; name: string }> | null;
}

function toOnlineService(row: OnlineServiceRow): OnlineService {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind,
    component: row.component,
    operatorProviderId: row.operator_provider_id,
    operatorName: row.operator_name ?? row.provider_short_name ?? row.operator_provider_id ?? "",
    efa: row.efa,
    leadLand: row.lead_land,
    portal: row.portal,
    maturity: row.maturity,
    dependencies: row.dependencies,
    ozgLeistungen: row.leistungen ?? [],
    demo: row.quality === "demo",
    provenance: toProvenance(row),
  };
}

/** Filters of the online service catalogue. */
export interface OnlineServiceFilter {
  kind?: OnlineServiceKind | undefined;
  ozgId?: number | undefined;
}

/** The catalogue of online services and base components, with the Leistungen each covers. */
export async function listOnlineServices(
  db: Queryable,
  filter: OnlineServiceFilter = {},
): Promise<OnlineService[]> {
  const conditions: SqlFragment[] = [];
  if (filter.kind) conditions.push(sql`s.kind = ${filter.kind}`);
  if (filter.ozgId !== undefined) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM online_service_leistung x WHERE x.service_id = s.id AND x.ozg_id = ${filter.ozgId})`,
    );
  }
  const rows = await db.query<OnlineServiceRow>(sql`
    SELECT s.*, p.short_name AS provider_short_name,
           (SELECT json_agg(json_build_object('id', l.id, 'name', l.name) ORDER BY l.name)
              FROM online_service_leistung x JOIN ozg_leistung l ON l.id = x.ozg_id
              WHERE x.service_id = s.id) AS leistungen
    FROM online_service s LEFT JOIN provider p ON p.id = s.operator_provider_id
    ${whereAll(conditions)}
    ORDER BY s.kind = 'onlinedienst', s.component, lower(s.name), s.id`);
  return rows.map(toOnlineService);
}

/** One online service or base component. */
export async function findOnlineService(
  db: Queryable,
  id: string,
): Promise<OnlineService | undefined> {
  const rows = await listOnlineServices(db);
  return rows.find((service) => service.id === id);
}

async function checkServiceReferences(tx: Queryable, input: OnlineServiceInput): Promise<void> {
  const problems: Array<{ field: string; message: string }> = [];
  if (input.operatorProviderId) {
    const [provider] = await tx.query<{ id: string }>(
      sql`SELECT id FROM provider WHERE id = ${input.operatorProviderId}`,
    );
    if (!provider) {
      problems.push({
        field: "operatorProviderId",
        message: `IT-Dienstleister „${input.operatorProviderId}“ ist unbekannt.`,
      });
    }
  }
  if (input.ozgIds.length > 0) {
    const known = await tx.query<{ id: number }>(
      sql`SELECT id FROM ozg_leistung WHERE id = ANY(${input.ozgIds}::int[])`,
    );
    const missing = input.ozgIds.filter((id) => !known.some((row) => row.id === id));
    if (missing.length > 0) {
      problems.push({
        field: "ozgIds",
        message: `Unbekannte OZG-Leistungen: ${missing.join(", ")}.`,
      });
    }
  }
  if (problems.length > 0) {
    throw new InputError(
      "invalid_online_service",
      "Der Onlinedienst ist ungültig: " + problems.map((problem) => problem.message).join(" "),
      problems,
    );
  }
}

/**
 * Creates or replaces an online service and the Leistungen it covers, in the caller's
 * transaction. Returns the service as it was before (undefined when new).
 */
export async function saveOnlineService(
  tx: Queryable,
  id: string,
  input: OnlineServiceInput,
  quality: ProvenanceQuality = "user",
): Promise<OnlineService | undefined> {
  await checkServiceReferences(tx, input);
  const before = await findOnlineService(tx, id);
  await tx.query(sql`
    INSERT INTO online_service (id, name, description, kind, component, operator_provider_id, operator_name,
                                efa, lead_land, portal, maturity, dependencies, quality, updated_at)
    VALUES (${id}, ${input.name}, ${input.description}, ${input.kind}, ${input.component},
            ${input.operatorProviderId}, ${input.operatorName}, ${input.efa}, ${input.leadLand},
            ${input.portal}, ${input.maturity}, ${[...new Set(input.dependencies)]}, ${quality}, now())
    ON CONFLICT (id) DO UPDATE SET
      name = EXCLUDED.name, description = EXCLUDED.description, kind = EXCLUDED.kind,
      component = EXCLUDED.component, operator_provider_id = EXCLUDED.operator_provider_id,
      operator_name = EXCLUDED.operator_name, efa = EXCLUDED.efa, lead_land = EXCLUDED.lead_land,
      portal = EXCLUDED.portal, maturity = EXCLUDED.maturity, dependencies = EXCLUDED.dependencies,
      quality = EXCLUDED.quality, evidence = NULL, updated_at = now()`);
  await tx.query(sql`DELETE FROM online_service_leistung WHERE service_id = ${id}`);
  if (input.ozgIds.length > 0) {
    await tx.query(sql`
      INSERT INTO online_service_leistung (service_id, ozg_id)
      SELECT ${id}, unnest(${[...new Set(input.ozgIds)]}::int[])`);
  }
  await bumpOzgRevision(tx);
  return before;
}
