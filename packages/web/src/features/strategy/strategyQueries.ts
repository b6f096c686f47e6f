import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "../../api/client.ts";

/** One decision of an IT-Strategie. */
export type Decision = Schemas["StrategyDecision"];
/** A version of a Kommune's IT-Strategie. */
export type Strategy = Schemas["Strategy"];
/** A warning or error of the consistency check. */
export type Finding = Schemas["ConsistencyFinding"];
/** A suggested decision with reasons. */
export type Suggestion = Schemas["DecisionSuggestion"];
/** Target operating model. */
export type TargetModel = Decision["targetModel"];

export function useStrategies(ags: string) {
  return useQuery({
    queryKey: ["strategies", ags],
    queryFn: async () =>
      unwrap(await api.GET("/api/organisations/{ags}/strategies", { params: { path: { ags } } })),
  });
}

export function useSuggestions(ags: string, enabled: boolean) {
  return useQuery({
    queryKey: ["strategies", ags, "suggestions"],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/organisations/{ags}/strategy/suggestions", {
          params: { path: { ags } },
        }),
      ),
    enabled,
  });
}

export function useSaveDraft(ags: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (decisions: Decision[]) =>
      unwrap(
        await api.PUT("/api/organisations/{ags}/strategy/draft", {
          params: { path: { ags } },
          body: { decisions },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["strategies", ags], exact: true }),
  });
}

export function useAdopt(ags: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      decisions,
      councilDecisionDate,
    }: {
      decisions: Decision[];
      councilDecisionDate: string;
    }) => {
      // The server adopts the saved draft: save what is on screen first.
      unwrap(
        await api.PUT("/api/organisations/{ags}/strategy/draft", {
          params: { path: { ags } },
          body: { decisions },
        }),
      );
      return unwrap(
        await api.POST("/api/organisations/{ags}/strategy/adopt", {
          params: { path: { ags } },
          body: { councilDecisionDate },
        }),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["strategies", ags], exact: true }),
  });
}

export function useAdoptedDecisions(query: { domain?: string; vorOrt?: "true" | "false" }) {
  return useQuery({
    queryKey: ["strategy-decisions", query],
    queryFn: async () => unwrap(await api.GET("/api/strategies/decisions", { params: { query } })),
  });
}
