type State = { kind: "unknown" } | { kind: "known"; token: string | null };

let state: State = { kind: "unknown" };
let loading: Promise<string | null> | null = null;

// Plain fetch, not the typed client: the client's middleware asks this store, and a GET
// through it would only add a detour.
async function loadFromSession(): Promise<string | null> {
  try {
    const response = await fetch("/api/auth/session", {
      headers: { accept: "application/json" },
      credentials: "same-origin",
    });
    if (!response.ok) return null;
    const session = (await response.json()) as { csrfToken?: unknown };
    const token = typeof session.csrfToken === "string" ? session.csrfToken : null;
    // A sign-in that finished meanwhile knows better than this older answer.
    if (state.kind === "unknown") state = { kind: "known", token };
    return state.kind === "known" ? state.token : token;
  } catch {
    // Without a token the server refuses cookie writes with its own German message.
    return null;
  }
}

/**
 * The CSRF token of the current cookie session, kept outside React so the API client's
 * middleware can read it. The session query and the sign-in answer set it; when a write
 * happens before either (a fast click after page load), the store asks the server once.
 */
export const csrfTokenStore = {
  set(token: string | null): void {
    state = { kind: "known", token };
  },
  /** After the server refused the token or the session ended: ask again on the next write. */
  forget(): void {
    state = { kind: "unknown" };
  },
  current(): Promise<string | null> {
    if (state.kind === "known") return Promise.resolve(state.token);
    loading ??= loadFromSession().finally(() => {
      loading = null;
    });
    return loading;
  },
};
