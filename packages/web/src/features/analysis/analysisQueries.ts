import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client.ts";

/** Operating models a cost curve can be fitted to ("" = all rows). */
export type CurveBasis = "" | "eigenbetrieb" | "it_dienstleister";

/** The NRW fragmentation overview as of a day. */
export function useFragmentation(asOf: string) {
  return useQuery({
    queryKey: ["analysis", "fragmentation", asOf],
    queryFn: async () =>
      unwrap(await api.GET("/api/analysis/fragmentation", { params: { query: { asOf } } })),
    placeholderData: (previous) => previous,
  });
}

/** One domain's drill-down as of a day. */
export function useDomainAnalysis(id: string, asOf: string) {
  return useQuery({
    queryKey: ["analysis", "domain", id, asOf],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/analysis/domains/{id}", { params: { path: { id }, query: { asOf } } }),
      ),
  });
}

/** One domain's fitted cost curve with its data points. */
export function useCostCurve(id: string, asOf: string, basis: CurveBasis) {
  return useQuery({
    queryKey: ["analysis", "cost-curve", id, asOf, basis],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/analysis/cost-curves/{id}", {
          params: {
            path: { id },
            query: { asOf, ...(basis ? { operatingModel: basis } : {}) },
          },
        }),
      ),
  });
}

/** One provider's scale in every domain as of a day. */
export function useProviderAnalysis(id: string, asOf: string) {
  return useQuery({
    queryKey: ["analysis", "provider", id, asOf],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/analysis/providers/{id}", {
          params: { path: { id }, query: { asOf } },
        }),
      ),
  });
}
