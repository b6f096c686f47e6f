import type { Principal, RoleAssignment } from "@it-atlas/domain";
import type { ImportActor } from "./importService.ts";

/** An import actor with the given roles (tests and benchmarks). */
export function importActor(
  ...roles: Array<Pick<RoleAssignment, "role"> & Partial<RoleAssignment>>
): ImportActor {
  const principal: Principal = {
    kind: "user",
    userId: 1,
    email: "import-test@example.org",
    displayName: "Import-Test",
    via: "token",
    roles: roles.map((role) => ({ organisationKey: null, providerId: null, ...role })),
  };
  return {
    principal,
    audit: { actorUserId: null, actorLabel: "import-test@example.org", via: "import" },
  };
}
