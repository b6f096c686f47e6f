import { useSources } from "../../api/hooks.ts";
import { ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";

/** All data sources with licence, as-of date and the attribution lines the licences require. */
export function SourcesPage() {
  usePageTitle("Quellen und Lizenzen");
  const sources = useSources();
  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Quellen und Lizenzen
      </h1>
      <p className="kern-body">
        Jede Angabe im IT-Atlas nennt ihre Quelle. Nicht öffentliche Zahlen (Kosten, Mengen,
        eingesetzte Produkte) werden – wo sie gezeigt werden – als „Demodaten (synthetisch)“
        gekennzeichnet und nie mit belegten Fakten vermischt.
      </p>
      <h2 className="kern-heading-medium">Namensnennungen</h2>
      <ul className="kern-list">
        <li>
          Grenzen: © GeoBasis-DE / BKG (Daten verändert) – Datenlizenz Deutschland – Namensnennung –
          Version 2.0
        </li>
        <li>
          Statistik: © Statistisches Bundesamt (Destatis) / Statistische Ämter des Bundes und der
          Länder – Datenlizenz Deutschland – Namensnennung – Version 2.0
        </li>
        <li>
          OZG/LeiKa: Quelle: KDN – OZG-Datenbank NRW (github.com/kdn-nrw/OZG-Datenbank-NRW, MIT)
        </li>
      </ul>
      <h2 className="kern-heading-medium">Datenquellen</h2>
      {sources.isPending ? <LoadingState /> : null}
      {sources.isError ? (
        <ErrorState error={sources.error} onRetry={() => void sources.refetch()} />
      ) : null}
      {sources.data ? (
        <div className="kern-table-responsive">
          <table className="kern-table kern-table--striped">
            <caption className="atlas-visually-hidden">Datenquellen</caption>
            <thead>
              <tr className="kern-table__row">
                {["Kennung", "Quelle", "Stand", "Lizenz", "Namensnennung / Hinweis"].map(
                  (header) => (
                    <th key={header} scope="col" className="kern-table__header">
                      {header}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {sources.data.items.map((source) => (
                <tr key={source.id} id={source.id} className="kern-table__row">
                  <td className="kern-table__cell">{source.id}</td>
                  <td className="kern-table__cell">
                    {source.url ? (
                      <a className="kern-link" href={source.url} rel="noreferrer">
                        {source.title}
                      </a>
                    ) : (
                      source.title
                    )}
                    {source.publisher ? (
                      <div className="kern-body--small atlas-muted">{source.publisher}</div>
                    ) : null}
                  </td>
                  <td className="kern-table__cell">{source.asOf ?? "–"}</td>
                  <td className="kern-table__cell">{source.licence ?? "–"}</td>
                  <td className="kern-table__cell">
                    {source.attribution ?? ""}
                    {source.note ? <div className="kern-body--small">{source.note}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
