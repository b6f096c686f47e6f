import { formatIsoDate } from "../../ui/format.ts";
import { SourceNote } from "../../ui/SourceNote.tsx";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { DemoBadge } from "./DemoBadge.tsx";
import { formatPriceModel } from "./formatPriceModel.ts";
import { formatVolume } from "./formatVolume.ts";
import { useProviderOffers } from "./providerQueries.ts";

/** A provider's offers: price model, capacity and service level per Leistungsbereich. */
export function ProviderOfferTable({
  providerId,
  shortName,
}: {
  providerId: string;
  shortName: string;
}) {
  const offers = useProviderOffers(providerId);
  if (offers.isPending) return <LoadingState />;
  if (offers.isError)
    return <ErrorState error={offers.error} onRetry={() => void offers.refetch()} />;
  const items = offers.data.items;
  if (items.length === 0) {
    return <EmptyState>Für {shortName} sind derzeit keine Angebote erfasst.</EmptyState>;
  }
  return (
    <div className="kern-table-responsive">
      <table className="kern-table kern-table--small">
        <caption className="atlas-visually-hidden">Angebote von {shortName}</caption>
        <thead>
          <tr className="kern-table__row">
            {[
              "Leistungsbereich",
              "Produkt",
              "Preismodell pro Jahr",
              "Kapazität",
              "Service-Level (SLA)",
              "Gültig ab",
              "Herkunft",
            ].map((header) => (
              <th key={header} scope="col" className="kern-table__header">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {items.map((offer) => (
            <tr key={offer.id} className="kern-table__row">
              <th scope="row" className="kern-table__cell">
                {offer.domain.name}
              </th>
              <td className="kern-table__cell">
                {offer.product ? `${offer.product.name} (${offer.product.vendor})` : "–"}
              </td>
              <td className="kern-table__cell">{formatPriceModel(offer)}</td>
              <td className="kern-table__cell">
                {offer.capacity === null
                  ? "nicht begrenzt angegeben"
                  : formatVolume(offer.capacity, offer.domain.volumeUnit)}
              </td>
              <td className="kern-table__cell">{offer.sla ?? "–"}</td>
              <td className="kern-table__cell">{formatIsoDate(offer.validFrom)}</td>
              <td className="kern-table__cell">
                {offer.demo ? <DemoBadge small /> : <SourceNote provenance={offer.provenance} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
