import { useState } from "react";
import { formatDateTime } from "../../ui/format.ts";
import { OneTimeSecret } from "../../ui/OneTimeSecret.tsx";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { ApiTokenTable } from "./ApiTokenTable.tsx";
import { ChangePasswordForm } from "./ChangePasswordForm.tsx";
import { CreateTokenForm, type CreatedToken } from "./CreateTokenForm.tsx";
import { RevokeTokenDialog } from "./RevokeTokenDialog.tsx";
import { useApiTokens, type ApiToken } from "./tokenQueries.ts";
import "./account.css";

/**
 * The person's API tokens for scripts and imports (`Authorization: Bearer …`): list, create –
 * the secret is shown once – and revoke. Tokens act with the roles of the account.
 */
export function ApiTokensPage() {
  usePageTitle("API-Tokens");
  const tokens = useApiTokens();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);

  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        API-Tokens
      </h1>
      <p className="kern-body">
        Mit einem API-Token greifen Programme auf die{" "}
        <a className="kern-link" href="/api/docs">
          Schnittstelle des IT-Atlas
        </a>{" "}
        zu – mit denselben Rechten wie Ihr Konto. Senden Sie es im HTTP-Kopf{" "}
        <code>Authorization: Bearer &lt;Token&gt;</code>. Legen Sie für jeden Zweck ein eigenes
        Token an und widerrufen Sie es, sobald es nicht mehr gebraucht wird.
      </p>

      {created ? (
        <OneTimeSecret
          title={`Token „${created.name}“ angelegt`}
          label="Ihr neues API-Token"
          value={created.token}
          onDone={() => setCreated(null)}
          doneLabel="Ich habe das Token gesichert"
        >
          <p className="kern-body">
            {created.expiresAt
              ? `Gültig bis ${formatDateTime(created.expiresAt)}.`
              : "Gültig ohne Ablaufdatum."}
          </p>
        </OneTimeSecret>
      ) : null}

      <div role="status" className="atlas-announcement">
        {revoked ? <p className="kern-body">Das Token „{revoked}“ wurde widerrufen.</p> : null}
      </div>

      <section aria-labelledby="token-liste">
        <h2 id="token-liste" className="kern-heading-medium">
          Ihre Tokens
        </h2>
        {tokens.isPending ? <LoadingState /> : null}
        {tokens.isError ? (
          <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : null}
        {tokens.data && tokens.data.items.length === 0 ? (
          <EmptyState>Sie haben noch kein API-Token angelegt.</EmptyState>
        ) : null}
        {tokens.data && tokens.data.items.length > 0 ? (
          <ApiTokenTable
            tokens={tokens.data.items}
            onRevoke={(token) => {
              setRevoked(null);
              setRevoking(token);
            }}
          />
        ) : null}
      </section>

      {tokens.data ? (
        <section aria-labelledby="token-anlegen">
          <h2 id="token-anlegen" className="kern-heading-medium">
            Neues Token anlegen
          </h2>
          <CreateTokenForm
            onCreated={(next) => {
              setRevoked(null);
              setCreated(next);
            }}
          />
        </section>
      ) : null}

      <section aria-labelledby="passwort-aendern">
        <h2 id="passwort-aendern" className="kern-heading-medium">
          Passwort ändern
        </h2>
        <ChangePasswordForm />
      </section>

      {revoking ? (
        <RevokeTokenDialog
          token={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={() => {
            setRevoked(revoking.name);
            setRevoking(null);
          }}
        />
      ) : null}
    </>
  );
}
