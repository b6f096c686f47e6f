import { formatDateTime } from "../../ui/format.ts";
import { describeRole } from "./describeRole.ts";
import type { ScopeNames } from "./scopeNames.ts";
import type { UserView } from "./userQueries.ts";

/** German labels of account states; shown as words, never by colour alone. */
const STATUS_LABEL: Record<UserView["status"], string> = {
  active: "aktiv",
  invited: "eingeladen",
  deactivated: "deaktiviert",
};
const STATUS_BADGE = { active: "success", invited: "info", deactivated: "warning" } as const;

/** What the administration can do with one account. */
export interface UserActions {
  onEditRoles: (user: UserView) => void;
  onChangeStatus: (user: UserView) => void;
  onResetPassword: (user: UserView) => void;
}

/** All accounts with status, roles (scope names resolved) and last sign-in. */
export function UserTable({
  users,
  names,
  currentUserId,
  actions,
}: {
  users: readonly UserView[];
  names: ScopeNames;
  currentUserId: number | undefined;
  actions: UserActions;
}) {
  return (
    <div className="kern-table-responsive">
      <table className="kern-table kern-table--small atlas-user-table">
        <caption className="atlas-visually-hidden">Benutzerkonten</caption>
        <thead>
          <tr className="kern-table__row">
            {["E-Mail", "Name", "Status", "Rollen", "Letzte Anmeldung"].map((header) => (
              <th key={header} scope="col" className="kern-table__header">
                {header}
              </th>
            ))}
            <th scope="col" className="kern-table__header kern-table__header--action">
              Aktionen
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {users.map((user) => (
            <tr key={user.id} className="kern-table__row">
              <th scope="row" className="kern-table__cell atlas-user-table__email">
                {user.email}
                {user.id === currentUserId ? (
                  <div className="kern-body--small atlas-muted">(Ihr Konto)</div>
                ) : null}
              </th>
              <td className="kern-table__cell">{user.displayName}</td>
              <td className="kern-table__cell">
                <span className={`kern-badge kern-badge--${STATUS_BADGE[user.status]}`}>
                  <span className="kern-label">{STATUS_LABEL[user.status]}</span>
                </span>
              </td>
              <td className="kern-table__cell">
                {user.roles.length === 0 ? (
                  "keine"
                ) : (
                  <ul className="atlas-plain-list">
                    {user.roles.map((role, index) => (
                      <li key={index}>{describeRole(role, names)}</li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="kern-table__cell">
                {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "noch nie"}
              </td>
              <td className="kern-table__cell kern-table__cell--action">
                <div className="atlas-row-actions">
                  <button
                    type="button"
                    className="kern-btn kern-btn--secondary atlas-compact-btn"
                    onClick={() => actions.onEditRoles(user)}
                  >
                    <span className="kern-label">Rollen bearbeiten</span>{" "}
                    <span className="atlas-visually-hidden">({user.email})</span>
                  </button>
                  <button
                    type="button"
                    className="kern-btn kern-btn--tertiary atlas-compact-btn"
                    onClick={() => actions.onChangeStatus(user)}
                  >
                    <span className="kern-label">
                      {user.status === "deactivated" ? "Reaktivieren" : "Deaktivieren"}
                    </span>{" "}
                    <span className="atlas-visually-hidden">({user.email})</span>
                  </button>
                  {user.status === "active" && !user.oidc ? (
                    <button
                      type="button"
                      className="kern-btn kern-btn--tertiary atlas-compact-btn"
                      onClick={() => actions.onResetPassword(user)}
                    >
                      <span className="kern-label">
                        Link zum Zurücksetzen des Passworts erzeugen
                      </span>{" "}
                      <span className="atlas-visually-hidden">({user.email})</span>
                    </button>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
