import { Suspense, useEffect, useRef } from "react";
import { NavLink, Outlet, useLocation } from "react-router";
import { AccountNavigation } from "../features/auth/AccountNavigation.tsx";
import { SecondFactorNotice } from "../features/auth/SecondFactorNotice.tsx";
import { NotificationBell } from "../features/change/NotificationBell.tsx";
import { LoadingState } from "../ui/States.tsx";

/** Navigation in the order of the work: the picture, OZG, planning, change, data exchange. */
const NAVIGATION: ReadonlyArray<{
  group: string;
  items: ReadonlyArray<{ to: string; label: string; end: boolean }>;
}> = [
  {
    group: "Überblick",
    items: [
      { to: "/", label: "Start", end: true },
      { to: "/landkarte", label: "Landkarte", end: false },
      { to: "/kommunen", label: "Kommunen", end: false },
      { to: "/dienstleister", label: "IT-Dienstleister", end: false },
      { to: "/leistungsbereiche", label: "Leistungsbereiche", end: false },
    ],
  },
  {
    group: "OZG",
    items: [
      { to: "/ozg", label: "OZG-Katalog", end: false },
      { to: "/ozg-umsetzung", label: "OZG-Umsetzung", end: false },
    ],
  },
  {
    group: "Planung",
    items: [
      { to: "/bedarfserhebung", label: "Bedarfserhebung", end: false },
      { to: "/fragmentierung", label: "Fragmentierung", end: false },
      { to: "/szenarien", label: "Szenarien", end: false },
    ],
  },
  {
    group: "Veränderung",
    items: [
      { to: "/massnahmen", label: "Maßnahmen", end: false },
      { to: "/roadmap", label: "Roadmap", end: false },
      { to: "/gremien", label: "Gremien & Beschlüsse", end: false },
      { to: "/kennzahlen", label: "Kennzahlen", end: false },
      { to: "/berichte", label: "Berichte", end: false },
    ],
  },
  {
    group: "Daten",
    items: [
      { to: "/import-export", label: "Import/Export", end: false },
      { to: "/korrekturen", label: "Korrekturen", end: false },
      { to: "/datenlage", label: "Datenlage", end: false },
    ],
  },
];

/**
 * Page frame: skip link, KERN Kopfzeile, header with navigation and account area, main
 * landmark and footer with the data attributions. Focus moves to the main heading after navigation.
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
          <nav aria-label="Hauptnavigation">
            <ul className="atlas-nav">
              {NAVIGATION.map(({ group, items }) => (
                <li key={group} className="atlas-nav__group">
                  <span className="atlas-nav__group-label" id={`nav-${group}`}>
                    {group}
                  </span>
                  <ul aria-labelledby={`nav-${group}`}>
                    {items.map((item) => (
                      <li key={item.to}>
                        <NavLink to={item.to} end={item.end} className="atlas-nav__link">
                          {item.label}
                        </NavLink>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </nav>
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
