import { useSearchParams } from "react-router";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { SetPasswordForm } from "./SetPasswordForm.tsx";
import "./auth.css";

/** Accepting an invitation (`/einladung?token=…`): choose a password, optionally a name. */
export function InvitationPage() {
  usePageTitle("Einladung annehmen");
  const [searchParams] = useSearchParams();
  return (
    <div className="atlas-narrow">
      <h1 className="kern-heading-large" tabIndex={-1}>
        Einladung annehmen
      </h1>
      <p className="kern-body">
        Sie wurden zum IT-Atlas NRW eingeladen. Wählen Sie ein Passwort, um Ihr Konto zu aktivieren;
        danach melden Sie sich mit Ihrer E-Mail-Adresse an.
      </p>
      <SetPasswordForm
        kind="invitation"
        token={searchParams.get("token")}
        submitLabel="Einladung annehmen"
      />
    </div>
  );
}
