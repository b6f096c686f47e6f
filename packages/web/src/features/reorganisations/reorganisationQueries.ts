import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client.ts";
import type { ReorganisationRequest } from "./reorganisationForm.ts";

/** Asks the server what a reorganisation would move (nothing is written). */
export function usePreviewReorganisation() {
  return useMutation({
    mutationFn: async (request: ReorganisationRequest) =>
      unwrap(await api.POST("/api/reorganisations/preview", { body: request })),
  });
}

/**
 * Applies a reorganisation (one transaction on the server). Afterwards every cached view may
 * be stale – providers, members, landscape, domain summaries – so all queries are refreshed.
 */
export function useApplyReorganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: ReorganisationRequest) =>
      unwrap(await api.POST("/api/reorganisations", { body: request })),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
