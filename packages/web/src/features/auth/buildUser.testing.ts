import type { Schemas } from "../../api/client.ts";
import { fakeApi } from "../sourcing/fakeApi.testing.ts";

type UserView = Schemas["UserView"];
type RoleAssignment = Schemas["RoleAssignment"];

/** Test factory: an active account (a Leser unless roles are given), with overrides. */
export function buildUser(overrides: Partial<UserView> = {}): UserView {
  return {
    id: 7,
    email: "erika.muster@detmold.de",
    displayName: "Erika Muster",
    status: "active",
    roles: [{ role: "leser", organisationKey: null, providerId: null }],
    lastLoginAt: "2025-06-30T07:15:00Z",
    createdAt: "2025-01-02T09:00:00Z",
    oidc: false,
    totp: false,
    ...overrides,
  };
}

/** Test factory: one role assignment with empty scopes unless given. */
export function buildRole(
  role: RoleAssignment["role"],
  scope: Partial<Omit<RoleAssignment, "role">> = {},
): RoleAssignment {
  return { role, organisationKey: null, providerId: null, ...scope };
}

/** Lets the fake API answer GET /api/auth/session for this user (or anonymous). */
export function answerSession(user: UserView | null, csrfToken = "csrf-test-token"): void {
  fakeApi.respond({
    path: "/api/auth/session",
    body: { user, csrfToken: user ? csrfToken : null, secondFactorSetupRequired: false },
  });
}
