import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client.ts";

/** German messages for the `sso-fehler` codes the server redirects with. */
export const SSO_ERROR_MESSAGE: Record<string, string> = {
  sso_disabled: "Die Anmeldung über den Identitätsdienst ist nicht eingerichtet.",
  sso_denied: "Die Anmeldung wurde beim Identitätsdienst abgebrochen.",
  sso_expired:
    "Die Anmeldung hat zu lange gedauert oder wurde schon verwendet. Bitte erneut versuchen.",
  sso_no_account:
    "Für diese Person gibt es im IT-Atlas noch kein Konto. Bitte wenden Sie sich an die Administration.",
  sso_other_browser:
    "Die Anmeldung wurde in einem anderen Browser begonnen. Bitte hier erneut „Mit Single Sign-on anmelden“ wählen.",
  sso_email_unverified:
    "Der Identitätsdienst hat Ihre E-Mail-Adresse nicht als bestätigt gemeldet; so kann sie keinem Konto zugeordnet werden. Bitte wenden Sie sich an die Administration.",
  sso_failed: "Die Anmeldung beim Identitätsdienst ist fehlgeschlagen. Bitte erneut versuchen.",
};

/**
 * "Mit Single Sign-on anmelden": shown when the server has an OpenID Connect provider, plus
 * the German message of a failed attempt (`?sso-fehler=`).
 */
export function SingleSignOn({ back, errorCode }: { back: string; errorCode: string | null }) {
  const config = useQuery({
    queryKey: ["oidc-config"],
    queryFn: async () => unwrap(await api.GET("/api/auth/oidc")),
    staleTime: 5 * 60_000,
  });
  return (
    <>
      {errorCode ? (
        <div className="kern-alert kern-alert--danger" role="alert">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--danger" aria-hidden="true" />
            <span className="kern-title">Anmeldung nicht möglich</span>
          </div>
          <div className="kern-alert__body">
            <p className="kern-body">
              {SSO_ERROR_MESSAGE[errorCode] ?? SSO_ERROR_MESSAGE.sso_failed}
            </p>
          </div>
        </div>
      ) : null}
      {config.data?.enabled ? (
        <p className="kern-body">
          <a
            className="kern-btn kern-btn--secondary"
            href={`/api/auth/oidc/start?zurueck=${encodeURIComponent(back)}`}
          >
            <span className="kern-label">{config.data.label ?? "Mit Single Sign-on anmelden"}</span>
          </a>
        </p>
      ) : null}
    </>
  );
}
