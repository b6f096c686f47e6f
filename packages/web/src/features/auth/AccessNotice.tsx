import type { Principal } from "@it-atlas/domain";
import { SignInLink } from "../../ui/SignInLink.tsx";

/**
 * Says why a page's actions are not offered: visitors are asked to sign in (and come back),
 * signed-in people learn who may do this. Shown instead of forms the server would refuse.
 */
export function AccessNotice({ principal, who }: { principal: Principal; who: string }) {
  if (principal.kind === "anonymous") {
    return (
      <div className="kern-alert kern-alert--info">
        <div className="kern-alert__header">
          <span className="kern-icon kern-icon--info" aria-hidden="true" />
          <span className="kern-title">Anmeldung erforderlich</span>
        </div>
        <div className="kern-alert__body">
          <p className="kern-body">
            Dies steht nur angemeldeten {who} offen. <SignInLink />
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="kern-alert kern-alert--warning">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--warning" aria-hidden="true" />
        <span className="kern-title">Keine Berechtigung</span>
      </div>
      <div className="kern-alert__body">
        <p className="kern-body">
          Dies steht nur {who} offen. Wenn Sie die Berechtigung brauchen, wenden Sie sich an die
          Administration des IT-Atlas.
        </p>
      </div>
    </div>
  );
}
