import { Link } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { DemoBadge } from "../sourcing/DemoBadge.tsx";

type ServiceReadiness = Schemas["ServiceReadiness"];

/**
 * Every central base component and online service with the Kommunen online, in progress,
 * planned and missing — each row opens the board for that service.
 */
export function ServiceOverview({
  items,
  linkTo,
}: {
  items: ServiceReadiness[];
  linkTo: (id: string) => string;
}) {
  return (
    <div className="kern-table-responsive">
      <table className="kern-table kern-table--striped kern-table--small">
        <caption className="kern-body kern-body--bold atlas-table-caption">
          Zentrale Dienste und EfA-Dienste: Kommunen je Stand
        </caption>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              Dienst
            </th>
            <th scope="col" className="kern-table__header">
              Art
            </th>
            <th scope="col" className="kern-table__header">
              Betreiber
            </th>
            {["online", "in Anbindung", "geplant", "fehlt", "andere Lösung"].map((label) => (
              <th
                key={label}
                scope="col"
                className="kern-table__header kern-table__header--numeric"
              >
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map(({ service, counts }) => (
            <tr key={service.id} className="kern-table__row">
              <th scope="row" className="kern-table__cell">
                <Link className="kern-link" to={linkTo(service.id)}>
                  {service.name}
                </Link>{" "}
                {service.demo ? <DemoBadge small /> : null}
              </th>
              <td className="kern-table__cell">
                {service.kind === "basiskomponente"
                  ? "Basiskomponente"
                  : service.efa
                    ? "EfA-Onlinedienst"
                    : "Onlinedienst"}
              </td>
              <td className="kern-table__cell">{service.operatorName}</td>
              <td className="kern-table__cell kern-table__cell--numeric">{counts.online}</td>
              <td className="kern-table__cell kern-table__cell--numeric">{counts.in_anbindung}</td>
              <td className="kern-table__cell kern-table__cell--numeric">{counts.geplant}</td>
              <td className="kern-table__cell kern-table__cell--numeric">{counts.offen}</td>
              <td className="kern-table__cell kern-table__cell--numeric">
                {counts.andere_loesung}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
