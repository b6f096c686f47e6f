import type { ScenarioSaveInput } from "@it-atlas/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ensureOk, unwrap } from "../../api/client.ts";

/** Every scenario (Zielbild first). */
export function useScenarios() {
  return useQuery({
    queryKey: ["scenarios"],
    queryFn: async () => unwrap(await api.GET("/api/scenarios")).items,
  });
}

/** One scenario with its definition. */
export function useScenario(id: number) {
  return useQuery({
    queryKey: ["scenarios", id],
    queryFn: async () => unwrap(await api.GET("/api/scenarios/{id}", { params: { path: { id } } })),
  });
}

/** The latest run with its plan; null when the scenario has not been calculated yet. */
export function useLatestResult(id: number) {
  return useQuery({
    queryKey: ["scenarios", id, "result"],
    queryFn: async () => {
      const result = await api.GET("/api/scenarios/{id}/results/latest", {
        params: { path: { id } },
      });
      if (result.response.status === 404) return null;
      return unwrap(result);
    },
  });
}

/** The latest Pareto analysis; null when there is none. */
export function usePareto(id: number) {
  return useQuery({
    queryKey: ["scenarios", id, "pareto"],
    queryFn: async () => {
      const result = await api.GET("/api/scenarios/{id}/pareto", { params: { path: { id } } });
      if (result.response.status === 404) return null;
      return unwrap(result);
    },
  });
}

/** Scenarios side by side with Ist. */
export function useComparison(ids: readonly number[]) {
  return useQuery({
    queryKey: ["scenarios", "compare", ids.join(",")],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/scenarios/compare", { params: { query: { ids: ids.join(",") } } }),
      ),
    enabled: ids.length > 0,
  });
}

/** Creates (no id) or replaces (id) a scenario. */
export function useSaveScenario(id: number | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: ScenarioSaveInput) =>
      id === undefined
        ? unwrap(await api.POST("/api/scenarios", { body }))
        : unwrap(await api.PUT("/api/scenarios/{id}", { params: { path: { id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["scenarios"] }),
  });
}

/** Deletes a scenario. */
export function useDeleteScenario() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) =>
      ensureOk(await api.DELETE("/api/scenarios/{id}", { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["scenarios"] }),
  });
}

/** Marks or unmarks the Zielbild. */
export function useSetTarget(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (isTarget: boolean) =>
      unwrap(
        await api.PUT("/api/scenarios/{id}/target", {
          params: { path: { id } },
          body: { isTarget },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ["scenarios"] }),
  });
}

/** Starts a calculation ("run") or a Pareto analysis; answers with the job id. */
export function useStartScenarioJob(id: number, kind: "run" | "pareto") {
  return useMutation({
    mutationFn: async () =>
      kind === "run"
        ? unwrap(await api.POST("/api/scenarios/{id}/run", { params: { path: { id } } }))
        : unwrap(await api.POST("/api/scenarios/{id}/pareto", { params: { path: { id } } })),
  });
}

/** A background job polled every 500 ms until it has finished. */
export function useJob(jobId: number | null) {
  return useQuery({
    queryKey: ["job", jobId],
    queryFn: async () =>
      unwrap(await api.GET("/api/jobs/{id}", { params: { path: { id: jobId ?? 0 } } })),
    enabled: jobId !== null,
    refetchInterval: (current) => {
      const status = current.state.data?.status;
      return status === "succeeded" || status === "failed" || status === "cancelled" ? false : 500;
    },
  });
}

/** Asks a running job to stop. */
export function useCancelJob() {
  return useMutation({
    mutationFn: async (jobId: number) =>
      ensureOk(await api.POST("/api/jobs/{id}/cancel", { params: { path: { id: jobId } } })),
  });
}

/**
 * The usual definition of a new scenario with the cost curves fitted on the landscape as of
 * `baseDate` (`confidentialHidden`: the viewer may not see all costs, so no curves).
 */
export function useScenarioDefaults() {
  return useMutation({
    mutationFn: async (baseDate: string) =>
      unwrap(await api.GET("/api/scenarios/defaults", { params: { query: { baseDate } } })),
  });
}
