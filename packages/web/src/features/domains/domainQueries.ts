import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client.ts";

/** One Leistungsbereich with its products and who provides it where, as of a day. */
export function useDomainDetail(id: string, asOf: string) {
  return useQuery({
    queryKey: ["domain", id, asOf],
    queryFn: async () =>
      unwrap(await api.GET("/api/domains/{id}", { params: { path: { id }, query: { asOf } } })),
    // Keep the old Stichtag's figures while a new one loads, but never another domain's.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === id ? previous : undefined,
  });
}
