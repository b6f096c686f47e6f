import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "../../api/client.ts";

/** One change of a Kommune's status for an OZG-Leistung. */
export type AdoptionHistoryEntry = Schemas["OzgAdoptionHistoryEntry"];

/** Filter and page of the adoption history. */
export interface AdoptionHistoryQuery {
  kommune?: string;
  page: number;
  pageSize: number;
}

/** One page of an OZG-Leistung's adoption history, newest first. */
export function useAdoptionHistory(ozgId: number, query: AdoptionHistoryQuery) {
  return useQuery({
    // Starts with "ozg-adoption-history", which an adoption change invalidates.
    queryKey: ["ozg-adoption-history", ozgId, query],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/ozg/leistungen/{ozgId}/adoption-history", {
          params: { path: { ozgId }, query },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Every page of the history (for the export). */
export async function fetchAllAdoptionHistory(
  ozgId: number,
  kommune: string | undefined,
): Promise<AdoptionHistoryEntry[]> {
  const pageSize = 500;
  const items: AdoptionHistoryEntry[] = [];
  for (let page = 1; ; page += 1) {
    const next = unwrap(
      await api.GET("/api/ozg/leistungen/{ozgId}/adoption-history", {
        params: { path: { ozgId }, query: { kommune, page, pageSize } },
      }),
    );
    items.push(...next.items);
    if (page * pageSize >= next.total || next.items.length === 0) return items;
  }
}
