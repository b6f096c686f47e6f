import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "../../api/client.ts";

/** Body of a sourcing change (PUT), as the generated client types it. */
export type SourcingChange = Schemas["SourcingChangeInput"];

// Catalogue data changes only with a new data version.
const REFERENCE = { staleTime: 5 * 60_000 } as const;

/** The Kommune's sourcing matrix as of a day (domains it is responsible for + current rows). */
export function useSourcingMatrix(ags: string, asOf: string) {
  return useQuery({
    queryKey: ["sourcing", ags, "matrix", asOf],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/organisations/{ags}/sourcing", {
          params: { path: { ags }, query: { asOf } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** All versions of the Kommune's sourcing of one domain (newest first). */
export function useSourcingHistory(ags: string, domainId: string) {
  return useQuery({
    queryKey: ["sourcing", ags, "history", domainId],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/organisations/{ags}/sourcing/history", {
          params: { path: { ags }, query: { domain: domainId } },
        }),
      ),
  });
}

/** The catalogue of Leistungsbereiche (names, units, groups). */
export function useDomainCatalogue() {
  return useQuery({
    queryKey: ["domains"],
    queryFn: async () => unwrap(await api.GET("/api/domains")),
    ...REFERENCE,
  });
}

/** Active IT-Dienstleister, sorted by short name (for selects). */
export function useActiveProviders() {
  return useQuery({
    queryKey: ["providers", { status: "active" }],
    queryFn: async () => {
      const page = unwrap(
        await api.GET("/api/providers", { params: { query: { status: "active" } } }),
      );
      return [...page.items].sort((a, b) => a.shortName.localeCompare(b.shortName, "de"));
    },
    ...REFERENCE,
  });
}

/** Products that serve one domain. */
export function useDomainProducts(domainId: string) {
  return useQuery({
    queryKey: ["products", domainId],
    queryFn: async () =>
      unwrap(await api.GET("/api/products", { params: { query: { domain: domainId } } })),
    ...REFERENCE,
  });
}

/**
 * Saves a new version of a Kommune's sourcing of one domain and refreshes everything that
 * shows the landscape (matrix, history, maps, domain summaries, provider customers).
 */
export function useSaveSourcing(ags: string, domainId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: SourcingChange) =>
      unwrap(
        await api.PUT("/api/organisations/{ags}/sourcing/{domainId}", {
          params: { path: { ags, domainId } },
          body: change,
        }),
      ),
    onSuccess: () =>
      Promise.all(
        ["sourcing", "landscape", "landscape-diff", "domain"].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      ),
  });
}
