import { NavLink } from "react-router";

const LINKS = [
  { to: "/ozg-umsetzung", label: "Umsetzungsstand", end: true },
  { to: "/ozg-umsetzung/dienste", label: "Onlinedienste", end: false },
  { to: "/ozg-umsetzung/austausch", label: "Leistungsaustausch", end: false },
  { to: "/ozg-umsetzung/import", label: "Import", end: false },
  { to: "/ozg-umsetzung/regeln", label: "Zuständigkeitsregel", end: false },
];

/** Sub-navigation of the OZG-Umsetzung pages. */
export function OzgNavigation() {
  return (
    <nav aria-label="OZG-Umsetzung" className="atlas-subnav">
      <ul className="atlas-subnav__list">
        {LINKS.map((link) => (
          <li key={link.to}>
            <NavLink className="kern-link atlas-subnav__link" to={link.to} end={link.end}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
