import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client.ts";

// The API's largest page; a provider has at most a few thousand Bezüge.
const ALL = 5000;

/** A provider's current customers (the landscape filtered by provider, as of today). */
export function useProviderLandscape(providerId: string) {
  const query = { provider: providerId, pageSize: ALL };
  return useQuery({
    queryKey: ["landscape", query],
    queryFn: async () => unwrap(await api.GET("/api/landscape", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** A provider's current offers (price model and capacity per Leistungsbereich). */
export function useProviderOffers(providerId: string) {
  return useQuery({
    queryKey: ["provider-offers", providerId],
    queryFn: async () =>
      unwrap(await api.GET("/api/providers/{id}/offers", { params: { path: { id: providerId } } })),
  });
}
