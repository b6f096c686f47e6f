import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ensureOk, unwrap, type Schemas } from "../../api/client.ts";

/** An entry of the Expertenverzeichnis. */
export type Expert = Schemas["Expert"];
/** What an editor enters. */
export type ExpertChange = Schemas["ExpertChangeInput"];

export function useExperts(ags: string, enabled: boolean) {
  return useQuery({
    queryKey: ["experts", ags],
    queryFn: async () =>
      unwrap(await api.GET("/api/organisations/{ags}/experts", { params: { path: { ags } } })),
    enabled,
  });
}

export function useAddExpert(ags: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ExpertChange) =>
      unwrap(
        await api.POST("/api/organisations/{ags}/experts", { params: { path: { ags } }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["experts", ags] }),
  });
}

export function useDeleteExpert(ags: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) =>
      ensureOk(
        await api.DELETE("/api/organisations/{ags}/experts/{id}", {
          params: { path: { ags, id } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["experts", ags] }),
  });
}

export function useUpdateExpert(ags: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: ExpertChange }) =>
      unwrap(
        await api.PUT("/api/organisations/{ags}/experts/{id}", {
          params: { path: { ags, id } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["experts", ags] }),
  });
}
