import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "../../api/client.ts";

/** A correction with its decision. */
export type Correction = Schemas["Correction"];
/** A proposed correction as sent. */
export type CorrectionWrite = Schemas["CorrectionWriteInput"];
/** One version of a membership. */
export type MembershipVersion = Schemas["MembershipVersion"];

export function useMembershipHistory(ags: string) {
  return useQuery({
    queryKey: ["membership-history", ags],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/organisations/{ags}/membership-history", {
          params: { path: { ags } },
        }),
      ),
  });
}

export function useCorrections(
  query: { status?: Correction["status"]; organisation?: string; provider?: string },
  enabled = true,
) {
  return useQuery({
    queryKey: ["corrections", query],
    queryFn: async () => unwrap(await api.GET("/api/corrections", { params: { query } })),
    enabled,
  });
}

export function useCorrection(id: number) {
  return useQuery({
    queryKey: ["correction", id],
    queryFn: async () =>
      unwrap(await api.GET("/api/corrections/{id}", { params: { path: { id } } })),
  });
}

export function useProposeCorrection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CorrectionWrite) =>
      unwrap(await api.POST("/api/corrections", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["corrections"] }),
  });
}

export function useDecideCorrection(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas["CorrectionDecisionWriteInput"]) =>
      unwrap(await api.POST("/api/corrections/{id}/decision", { params: { path: { id } }, body })),
    onSuccess: async (correction) => {
      queryClient.setQueryData(["correction", id], correction);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["corrections"] }),
        queryClient.invalidateQueries({ queryKey: ["organisation"] }),
        queryClient.invalidateQueries({ queryKey: ["membership-history"] }),
        queryClient.invalidateQueries({ queryKey: ["provider"] }),
      ]);
    },
  });
}
