import { can } from "@it-atlas/domain";
import { useState } from "react";
import { Link } from "react-router";
import { formatDecimal, formatInteger, formatIsoDate } from "../../ui/format.ts";
import { ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { DemoBadge } from "../sourcing/DemoBadge.tsx";
import { DemoBanner } from "../sourcing/DemoBanner.tsx";
import { useExchangeOffers } from "./exchangeQueries.ts";
import { OfferDetail } from "./OfferDetail.tsx";
import { OzgNavigation } from "./OzgNavigation.tsx";
import { PublishOfferDialog } from "./PublishOfferDialog.tsx";
import "./ozgReadiness.css";

/**
 * Service exchange (Leistungsaustausch): offers of providers to other providers' members with
 * service, price model, SLA and capacity; interest and agreements per offer.
 */
export function ExchangePage() {
  usePageTitle("Leistungsaustausch");
  const { principal } = usePrincipal();
  const [withWithdrawn, setWithWithdrawn] = useState(false);
  const offers = useExchangeOffers(withWithdrawn);
  const [open, setOpen] = useState<number | null>(null);
  const [publishing, setPublishing] = useState(false);
  const ownProviders =
    principal.kind === "user"
      ? principal.roles.flatMap((role) =>
          role.role === "dienstleister_bearbeiter" && role.providerId ? [role.providerId] : [],
        )
      : [];
  const isAdmin = can(principal, "exchange:agreement");
  // Administrators may publish for any provider (the dialog lists them); editors for their own.
  const mayPublish = isAdmin || ownProviders.length > 0;
  const items = offers.data?.items ?? [];
  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Leistungsaustausch
      </h1>
      <p className="kern-body">
        IT-Dienstleister bieten Leistungen den Mitgliedern anderer Dienstleister an – mit
        Preismodell, Service-Level und Kapazität. Kommunen und Dienstleister bekunden Interesse;
        Vereinbarungen werden mit Datum erfasst. Veröffentlichte Angebote sind zugleich Angebote in
        der Landkarte und damit zulässige Optionen in Konsolidierungsszenarien.
      </p>
      <OzgNavigation />
      {items.some((item) => item.demo) ? (
        <DemoBanner>
          Die vorhandenen Angebote, Interessen und Vereinbarungen sind Demodaten.
        </DemoBanner>
      ) : null}
      <div className="atlas-ozg-actions">
        <div className="kern-form-check">
          <input
            id="austausch-zurueckgezogen"
            className="kern-form-check__checkbox"
            type="checkbox"
            checked={withWithdrawn}
            onChange={(event) => setWithWithdrawn(event.target.checked)}
          />
          <label className="kern-label" htmlFor="austausch-zurueckgezogen">
            Zurückgezogene Angebote zeigen
          </label>
        </div>
        {mayPublish ? (
          <button
            type="button"
            className="kern-btn kern-btn--primary"
            onClick={() => setPublishing(true)}
          >
            <span className="kern-label">Angebot veröffentlichen</span>
          </button>
        ) : null}
      </div>
      {offers.isPending ? <LoadingState /> : null}
      {offers.isError ? <ErrorState error={offers.error} /> : null}
      {items.length > 0 ? (
        <div className="kern-table-responsive">
          <table className="kern-table kern-table--striped kern-table--small">
            <caption className="kern-body kern-body--bold atlas-table-caption">
              {items.length} Angebote
            </caption>
            <thead>
              <tr className="kern-table__row">
                {[
                  "Angebot",
                  "Anbieter",
                  "Leistung",
                  "Preismodell",
                  "SLA",
                  "Kapazität",
                  "Für Mitglieder von",
                  "Gültig ab",
                  "Interesse / Vereinbarungen",
                ].map((label) => (
                  <th key={label} scope="col" className="kern-table__header">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((offer) => (
                <tr key={offer.id} className="kern-table__row">
                  <th scope="row" className="kern-table__cell">
                    <button
                      type="button"
                      className="kern-btn kern-btn--tertiary"
                      aria-expanded={open === offer.id}
                      onClick={() => setOpen(open === offer.id ? null : offer.id)}
                    >
                      <span className="kern-label">{offer.title}</span>
                    </button>{" "}
                    {offer.demo ? <DemoBadge small /> : null}
                    {offer.status === "zurueckgezogen" ? (
                      <span className="atlas-muted"> (zurückgezogen)</span>
                    ) : null}
                  </th>
                  <td className="kern-table__cell">
                    <Link className="kern-link" to={`/dienstleister/${offer.provider.id}`}>
                      {offer.provider.shortName}
                    </Link>
                  </td>
                  <td className="kern-table__cell">
                    {offer.domain.name}
                    {offer.onlineService ? ` · ${offer.onlineService.name}` : ""}
                  </td>
                  <td className="kern-table__cell">
                    {offer.priceModel ? `${offer.priceModel}: ` : ""}
                    {formatInteger(offer.fixedPrice)} € + {formatDecimal(offer.unitPrice)} € je
                    Einheit
                  </td>
                  <td className="kern-table__cell">{offer.sla ?? "–"}</td>
                  <td className="kern-table__cell">{formatInteger(offer.capacity)}</td>
                  <td className="kern-table__cell">
                    {offer.audience.map((provider) => provider.shortName).join(", ") ||
                      "alle Kommunen"}
                  </td>
                  <td className="kern-table__cell">{formatIsoDate(offer.validFrom)}</td>
                  <td className="kern-table__cell">
                    {offer.interestCount} / {offer.agreementCount}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {open !== null ? <OfferDetail key={open} offerId={open} principal={principal} /> : null}
      {publishing ? (
        <PublishOfferDialog providerIds={ownProviders} onClose={() => setPublishing(false)} />
      ) : null}
    </>
  );
}
