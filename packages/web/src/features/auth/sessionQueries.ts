import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api, ensureOk, unwrap, type Schemas } from "../../api/client.ts";
import { csrfTokenStore } from "../../api/csrfTokenStore.ts";

/** The signed-in person (or none) and the CSRF token of the cookie session. */
export type Session = Schemas["Session"];

/** Query key of the session; sign-in and sign-out write it directly. */
export const SESSION_KEY = ["session"] as const;

const SIGNED_OUT: Session = { user: null, csrfToken: null, secondFactorSetupRequired: false };

async function fetchSession(): Promise<Session> {
  const session = unwrap(await api.GET("/api/auth/session"));
  csrfTokenStore.set(session.csrfToken);
  return session;
}

/**
 * Who is signed in. Cached for a minute and checked again when the window regains focus, so
 * a session that ended elsewhere (sign-out in another tab, expiry) soon shows as such.
 */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: 60_000,
    refetchOnWindowFocus: true,
  });
}

// Reset rather than only invalidate: answers cached for the previous viewer (confidential
// costs, admin lists) must not stay on screen while the new viewer's answers load.
function switchSession(queryClient: QueryClient, session: Session): void {
  csrfTokenStore.set(session.csrfToken);
  queryClient.setQueryData(SESSION_KEY, session);
  void queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
}

/**
 * Signs in with e-mail and password; afterwards every query is reloaded for the new viewer.
 * When the account has a second factor, the answer says so and no session exists yet: the
 * caller asks for the code and completes with {@link useCompleteSecondFactor}.
 */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: { email: string; password: string }) =>
      unwrap(await api.POST("/api/auth/login", { body: credentials })),
    onSuccess: ({ secondFactorRequired, ...session }) => {
      if (!secondFactorRequired) switchSession(queryClient, session);
    },
  });
}

/** Completes a sign-in with the code from the authenticator app or a recovery code. */
export function useCompleteSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (code: string) =>
      unwrap(await api.POST("/api/auth/login/second-factor", { body: { code } })),
    onSuccess: (session) => switchSession(queryClient, session),
  });
}

/** Signs out; afterwards every query is reloaded as anonymous. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => ensureOk(await api.POST("/api/auth/logout")),
    onSuccess: () => switchSession(queryClient, SIGNED_OUT),
  });
}
