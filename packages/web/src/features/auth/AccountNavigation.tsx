import { can, type Principal } from "@it-atlas/domain";
import { useEffect, useId, useRef, useState } from "react";
import { NavLink, useLocation, useNavigate } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { Icon } from "../../ui/Icon.tsx";
import { signInPath } from "../../ui/signInPath.ts";
import { errorMessage } from "../../ui/States.tsx";
import { useSignOut } from "./sessionQueries.ts";
import { usePrincipal } from "./usePrincipal.ts";

function AccountMenu({ user, principal }: { user: Schemas["UserView"]; principal: Principal }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();

  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return undefined;
    const closeOutside = (event: PointerEvent | FocusEvent) => {
      if (event.target instanceof Node && !containerRef.current?.contains(event.target)) {
        setOpen(false);
      }
    };
    // Escape closes and returns focus to the toggle (disclosure pattern, WAI-ARIA APG).
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      toggleRef.current?.focus();
    };
    document.addEventListener("pointerdown", closeOutside);
    document.addEventListener("focusin", closeOutside);
    document.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("pointerdown", closeOutside);
      document.removeEventListener("focusin", closeOutside);
      document.removeEventListener("keydown", closeOnEscape);
    };
  }, [open]);

  const administrator = can(principal, "users:manage");
  return (
    <div ref={containerRef} className="atlas-account__menu">
      <button
        ref={toggleRef}
        type="button"
        className="atlas-account__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <span className="kern-icon kern-icon--account-circle" aria-hidden="true" />
        <span className="atlas-visually-hidden">Konto von</span> {user.displayName}
        <Icon className="atlas-account__chevron" name={open ? "expandLess" : "expandMore"} />
      </button>
      <div id={panelId} className="atlas-account__panel" hidden={!open}>
        <p className="kern-body kern-body--small atlas-account__email">
          Angemeldet als {user.email}
        </p>
        <ul className="atlas-account__list">
          <li>
            <NavLink className="atlas-account__link" to="/konto/tokens">
              API-Tokens
            </NavLink>
          </li>
          <li>
            <NavLink className="atlas-account__link" to="/konto/zwei-faktor">
              Zwei-Faktor-Anmeldung
            </NavLink>
          </li>
          {administrator ? (
            <>
              <li>
                <NavLink className="atlas-account__link" to="/verwaltung/benutzer">
                  Verwaltung: Benutzerkonten
                </NavLink>
              </li>
              <li>
                <NavLink className="atlas-account__link" to="/verwaltung/protokoll">
                  Verwaltung: Prüfprotokoll
                </NavLink>
              </li>
            </>
          ) : null}
          <li>
            <button
              type="button"
              className="atlas-account__link atlas-account__signout"
              disabled={signOut.isPending}
              onClick={() =>
                signOut.mutate(undefined, {
                  onSuccess: () => void navigate("/anmelden", { state: { signedOut: true } }),
                })
              }
            >
              <span className="kern-icon kern-icon--logout" aria-hidden="true" />
              {signOut.isPending ? "Abmeldung läuft …" : "Abmelden"}
            </button>
          </li>
        </ul>
        {signOut.isError ? (
          <p className="kern-error" role="alert">
            <span className="kern-body">
              Abmelden fehlgeschlagen: {errorMessage(signOut.error)}
            </span>
          </p>
        ) : null}
      </div>
    </div>
  );
}

/**
 * The header's account area: "Anmelden" for visitors; for signed-in people their name opens
 * a small disclosure with API-Tokens, the administration (administrators only) and sign-out.
 */
export function AccountNavigation() {
  const { user, principal, isPending } = usePrincipal();
  const location = useLocation();
  return (
    <nav aria-label="Konto" className="atlas-account">
      {isPending ? null : user ? (
        <AccountMenu user={user} principal={principal} />
      ) : (
        <NavLink
          className="kern-btn kern-btn--secondary atlas-account__signin"
          to={signInPath(`${location.pathname}${location.search}`)}
        >
          <span className="kern-label">Anmelden</span>
        </NavLink>
      )}
    </nav>
  );
}
