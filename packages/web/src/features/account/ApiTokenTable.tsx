import { formatDateTime } from "../../ui/format.ts";
import type { ApiToken } from "./tokenQueries.ts";
import { TOKEN_STATUS_LABEL, tokenStatus } from "./tokenStatus.ts";

const BADGE = { active: "success", expired: "warning", revoked: "danger" } as const;

/** The person's tokens with their status; valid tokens can be revoked. */
export function ApiTokenTable({
  tokens,
  onRevoke,
}: {
  tokens: readonly ApiToken[];
  onRevoke: (token: ApiToken) => void;
}) {
  const now = Date.now();
  return (
    <div className="kern-table-responsive">
      <table className="kern-table kern-table--small">
        <caption className="atlas-visually-hidden">Ihre API-Tokens</caption>
        <thead>
          <tr className="kern-table__row">
            {["Name", "Präfix", "Angelegt", "Läuft ab", "Zuletzt benutzt", "Status"].map(
              (header) => (
                <th key={header} scope="col" className="kern-table__header">
                  {header}
                </th>
              ),
            )}
            <th scope="col" className="kern-table__header kern-table__header--action">
              Aktion
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {tokens.map((token) => {
            const status = tokenStatus(token, now);
            return (
              <tr key={token.id} className="kern-table__row">
                <th scope="row" className="kern-table__cell">
                  {token.name}
                </th>
                <td className="kern-table__cell">
                  <code>{token.prefix}…</code>
                </td>
                <td className="kern-table__cell">{formatDateTime(token.createdAt)}</td>
                <td className="kern-table__cell">
                  {token.expiresAt ? formatDateTime(token.expiresAt) : "nie"}
                </td>
                <td className="kern-table__cell">
                  {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "noch nie"}
                </td>
                <td className="kern-table__cell">
                  <span className={`kern-badge kern-badge--${BADGE[status]}`}>
                    <span className="kern-label">{TOKEN_STATUS_LABEL[status]}</span>
                  </span>
                  {status === "revoked" && token.revokedAt ? (
                    <div className="kern-body--small atlas-muted">
                      am {formatDateTime(token.revokedAt)}
                    </div>
                  ) : null}
                </td>
                <td className="kern-table__cell kern-table__cell--action">
                  {status === "revoked" ? null : (
                    <button
                      type="button"
                      className="kern-btn kern-btn--secondary atlas-compact-btn"
                      onClick={() => onRevoke(token)}
                    >
                      <span className="kern-label">Widerrufen</span>{" "}
                      <span className="atlas-visually-hidden">({token.name})</span>
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
