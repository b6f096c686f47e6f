import { Link, useLocation } from "react-router";
import { useSession } from "./sessionQueries.ts";

/** Path of the page where the second factor is set up. */
export const SECOND_FACTOR_PAGE = "/konto/zwei-faktor";

/**
 * On every page: an administrator whose role is not effective yet (no second factor) is told
 * why and led to the set-up (issue 15.5).
 */
export function SecondFactorNotice() {
  const session = useSession();
  const location = useLocation();
  if (!session.data?.secondFactorSetupRequired || location.pathname === SECOND_FACTOR_PAGE) {
    return null;
  }
  return (
    <div className="kern-alert kern-alert--warning atlas-second-factor-notice">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--warning" aria-hidden="true" />
        <span className="kern-title">Zwei-Faktor-Anmeldung erforderlich</span>
      </div>
      <div className="kern-alert__body">
        <p className="kern-body">
          Ihr Konto hat die Administrator-Rolle. Sie wirkt erst, wenn Sie die Zwei-Faktor-Anmeldung
          eingerichtet haben.{" "}
          <Link className="kern-link" to={SECOND_FACTOR_PAGE}>
            Jetzt einrichten
          </Link>
        </p>
      </div>
    </div>
  );
}
