import type { Schemas } from "../../api/client.ts";
import { TableExport } from "../../ui/TableExport.tsx";
import { formatInteger } from "../../ui/format.ts";
import { formatShare } from "./readinessColouring.ts";

type Region = Schemas["ReadinessRegion"];

function exportColumns(serviceName: string | null) {
  const columns = [
    { header: "Gebiet", value: (row: Region) => row.name },
    { header: "Schlüssel", value: (row: Region) => row.key },
    { header: "Kommunen", value: (row: Region) => row.kommunen },
    { header: "Abdeckung (Anteil)", value: (row: Region) => row.coverage.share },
    { header: "Online", value: (row: Region) => row.coverage.online },
    { header: "Zuständig", value: (row: Region) => row.coverage.responsible },
  ];
  if (!serviceName) return columns;
  return [
    ...columns,
    { header: `${serviceName}: online`, value: (row: Region) => row.serviceCounts?.online ?? null },
    {
      header: `${serviceName}: in Anbindung / geplant`,
      value: (row: Region) =>
        row.serviceCounts ? row.serviceCounts.in_anbindung + row.serviceCounts.geplant : null,
    },
    { header: `${serviceName}: fehlt`, value: (row: Region) => row.serviceCounts?.offen ?? null },
  ];
}

/** Coverage (and the service's status counts) summed per Regierungsbezirk and Kreis. */
export function RegionTable({
  regions,
  serviceName,
}: {
  regions: Region[];
  serviceName: string | null;
}) {
  return (
    <>
      <TableExport
        fileStem="ozg-abdeckung-regionen"
        sheetName="Regionen"
        label="Regionen"
        columns={exportColumns(serviceName)}
        rows={regions}
      />
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
                    ({formatInteger(region.coverage.online)}/
                    {formatInteger(region.coverage.responsible)})
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
    </>
  );
}
