import { baseComponentLabel, can, ozgMaturityLabel } from "@it-atlas/domain";
import { useState } from "react";
import { Link } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { DemoBadge } from "../sourcing/DemoBadge.tsx";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { DemoBanner } from "../sourcing/DemoBanner.tsx";
import { OnlineServiceDialog } from "./OnlineServiceDialog.tsx";
import { useOnlineServices } from "./ozgReadinessQueries.ts";
import { OzgNavigation } from "./OzgNavigation.tsx";
import "./ozgReadiness.css";

const MAX_LISTED = 6;

/** Catalogue of online services and central base components with what they cover and need. */
export function OnlineServicesPage() {
  usePageTitle("Onlinedienste und Basiskomponenten");
  const services = useOnlineServices();
  const items = services.data?.items ?? [];
  const { principal } = usePrincipal();
  const mayEdit = can(principal, "ozg:configure");
  // undefined: no dialog; null: a new service; otherwise the service being changed.
  const [editing, setEditing] = useState<Schemas["OnlineService"] | null | undefined>(undefined);
  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Onlinedienste und Basiskomponenten
      </h1>
      <p className="kern-body">
        Zentrale Basiskomponenten (Servicekonto, E-Payment, XTA/OSCI-Transport, Formularlösung) und
        Onlinedienste mit Betreiber, EfA-Kennzeichen, federführendem Land, Portal, OZG-Reifegrad,
        den abgedeckten OZG-Leistungen und ihren Abhängigkeiten.
      </p>
      <OzgNavigation />
      {mayEdit ? (
        <p>
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            onClick={() => setEditing(null)}
          >
            <span className="kern-label">Onlinedienst anlegen</span>
          </button>
        </p>
      ) : null}
      {items.some((item) => item.demo) ? (
        <DemoBanner>
          Der Katalog ist ein Demonstrationskatalog: Basiskomponenten sind generisch beschrieben,
          Onlinedienste, Betreiber, Reifegrade und federführende Länder sind synthetisch und keine
          Tatsachen.
        </DemoBanner>
      ) : null}
      {services.isPending ? <LoadingState /> : null}
      {services.isError ? <ErrorState error={services.error} /> : null}
      {items.length > 0 ? (
        <div className="kern-table-responsive">
          <table className="kern-table kern-table--striped kern-table--small">
            <caption className="kern-body kern-body--bold atlas-table-caption">
              {items.length} Dienste im Katalog
            </caption>
            <thead>
              <tr className="kern-table__row">
                {[
                  "Dienst",
                  "Art",
                  "Betreiber",
                  "EfA / federführend",
                  "Portal",
                  "Reifegrad",
                  "Benötigt",
                  "OZG-Leistungen",
                ].map((label) => (
                  <th key={label} scope="col" className="kern-table__header">
                    {label}
                  </th>
                ))}
                {mayEdit ? (
                  <th scope="col" className="kern-table__header">
                    <span className="atlas-visually-hidden">Aktion</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {items.map((service) => (
                <tr key={service.id} className="kern-table__row">
                  <th scope="row" className="kern-table__cell">
                    <Link className="kern-link" to={`/ozg-umsetzung?dienst=${service.id}`}>
                      {service.name}
                    </Link>{" "}
                    {service.demo ? <DemoBadge small /> : null}
                    {service.description ? (
                      <>
                        <br />
                        <span className="atlas-muted kern-body--small">{service.description}</span>
                      </>
                    ) : null}
                  </th>
                  <td className="kern-table__cell">
                    {service.component
                      ? `Basiskomponente: ${baseComponentLabel[service.component]}`
                      : "Onlinedienst"}
                  </td>
                  <td className="kern-table__cell">
                    {service.operatorProviderId ? (
                      <Link
                        className="kern-link"
                        to={`/dienstleister/${service.operatorProviderId}`}
                      >
                        {service.operatorName}
                      </Link>
                    ) : (
                      service.operatorName
                    )}
                  </td>
                  <td className="kern-table__cell">
                    {service.efa ? "EfA" : "nein"}
                    {service.leadLand
                      ? ` · ${service.leadLand === "BUND" ? "Bund" : service.leadLand}`
                      : ""}
                  </td>
                  <td className="kern-table__cell">{service.portal ?? "–"}</td>
                  <td className="kern-table__cell">
                    {ozgMaturityLabel[service.maturity] ?? service.maturity}
                  </td>
                  <td className="kern-table__cell">
                    {service.dependencies.map((item) => baseComponentLabel[item]).join(", ") || "–"}
                  </td>
                  <td className="kern-table__cell">
                    {service.ozgLeistungen.length === 0 ? "–" : null}
                    {service.ozgLeistungen.slice(0, MAX_LISTED).map((leistung, index) => (
                      <span key={leistung.id}>
                        {index > 0 ? ", " : ""}
                        <Link className="kern-link" to={`/ozg/${leistung.id}`}>
                          {leistung.name}
                        </Link>
                      </span>
                    ))}
                    {service.ozgLeistungen.length > MAX_LISTED
                      ? ` und ${service.ozgLeistungen.length - MAX_LISTED} weitere`
                      : ""}
                  </td>
                  {mayEdit ? (
                    <td className="kern-table__cell">
                      <button
                        type="button"
                        className="kern-btn kern-btn--tertiary"
                        aria-label={`Bearbeiten: ${service.name}`}
                        onClick={() => setEditing(service)}
                      >
                        <span className="kern-label">Bearbeiten</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {editing !== undefined ? (
        <OnlineServiceDialog service={editing} onClose={() => setEditing(undefined)} />
      ) : null}
    </>
  );
}
