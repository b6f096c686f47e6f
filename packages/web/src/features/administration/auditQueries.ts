import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "../../api/client.ts";

/** One entry of the audit trail. */
export type AuditEntry = Schemas["AuditEntry"];

/** Filters and page of the audit list (as the API names them). */
export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  page: number;
  pageSize: number;
}

/** A page of the audit trail, newest first (administrators only). */
export function useAudit(filter: AuditFilter) {
  return useQuery({
    queryKey: ["audit", filter],
    queryFn: async () => unwrap(await api.GET("/api/audit", { params: { query: filter } })),
    placeholderData: keepPreviousData,
  });
}

/** The CSV export with the same filters (all pages); the browser downloads it with the cookie. */
export function auditCsvHref(filter: Pick<AuditFilter, "entityType" | "entityId">): string {
  const query = new URLSearchParams();
  if (filter.entityType) query.set("entityType", filter.entityType);
  if (filter.entityId) query.set("entityId", filter.entityId);
  const text = query.toString();
  return text ? `/api/audit.csv?${text}` : "/api/audit.csv";
}
