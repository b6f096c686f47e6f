import { OneTimeSecret } from "../../ui/OneTimeSecret.tsx";
import { ErrorState } from "../../ui/States.tsx";
import { ModalDialog } from "../sourcing/ModalDialog.tsx";
import { useIssuePasswordReset, type UserView } from "./userQueries.ts";
import { absoluteLink } from "./absoluteLink.ts";

/**
 * Creates a link to reset a password – only on request, since each click makes a new valid
 * link – and shows it once to pass on to the person.
 */
export function PasswordResetLinkDialog({
  user,
  onClose,
}: {
  user: UserView;
  onClose: () => void;
}) {
  const issue = useIssuePasswordReset(user.id);
  return (
    <ModalDialog title={`Passwort von ${user.displayName} zurücksetzen`} onClose={onClose}>
      {issue.data ? (
        <OneTimeSecret
          title="Link zum Zurücksetzen erzeugt"
          label={`Link für ${user.email}`}
          value={absoluteLink(issue.data.resetUrl)}
          onDone={onClose}
          doneLabel="Link gesichert – schließen"
        >
          <p className="kern-body">
            Geben Sie den Link auf sicherem Weg an {user.displayName} weiter. Er gilt 24 Stunden und
            nur einmal; das bisherige Passwort gilt, bis ein neues gesetzt ist.
          </p>
        </OneTimeSecret>
      ) : (
        <>
          <p className="kern-body">
            Der Link erlaubt es, für {user.email} ein neues Passwort zu setzen. Er gilt 24 Stunden
            und wird nur einmal angezeigt.
          </p>
          {issue.isError ? <ErrorState error={issue.error} title="Kein Link erzeugt" /> : null}
          <div className="atlas-form-actions">
            <button
              type="button"
              className="kern-btn kern-btn--primary"
              disabled={issue.isPending}
              onClick={() => issue.mutate()}
            >
              <span className="kern-label">
                {issue.isPending ? "Link wird erzeugt …" : "Link erzeugen"}
              </span>
            </button>
            <button type="button" className="kern-btn kern-btn--secondary" onClick={onClose}>
              <span className="kern-label">Abbrechen</span>
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
