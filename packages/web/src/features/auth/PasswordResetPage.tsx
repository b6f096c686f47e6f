import { useSearchParams } from "react-router";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { SetPasswordForm } from "./SetPasswordForm.tsx";
import "./auth.css";

/** Choosing a new password with a reset link (`/passwort-zuruecksetzen?token=…`). */
export function PasswordResetPage() {
  usePageTitle("Passwort zurücksetzen");
  const [searchParams] = useSearchParams();
  return (
    <div className="atlas-narrow">
      <h1 className="kern-heading-large" tabIndex={-1}>
        Passwort zurücksetzen
      </h1>
      <p className="kern-body">
        Wählen Sie ein neues Passwort. Bestehende Anmeldungen Ihres Kontos werden dabei beendet.
      </p>
      <SetPasswordForm
        kind="password_reset"
        token={searchParams.get("token")}
        submitLabel="Passwort speichern"
      />
    </div>
  );
}
