import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { KpiLevel as DomainKpiLevel } from "@it-atlas/domain";
import { api, unwrap, type Schemas } from "../../api/client.ts";

/** Level of a KPI scope. */
export type KpiLevel = DomainKpiLevel;
/** Figures as the viewer sees them (costs null when hidden). */
export type KpiFiguresView = Schemas["KpiFiguresView"];

/** German labels of the levels. */
export const KPI_LEVELS: Array<{ value: KpiLevel; label: string }> = [
  { value: "nrw", label: "Nordrhein-Westfalen" },
  { value: "regierungsbezirk", label: "Regierungsbezirk" },
  { value: "kreis", label: "Kreis / kreisfreie Stadt" },
  { value: "kommune", label: "Kommune" },
];

/** Current figures of every scope of a level (also the list of scopes to choose from). */
export function useCurrentKpis(level: KpiLevel) {
  return useQuery({
    queryKey: ["kpi", "current", level],
    queryFn: async () =>
      unwrap(await api.GET("/api/kpi/current", { params: { query: { level } } })),
  });
}

/** The snapshots of one scope, oldest first. */
export function useKpiSeries(level: KpiLevel, key: string) {
  return useQuery({
    queryKey: ["kpi", "series", level, key],
    queryFn: async () =>
      unwrap(await api.GET("/api/kpi/snapshots", { params: { query: { level, key } } })),
    enabled: key.length > 0,
  });
}

/** Takes a snapshot of every scope now. */
export function useTakeSnapshot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST("/api/kpi/snapshots")),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["kpi", "series"] }),
  });
}
