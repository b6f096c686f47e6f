import { ErrorState } from "../../ui/States.tsx";
import { ModalDialog } from "../sourcing/ModalDialog.tsx";
import { useUpdateUser, type UserView } from "./userQueries.ts";

/** Confirms deactivating (signs the person out at once) or reactivating an account. */
export function UserStatusDialog({
  user,
  onClose,
  onSaved,
}: {
  user: UserView;
  onClose: () => void;
  onSaved: (user: UserView) => void;
}) {
  const update = useUpdateUser(user.id);
  const deactivate = user.status !== "deactivated";
  return (
    <ModalDialog
      title={`Konto von ${user.displayName} ${deactivate ? "deaktivieren" : "reaktivieren"}?`}
      onClose={onClose}
    >
      <p className="kern-body">
        {deactivate
          ? `${user.email} wird sofort abgemeldet und kann sich nicht mehr anmelden; API-Tokens des Kontos verlieren ihre Rechte. Rollen und Prüfprotokoll bleiben erhalten, das Konto lässt sich später reaktivieren.`
          : `${user.email} kann sich danach wieder mit dem bisherigen Passwort und den bisherigen Rollen anmelden.`}
      </p>
      {update.isError ? (
        <ErrorState
          error={update.error}
          title={deactivate ? "Nicht deaktiviert" : "Nicht reaktiviert"}
        />
      ) : null}
      <div className="atlas-form-actions">
        <button
          type="button"
          className="kern-btn kern-btn--primary"
          disabled={update.isPending}
          onClick={() =>
            update.mutate({ status: deactivate ? "deactivated" : "active" }, { onSuccess: onSaved })
          }
        >
          <span className="kern-label">
            {update.isPending
              ? "Wird gespeichert …"
              : deactivate
                ? "Ja, deaktivieren"
                : "Ja, reaktivieren"}
          </span>
        </button>
        <button type="button" className="kern-btn kern-btn--secondary" onClick={onClose}>
          <span className="kern-label">Abbrechen</span>
        </button>
      </div>
    </ModalDialog>
  );
}
