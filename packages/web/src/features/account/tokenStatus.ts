import type { ApiToken } from "./tokenQueries.ts";

/** Whether a token still works; shown as a word, never by colour alone. */
export type TokenStatus = "active" | "expired" | "revoked";

/** German label of each status. */
export const TOKEN_STATUS_LABEL: Record<TokenStatus, string> = {
  active: "gültig",
  expired: "abgelaufen",
  revoked: "widerrufen",
};

/** The status of a token at `now` (revocation wins over expiry). */
export function tokenStatus(token: ApiToken, now = Date.now()): TokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return "expired";
  return "active";
}
