import { useState } from "react";
import { Link } from "react-router";
import { OneTimeSecret } from "../../ui/OneTimeSecret.tsx";
import { ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { useSession } from "../auth/sessionQueries.ts";
import { CodeForm } from "./CodeForm.tsx";
import {
  useConfirmTotp,
  useDisableTotp,
  useRenewRecoveryCodes,
  useStartTotpSetup,
  useTotpStatus,
} from "./totpQueries.ts";
import "./account.css";

/** The Base32 secret in groups of four, easier to type into an app by hand. */
function grouped(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <OneTimeSecret
      title="Ihre Wiederherstellungscodes"
      label="Wiederherstellungscodes"
      value={codes.join(" ")}
      onDone={onDone}
      doneLabel="Ich habe die Codes sicher aufbewahrt"
    >
      <p className="kern-body">
        Mit jedem dieser Codes können Sie sich einmal anmelden, falls Sie Ihr Gerät mit der
        Authenticator-App nicht zur Hand haben. Bewahren Sie sie getrennt vom Gerät auf, z. B.
        ausgedruckt.
      </p>
      <ul className="atlas-recovery-codes" aria-label="Wiederherstellungscodes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </OneTimeSecret>
  );
}

/**
 * The person's second factor (issue 15.5): set up TOTP with an authenticator app (QR code,
 * rendered by the server, or the secret typed by hand), confirm with a first code, keep the
 * recovery codes shown once; renew the codes or remove the second factor. Required for
 * administrators: their role is effective only after setting it up.
 */
