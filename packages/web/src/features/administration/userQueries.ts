import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "../../api/client.ts";

/** An account as the administration sees it. */
export type UserView = Schemas["UserView"];
/** A role with its scope, as sent to the server. */
export type RoleAssignmentInput = Schemas["RoleAssignmentInput"];

const USERS_KEY = ["admin", "users"] as const;

/** All accounts (administrators only). */
export function useUsers() {
  return useQuery({
    queryKey: USERS_KEY,
    queryFn: async () => unwrap(await api.GET("/api/admin/users")),
  });
}

/** Invites a person; the answer holds the invitation link once. */
export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: {
      email: string;
      displayName: string;
      roles: RoleAssignmentInput[];
    }) => unwrap(await api.POST("/api/admin/users", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

/**
 * Changes roles or status of an account. The audit trail and – when an administrator edits
 * their own roles – the session change too, so those are refreshed as well.
 */
export function useUpdateUser(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: {
      roles?: RoleAssignmentInput[];
      status?: "active" | "deactivated";
    }) => unwrap(await api.PUT("/api/admin/users/{id}", { params: { path: { id } }, body })),
    onSuccess: () =>
      Promise.all(
        [USERS_KEY, ["audit"], ["session"]].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

/** Creates a link to reset an account's password (shown once, valid for 24 hours). */
export function useIssuePasswordReset(id: number) {
  return useMutation({
    mutationFn: async () =>
      unwrap(await api.POST("/api/admin/users/{id}/password-reset", { params: { path: { id } } })),
  });
}
