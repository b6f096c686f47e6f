import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ensureOk, unwrap, type Schemas } from "../../api/client.ts";

/** An API token as listed (the secret itself is never listed). */
export type ApiToken = Schemas["ApiToken"];

const TOKENS_KEY = ["me", "tokens"] as const;

/** The signed-in person's API tokens. */
export function useApiTokens() {
  return useQuery({
    queryKey: TOKENS_KEY,
    queryFn: async () => unwrap(await api.GET("/api/me/tokens")),
  });
}

/**
 * Creates a token. The answer holds the secret exactly once; it goes to the caller and is not
 * put into the query cache, so it disappears with the page.
 */
export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { name: string; expiresInDays: number }) =>
      unwrap(await api.POST("/api/me/tokens", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

/** Revokes one of the person's tokens. */
export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) =>
      ensureOk(await api.DELETE("/api/me/tokens/{id}", { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}
