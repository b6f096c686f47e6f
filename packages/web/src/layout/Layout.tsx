import { Suspense, useEffect, useRef } from "react";
import { NavLink, Outlet, useLocation } from "react-router";
import { AccountNavigation } from "../features/auth/AccountNavigation.tsx";
import { SecondFactorNotice } from "../features/auth/SecondFactorNotice.tsx";
import { NotificationBell } from "../features/change/NotificationBell.tsx";
import { LoadingState } from "../ui/States.tsx";
import { MainNavigation } from "./MainNavigation.tsx";

/**
 * Page frame: skip link, KERN Kopfzeile, header with the main navigation (a menu button on
 * small screens) and account area, main landmark and footer with the data attributions. Focus
 * moves to the main heading after navigation.
 */
export function Layout() {
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // A page loaded on demand renders its heading a moment later: wait for it.
    const main = mainRef.current;
    if (!main) return;
    const heading = main.querySelector("h1");
    if (heading) {
      heading.focus();
      return;
    }
    const observer = new MutationObserver(() => {
      const appeared = main.querySelector("h1");
      if (appeared) {
        observer.disconnect();
        appeared.focus();
      }
    });
    observer.observe(main, { childList: true, subtree: true });
    const stop = setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      observer.disconnect();
      clearTimeout(stop);
    };
  }, [location.pathname]);

  return (
    <>
      <a className="atlas-skip-link" href="#inhalt">
        Zum Inhalt springen
      </a>
      <div className="kern-kopfzeile">
        <div className="kern-container">
          <div className="kern-kopfzeile__content">
            <span className="kern-kopfzeile__label">
              IT-Atlas NRW · Planungsinstrument der kommunalen IT in Nordrhein-Westfalen
            </span>
          </div>
        </div>
      </div>
      <header className="atlas-header">
        <div className="kern-container atlas-header__inner">
          <NavLink to="/" className="atlas-brand" aria-label="IT-Atlas NRW – Startseite">
            <span aria-hidden="true" className="atlas-brand__mark" />
            IT-Atlas NRW
          </NavLink>
          <MainNavigation />
          <NotificationBell />
          <AccountNavigation />
        </div>
      </header>
      <main id="inhalt" ref={mainRef} className="kern-container atlas-main" tabIndex={-1}>
        <SecondFactorNotice />
        <Suspense fallback={<LoadingState label="Seite wird geladen …" />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="atlas-footer">
        <div className="kern-container">
          <p className="kern-body kern-body--small">
            Grenzen: © GeoBasis-DE / BKG (Daten verändert), dl-de/by-2-0 · Statistik: ©
            Statistisches Bundesamt (Destatis) / Statistische Ämter des Bundes und der Länder,
            dl-de/by-2-0 · OZG/LeiKa: Quelle: KDN – OZG-Datenbank NRW
            (github.com/kdn-nrw/OZG-Datenbank-NRW, MIT)
          </p>
          <p className="kern-body kern-body--small">
            <NavLink className="kern-link kern-link--small" to="/quellen">
              Alle Quellen und Lizenzen
            </NavLink>{" "}
            ·{" "}
            <a className="kern-link kern-link--small" href="/api/docs">
              Offene Schnittstelle (OpenAPI)
            </a>{" "}
            · Software unter EUPL-1.2
          </p>
        </div>
      </footer>
    </>
  );
}
