import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ensureOk, unwrap } from "../../api/client.ts";
import { SESSION_KEY } from "../auth/sessionQueries.ts";

const TOTP_KEY = ["me", "totp"] as const;

/** Whether the person has a second factor, must have one, and how many recovery codes are left. */
export function useTotpStatus() {
  return useQuery({
    queryKey: TOTP_KEY,
    queryFn: async () => unwrap(await api.GET("/api/me/totp")),
  });
}

/** Starts the set-up: a new secret with its QR code (not effective until confirmed). */
export function useStartTotpSetup() {
  return useMutation({
    mutationFn: async () => unwrap(await api.POST("/api/me/totp/setup")),
  });
}

function useAfterChange() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: TOTP_KEY });
    // Roles can become effective (administrators): reload the session and everything else.
    void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  };
}

/** Confirms the set-up with a first code; the answer holds the recovery codes exactly once. */
export function useConfirmTotp() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: async (code: string) =>
      unwrap(await api.POST("/api/me/totp/confirm", { body: { code } })),
    onSuccess: afterChange,
  });
}

/** New recovery codes for a current code (the old ones end). */
export function useRenewRecoveryCodes() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: async (code: string) =>
      unwrap(await api.POST("/api/me/totp/recovery-codes", { body: { code } })),
    onSuccess: afterChange,
  });
}

/** Removes the second factor (current password and a code). */
export function useDisableTotp() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: async (body: { currentPassword: string; code: string }) =>
      ensureOk(await api.POST("/api/me/totp/disable", { body })),
    onSuccess: afterChange,
  });
}
