import { Link } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { formatEuro, formatEuroCents, formatInteger, formatIsoDate } from "../../ui/format.ts";
import { SourceNote } from "../../ui/SourceNote.tsx";
import { costPerInhabitant, OPERATING_MODEL_LABEL } from "./colouring.ts";

type Sourcing = Schemas["Sourcing"];

/** Side panel with one Kommune's sourcing of the selected domain. */
export function SourcingPanel({
  item,
  name,
  ags,
  domainName,
  onClose,
}: {
  item: Sourcing | undefined;
  name: string;
  ags: string;
  domainName: string;
  onClose: () => void;
}) {
  const facts: Array<[string, string]> = item
    ? [
        ["Betriebsmodell", OPERATING_MODEL_LABEL[item.operatingModel]],
        ["IT-Dienstleister", item.provider?.shortName ?? "–"],
        ["Partnerkommune", item.partner?.name ?? "–"],
        ["Produkt", item.product ? `${item.product.name} (${item.product.vendor})` : "–"],
        ["Kosten je Jahr", item.annualCost === null ? "–" : formatEuro(item.annualCost)],
        ["davon Investition", item.investmentCost === null ? "–" : formatEuro(item.investmentCost)],
        [
          "Kosten je Einwohner",
          costPerInhabitant(item) === undefined
            ? "–"
            : formatEuroCents(costPerInhabitant(item) ?? 0),
        ],
        [
          "Menge",
          item.volume === null ? "–" : `${formatInteger(item.volume)} ${item.volumeUnit ?? ""}`,
        ],
        ["Vertragsende", formatIsoDate(item.contractEnd)],
        ["Zufriedenheit", item.satisfaction === null ? "–" : `${item.satisfaction} von 5`],
        ["Stand gültig seit", formatIsoDate(item.validFrom)],
      ]
    : [];
  return (
    <aside className="atlas-panel" aria-labelledby="panel-title">
      <h2 id="panel-title" className="kern-heading-small" tabIndex={-1}>
        {name}
      </h2>
      <p className="kern-body kern-body--small">{domainName}</p>
      {item ? (
        <>
          {item.demo ? (
            <p>
              <span className="kern-badge kern-badge--warning">
                <span className="kern-label">Demodaten (synthetisch)</span>
              </span>
            </p>
          ) : null}
          <dl className="kern-description-list">
            {facts.map(([label, value]) => (
              <div key={label} className="kern-description-list-item">
                <dt className="kern-description-list-item__key">{label}</dt>
                <dd className="kern-description-list-item__value">{value}</dd>
              </div>
            ))}
          </dl>
          <p className="kern-body kern-body--small">
            Herkunft: <SourceNote provenance={item.provenance} />
          </p>
        </>
      ) : (
        <p className="kern-body">
          Für diesen Stichtag ist kein Bezug erfasst, oder die Kommune ist nicht zuständig.
        </p>
      )}
      <p className="kern-body">
        <Link className="kern-link" to={`/kommunen/${ags}`}>
          Profil und Verlauf von {name}
        </Link>
      </p>
      <button type="button" className="kern-btn kern-btn--secondary" onClick={onClose}>
        <span className="kern-label">Auswahl schließen</span>
      </button>
    </aside>
  );
}
