import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, ensureOk } from "../../api/client.ts";
import { SESSION_KEY } from "./sessionQueries.ts";

/** What a token link is for: accepting an invitation or resetting a password. */
export type PasswordLinkKind = "invitation" | "password_reset";

/** Body of both token-link requests. */
export interface PasswordLinkRequest {
  token: string;
  password: string;
  displayName?: string;
}

/**
 * Sets a password with a token link. The server ends the account's sessions, so the session
 * is asked again in case this browser was signed in with that account.
 */
export function useSetPasswordWithLink(kind: PasswordLinkKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PasswordLinkRequest) =>
      ensureOk(
        kind === "invitation"
          ? await api.POST("/api/auth/invitation/accept", { body })
          : await api.POST("/api/auth/password-reset/confirm", { body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}
