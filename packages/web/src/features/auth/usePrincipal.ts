import type { Principal } from "@it-atlas/domain";
import { useMemo } from "react";
import type { Schemas } from "../../api/client.ts";
import { useSession } from "./sessionQueries.ts";
import { toPrincipal } from "./toPrincipal.ts";

/**
 * The signed-in user as a principal for `can()`. While the session loads, `isPending` is true
 * and the principal is anonymous; a failed session request also counts as anonymous.
 */
export function usePrincipal(): {
  principal: Principal;
  user: Schemas["UserView"] | null;
  isPending: boolean;
} {
  const session = useSession();
  const user = session.data?.user ?? null;
  const principal = useMemo(() => toPrincipal(user), [user]);
  return { principal, user, isPending: session.isPending };
}