export function TotpPage() {
  usePageTitle("Zwei-Faktor-Anmeldung");
  const session = useSession();
  const status = useTotpStatus();
  const setup = useStartTotpSetup();
  const confirm = useConfirmTotp();
  const renew = useRenewRecoveryCodes();
  const disable = useDisableTotp();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [removed, setRemoved] = useState(false);
  const setupRequired = session.data?.secondFactorSetupRequired === true;

  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Zwei-Faktor-Anmeldung
      </h1>
      <p className="kern-body">
        Mit der Zwei-Faktor-Anmeldung brauchen Sie bei der Anmeldung mit Passwort zusätzlich einen
        sechsstelligen Code, den eine Authenticator-App auf Ihrem Smartphone alle 30 Sekunden
        erzeugt (zum Beispiel FreeOTP, Aegis, Google oder Microsoft Authenticator). Wer Ihr Passwort
        kennt, kann sich so trotzdem nicht anmelden. Bei der Anmeldung über den Single-Sign-On Ihrer
        Organisation gilt deren Zwei-Faktor-Verfahren.
      </p>
      {setupRequired ? (
        <div className="kern-alert kern-alert--warning" role="alert">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--warning" aria-hidden="true" />
            <span className="kern-title">Ihre Administrator-Rechte sind noch nicht wirksam</span>
          </div>
          <div className="kern-alert__body">
            <p className="kern-body">
              Für Administrator-Konten ist die Zwei-Faktor-Anmeldung Pflicht. Richten Sie sie hier
              ein – sobald Sie den ersten Code bestätigt haben, wirken Ihre Rechte.
            </p>
          </div>
        </div>
      ) : null}
      {codes ? (
        <RecoveryCodes
          codes={codes}
          onDone={() => {
            setCodes(null);
            setup.reset();
          }}
        />
      ) : null}
      <div role="status" className="atlas-announcement">
        {removed ? <p className="kern-body">Die Zwei-Faktor-Anmeldung wurde entfernt.</p> : null}
      </div>
      {status.isPending ? <LoadingState /> : null}
      {status.isError ? (
        <ErrorState error={status.error} onRetry={() => void status.refetch()} />
      ) : null}
      {status.data && !status.data.enabled ? (
        <section aria-labelledby="totp-einrichten">
          <h2 id="totp-einrichten" className="kern-heading-medium">
            Einrichten
          </h2>
          {setup.data ? (
            <>
              <ol className="kern-body atlas-totp-steps">
                <li>
                  Öffnen Sie Ihre Authenticator-App und scannen Sie diesen QR-Code:
                  <img
                    className="atlas-totp-qr"
                    src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.data.qrCodeSvg)}`}
                    alt="QR-Code mit dem Schlüssel für die Authenticator-App"
                    width={200}
                    height={200}
                  />
                </li>
                <li>
                  Ohne Kamera geben Sie den Schlüssel von Hand ein (zeitbasiert, 6 Stellen, 30
                  Sekunden): <code className="atlas-totp-secret">{grouped(setup.data.secret)}</code>
                </li>
                <li>Geben Sie zur Bestätigung den Code ein, den die App jetzt anzeigt.</li>
              </ol>
              <CodeForm
                codeLabel="Code aus der Authenticator-App"
                submitLabel="Bestätigen und einschalten"
                pending={confirm.isPending}
                onSubmit={({ code }, failed) =>
                  confirm.mutate(code, {
                    onSuccess: (answer) => {
                      setRemoved(false);
                      setCodes(answer.recoveryCodes);
                    },
                    onError: failed,
                  })
                }
              />
            </>
          ) : (
            <>
              <p className="kern-body">Die Zwei-Faktor-Anmeldung ist nicht eingerichtet.</p>
              {setup.isError ? <ErrorState error={setup.error} /> : null}
              <div className="atlas-form-actions">
                <button
                  type="button"
                  className="kern-btn kern-btn--primary"
                  disabled={setup.isPending}
                  onClick={() => setup.mutate()}
                >
                  <span className="kern-label">Einrichtung starten</span>
                </button>
              </div>
            </>
          )}
        </section>
      ) : null}
      {status.data?.enabled ? (
        <>
          <section aria-labelledby="totp-stand">
            <h2 id="totp-stand" className="kern-heading-medium">
              Eingerichtet
            </h2>
            <p className="kern-body">
              Die Zwei-Faktor-Anmeldung ist eingeschaltet. Noch{" "}
              {status.data.recoveryCodesLeft === 1
                ? "1 unbenutzter Wiederherstellungscode"
                : `${status.data.recoveryCodesLeft} unbenutzte Wiederherstellungscodes`}
              .
            </p>
          </section>
          <section aria-labelledby="totp-codes">
            <h2 id="totp-codes" className="kern-heading-medium">
              Neue Wiederherstellungscodes
            </h2>
            <CodeForm
              codeLabel="Aktueller Code aus der Authenticator-App"
              submitLabel="Neue Codes erzeugen"
              pending={renew.isPending}
              onSubmit={({ code }, failed) =>
                renew.mutate(code, {
                  onSuccess: (answer) => setCodes(answer.recoveryCodes),
                  onError: failed,
                })
              }
            >
              <p className="kern-body">Die bisherigen Codes werden damit ungültig.</p>
            </CodeForm>
          </section>
          <section aria-labelledby="totp-entfernen">
            <h2 id="totp-entfernen" className="kern-heading-medium">
              Entfernen
            </h2>
            {status.data.required ? (
              <p className="kern-body">
                Für Administrator-Konten ist die Zwei-Faktor-Anmeldung Pflicht; sie kann nicht
                entfernt werden. Bei einem neuen Gerät hilft ein Wiederherstellungscode.
              </p>
            ) : (
              <CodeForm
                codeLabel="Code aus der Authenticator-App oder Wiederherstellungscode"
                submitLabel="Zwei-Faktor-Anmeldung entfernen"
                withPassword
                pending={disable.isPending}
                onSubmit={(values, failed) =>
                  disable.mutate(values, { onSuccess: () => setRemoved(true), onError: failed })
                }
              />
            )}
          </section>
        </>
      ) : null}
      <p className="kern-body">
        <Link className="kern-link" to="/konto/tokens">
          Zurück zu Konto und API-Tokens
        </Link>
      </p>
    </>
  );
}
