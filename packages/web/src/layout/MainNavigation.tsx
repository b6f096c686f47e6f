import { useEffect, useRef, useState } from "react";
import { NavLink, useLocation } from "react-router";
import { Icon } from "../ui/Icon.tsx";

/** Navigation in the order of the work: the picture, OZG, planning, change, data exchange. */
export const NAVIGATION: ReadonlyArray<{
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

/** The id the menu button controls. */
export const MAIN_NAVIGATION_ID = "hauptnavigation";

/**
 * The main navigation. On wide screens all groups show in the header; below the small-screen
 * breakpoint (styles/app.css, 64rem) a "Menü" button (disclosure pattern, WAI-ARIA APG) opens
 * and closes them, so the header takes one line on a phone. Escape closes the open menu and
 * returns focus to the button; choosing a page closes it.
 */
export function MainNavigation() {
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return undefined;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      toggleRef.current?.focus();
    };
    document.addEventListener("keydown", closeOnEscape);
    return () => document.removeEventListener("keydown", closeOnEscape);
  }, [open]);

  return (
    <>
      <button
        ref={toggleRef}
        type="button"
        className="kern-btn kern-btn--secondary atlas-menu-toggle"
        aria-expanded={open}
        aria-controls={MAIN_NAVIGATION_ID}
        onClick={() => setOpen(!open)}
      >
        <Icon name={open ? "close" : "menu"} />
        <span className="kern-label">Menü</span>
      </button>
      <nav
        id={MAIN_NAVIGATION_ID}
        aria-label="Hauptnavigation"
        className={`atlas-main-nav${open ? " atlas-main-nav--open" : ""}`}
      >
        <ul className="atlas-nav">
          {NAVIGATION.map(({ group, items }) => (
            <li key={group} className="atlas-nav__group">
              <span className="atlas-nav__group-label" id={`nav-${group}`}>
                {group}
              </span>
              <ul aria-labelledby={`nav-${group}`}>
                {items.map((item) => (
                  <li key={item.to}>
                    <NavLink
                      to={item.to}
                      end={item.end}
                      className="atlas-nav__link"
                      onClick={() => setOpen(false)}
                    >
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
