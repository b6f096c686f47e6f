import { ANONYMOUS, type Principal } from "@it-atlas/domain";
import type { Schemas } from "../../api/client.ts";

/**
 * The principal the server sees for this browser's session, so the UI can ask the same
 * `can()` as the server. The server still decides; this only hides actions it would refuse.
 */
export function toPrincipal(user: Schemas["UserView"] | null | undefined): Principal {
  if (!user || user.status !== "active") return ANONYMOUS;
  return {
    kind: "user",
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    via: "session",
  };
}
