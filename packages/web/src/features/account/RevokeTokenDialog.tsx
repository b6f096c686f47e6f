import { ErrorState } from "../../ui/States.tsx";
import { ModalDialog } from "../sourcing/ModalDialog.tsx";
import { useRevokeApiToken, type ApiToken } from "./tokenQueries.ts";

/** Asks before revoking a token: programs using it lose access at once, for good. */
export function RevokeTokenDialog({
  token,
  onClose,
  onRevoked,
}: {
  token: ApiToken;
  onClose: () => void;
  onRevoked: () => void;
}) {
  const revoke = useRevokeApiToken();
  return (
    <ModalDialog title={`API-Token „${token.name}“ widerrufen?`} onClose={onClose}>
      <p className="kern-body">
        Programme, die dieses Token ({token.prefix}…) benutzen, erhalten sofort keinen Zugriff mehr.
        Das lässt sich nicht rückgängig machen; bei Bedarf legen Sie ein neues Token an.
      </p>
      {revoke.isError ? <ErrorState error={revoke.error} title="Nicht widerrufen" /> : null}
      <div className="atlas-form-actions">
        <button
          type="button"
          className="kern-btn kern-btn--primary"
          disabled={revoke.isPending}
          onClick={() => revoke.mutate(token.id, { onSuccess: onRevoked })}
        >
          <span className="kern-label">
            {revoke.isPending ? "Wird widerrufen …" : "Ja, widerrufen"}
          </span>
        </button>
        <button type="button" className="kern-btn kern-btn--secondary" onClick={onClose}>
          <span className="kern-label">Abbrechen</span>
        </button>
      </div>
    </ModalDialog>
  );
}
