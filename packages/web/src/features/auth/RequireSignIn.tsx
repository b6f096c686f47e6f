import type { ReactNode } from "react";
import { LoadingState } from "../../ui/States.tsx";
import { SignInLink } from "../../ui/SignInLink.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { usePrincipal } from "./usePrincipal.ts";

/**
 * What a visitor sees instead of a page that only signed-in people may read: the reason and
 * the sign-in link (which comes back here). No request of the page is made, so a visitor's
 * browser asks the server for nothing it would refuse.
 */
export function SignInRequired({ what }: { what: string }) {
  usePageTitle("Anmeldung erforderlich");
  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Anmeldung erforderlich
      </h1>
      <div className="kern-alert kern-alert--info" role="status">
        <div className="kern-alert__header">
          <span className="kern-icon kern-icon--info" aria-hidden="true" />
          <span className="kern-title">{what}: nur nach Anmeldung</span>
        </div>
        <div className="kern-alert__body">
          <p className="kern-body">
            Diese Seite zeigt Angaben zur IT-Landschaft, die nur angemeldete Personen sehen. Bitte
            melden Sie sich an; danach kommen Sie hierher zurück.
          </p>
          <p className="kern-body">
            <SignInLink />
          </p>
        </div>
      </div>
    </>
  );
}

/**
 * Shows `children` to signed-in people and {@link SignInRequired} to visitors; while the
 * session loads, neither (so the page's requests wait for the answer). The one guard of
 * the pages whose content needs a sign-in.
 */
export function RequireSignIn({ what, children }: { what: string; children: ReactNode }) {
  const { principal, isPending } = usePrincipal();
  if (isPending) return <LoadingState />;
  if (principal.kind === "anonymous") return <SignInRequired what={what} />;
  return <>{children}</>;
}

/**
 * The same guard for one section of a public page (e.g. a Kommune's sourcing): visitors see
 * a short notice with the sign-in link in its place, and no request of the section is made.
 */
export function SignedInOnly({ what, children }: { what: string; children: ReactNode }) {
  const { principal, isPending } = usePrincipal();
  if (isPending) return <LoadingState />;
  if (principal.kind === "anonymous") {
    return (
      <p className="kern-body atlas-sign-in-hint">
        {what} sehen nur angemeldete Personen. <SignInLink />
      </p>
    );
  }
  return <>{children}</>;
}
