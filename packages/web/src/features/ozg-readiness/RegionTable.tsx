import type { Schemas } from "../../api/client.ts";
import { formatShare } from "./readinessColouring.ts";

type Region = Schemas["ReadinessRegion"];

/** Coverage (and the service's status counts) summed per Regierungsbezirk and Kreis. */
export function RegionTable({
  regions,
  serviceName,
}: {
  regions: Region[];
  serviceName: string | null;
}) {
  return (
    <div className="kern-table-responsive">
      <table className="kern-table kern-table--striped kern-table--small">
        <caption className="kern-body kern-body--bold atlas-table-caption">
          OZG-Abdeckung je Regierungsbezirk und Kreis (ein Kreis zählt mit seinen Gemeinden)
        </caption>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              Gebiet
            </th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">
              Kommunen
            </th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">
              Abdeckung
            </th>
            {serviceName ? (
              <>
                <th scope="col" className="kern-table__header kern-table__header--numeric">
                  online
                </th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">
                  in Anbindung / geplant
                </th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">
                  fehlt
                </th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {regions.map((region) => (
            <tr key={`${region.level}-${region.key}`} className="kern-table__row">
              <th scope="row" className="kern-table__cell">
                {region.name}
              </th>
              <td className="kern-table__cell kern-table__cell--numeric">{region.kommunen}</td>
              <td className="kern-table__cell kern-table__cell--numeric">
                {formatShare(region.coverage.share)}{" "}
                <span className="atlas-muted">
                  ({region.coverage.online}/{region.coverage.responsible})
                </span>
              </td>
              {serviceName && region.serviceCounts ? (
                <>
                  <td className="kern-table__cell kern-table__cell--numeric">
                    {region.serviceCounts.online}
                  </td>
                  <td className="kern-table__cell kern-table__cell--numeric">
                    {region.serviceCounts.in_anbindung + region.serviceCounts.geplant}
                  </td>
                  <td className="kern-table__cell kern-table__cell--numeric">
                    {region.serviceCounts.offen}
                  </td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
