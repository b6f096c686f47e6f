import { Link } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { formatInteger, formatIsoDate } from "../../ui/format.ts";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { DemoBanner } from "./DemoBanner.tsx";
import { formatEuro } from "./formatEuro.ts";
import { useProviderLandscape } from "./providerQueries.ts";
import "./sourcing.css";

type Sourcing = Schemas["Sourcing"];

interface DomainCustomers {
  id: string;
  name: string;
  kommunen: Array<{ ags: string; name: string }>;
  cost: number | null;
}

// Cost stays "unknown" (null) unless at least one Bezug states it.
function groupByDomain(items: readonly Sourcing[]): DomainCustomers[] {
  const groups = new Map<string, DomainCustomers>();
  for (const item of items) {
    const group = groups.get(item.domain.id) ?? {
      id: item.domain.id,
      name: item.domain.name,
      kommunen: [],
      cost: null,
    };
    group.kommunen.push({ ags: item.organisation.ags, name: item.organisation.name });
    if (item.annualCost !== null) group.cost = (group.cost ?? 0) + item.annualCost;
    groups.set(item.domain.id, group);
  }
  return [...groups.values()]
    .map((group) => ({
      ...group,
      kommunen: group.kommunen.sort((a, b) => a.name.localeCompare(b.name, "de")),
    }))
    .sort((a, b) => b.kommunen.length - a.kommunen.length || a.name.localeCompare(b.name, "de"));
}

/** Which Kommunen obtain which Leistungsbereich from a provider today, with yearly cost. */
export function ProviderCustomersByDomain({
  providerId,
  shortName,
}: {
  providerId: string;
  shortName: string;
}) {
  const landscape = useProviderLandscape(providerId);
  if (landscape.isPending) return <LoadingState />;
  if (landscape.isError) {
    return <ErrorState error={landscape.error} onRetry={() => void landscape.refetch()} />;
  }
  const { items, total, asOf } = landscape.data;
  if (items.length === 0) {
    return (
      <EmptyState>
        Zum {formatIsoDate(asOf)} ist für {shortName} kein Bezug einer Kommune erfasst – weder mit
        Quelle noch als Demodaten.
      </EmptyState>
    );
  }
  const groups = groupByDomain(items);
  const kommunen = new Set(items.map((item) => item.organisation.ags)).size;
  const totalCost = items.reduce((sum, item) => sum + (item.annualCost ?? 0), 0);
  const hidden = items.some((item) => item.confidentialHidden);
  return (
    <>
      {items.some((item) => item.demo) ? <DemoBanner /> : null}
      {hidden ? (
        <p className="kern-body">
          Kosten einzelner Kommunen sind vertraulich und nur für Berechtigte sichtbar; Summen
          enthalten nur die sichtbaren Angaben.
        </p>
      ) : null}
      {total > items.length ? (
        <p className="kern-body">
          Gezeigt werden {formatInteger(items.length)} von {formatInteger(total)} Bezügen.
        </p>
      ) : null}
      <div className="kern-table-responsive">
        <table className="kern-table kern-table--small atlas-customer-table">
          <caption className="atlas-visually-hidden">
            Kunden von {shortName} je Leistungsbereich, Stand {formatIsoDate(asOf)}
          </caption>
          <thead>
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">
                Leistungsbereich
              </th>
              <th scope="col" className="kern-table__header kern-table__header--numeric">
                Kommunen
              </th>
              <th scope="col" className="kern-table__header kern-table__header--numeric">
                Kosten/Jahr
              </th>
              <th scope="col" className="kern-table__header">
                Kommunen anzeigen
              </th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {groups.map((group) => (
              <tr key={group.id} className="kern-table__row">
                <th scope="row" className="kern-table__cell">
                  <Link className="kern-link" to={`/leistungsbereiche/${group.id}`}>
                    {group.name}
                  </Link>
                </th>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {formatInteger(group.kommunen.length)}
                </td>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {group.cost === null && hidden ? "vertraulich" : formatEuro(group.cost)}
                </td>
                <td className="kern-table__cell">
                  <details>
                    <summary className="atlas-disclosure">
                      <span className="kern-link">
                        {group.kommunen.length === 1
                          ? "1 Kommune"
                          : `${formatInteger(group.kommunen.length)} Kommunen`}
                        <span className="kern-sr-only"> im Bereich {group.name}</span>
                      </span>
                    </summary>
                    <ul className="atlas-kommune-list">
                      {group.kommunen.map((kommune) => (
                        <li key={kommune.ags}>
                          <Link className="kern-link" to={`/kommunen/${kommune.ags}`}>
                            {kommune.name}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="kern-table__row">
              <th scope="row" className="kern-table__cell">
                Insgesamt (verschiedene Kommunen)
              </th>
              <td className="kern-table__cell kern-table__cell--numeric">
                {formatInteger(kommunen)}
              </td>
              <td className="kern-table__cell kern-table__cell--numeric">
                {formatEuro(totalCost)}
              </td>
              <td className="kern-table__cell" />
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
