import { readinessStatusLabel, type CsvColumn } from "@it-atlas/domain";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { TableExport } from "../../ui/TableExport.tsx";
import { formatIsoDate } from "../../ui/format.ts";
import { SortableHeader } from "../../ui/SortableHeader.tsx";
import { DemoBadge } from "../sourcing/DemoBadge.tsx";
import { formatShare, kommuneTypeLabel, STATUS_COLOR } from "./readinessColouring.ts";

type Row = Schemas["ReadinessRow"];
type Sort = "name" | "share" | "status";

const STATUS_ORDER = [
  "offen",
  "geplant",
  "in_anbindung",
  "andere_loesung",
  "online",
  "nicht_zustaendig",
];

function csvColumns(serviceName: string | null): Array<CsvColumn<Row>> {
  return [
    { header: "Schlüssel", value: (row) => row.kommune.key },
    { header: "Kommune", value: (row) => row.kommune.name },
    { header: "Typ", value: (row) => kommuneTypeLabel(row.kommune.type) },
    { header: "Kreis", value: (row) => row.kommune.kreisName },
    { header: "Regierungsbezirk", value: (row) => row.kommune.regierungsbezirkName },
    ...(serviceName
      ? [
          {
            header: `Status ${serviceName}`,
            value: (row: Row) =>
              row.serviceStatus ? readinessStatusLabel[row.serviceStatus] : null,
          },
          { header: "Stand der Angabe", value: (row: Row) => row.serviceInformationDate },
          {
            header: "Herkunft",
            value: (row: Row) => (row.serviceDemo ? "Demodaten (synthetisch)" : null),
          },
        ]
      : []),
    { header: "Zuständige OZG-Leistungen", value: (row) => row.coverage.responsible },
    { header: "davon online", value: (row) => row.coverage.online },
    {
      header: "Abdeckung (%)",
      value: (row) => (row.coverage.share === null ? null : Math.round(row.coverage.share * 100)),
    },
    {
      header: "Median der Größenklasse (%)",
      value: (row) => (row.peerMedian === null ? null : Math.round(row.peerMedian * 100)),
    },
  ];
}

/**
 * The board's Kommunen as a table — the text alternative of the map — sortable and exportable
 * as CSV. Each Kommune links to its OZG page.
 */
export function ReadinessTable({
  rows,
  serviceName,
  caption,
  fileName,
}: {
  rows: Row[];
  serviceName: string | null;
  caption: string;
  fileName: string;
}) {
  const [sort, setSort] = useState<Sort>("name");
  const [direction, setDirection] = useState<"asc" | "desc">("asc");
  const sorted = useMemo(() => {
    const compare = (a: Row, b: Row) => {
      if (sort === "share") return (a.coverage.share ?? -1) - (b.coverage.share ?? -1);
      if (sort === "status") {
        return (
          STATUS_ORDER.indexOf(a.serviceStatus ?? "") - STATUS_ORDER.indexOf(b.serviceStatus ?? "")
        );
      }
      return a.kommune.name.localeCompare(b.kommune.name, "de");
    };
    const result = [...rows].sort(compare);
    return direction === "asc" ? result : result.reverse();
  }, [rows, sort, direction]);
  const onSort = (column: Sort, next: "asc" | "desc") => {
    setSort(column);
    setDirection(next);
  };
  return (
    <>
      <div className="atlas-filters__actions">
        <TableExport
          fileStem={fileName.replace(/\.csv$/, "")}
          sheetName="OZG-Umsetzung"
          columns={csvColumns(serviceName)}
          rows={sorted}
        />
      </div>
      <div className="kern-table-responsive">
        <table className="kern-table kern-table--striped kern-table--small">
          <caption className="kern-body kern-body--bold atlas-table-caption">{caption}</caption>
          <thead>
            <tr className="kern-table__row">
              <SortableHeader<Sort>
                column="name"
                label="Kommune"
                sort={sort}
                direction={direction}
                onSort={onSort}
              />
              <th scope="col" className="kern-table__header">
                Typ
              </th>
              <th scope="col" className="kern-table__header">
                Kreis
              </th>
              {serviceName ? (
                <>
                  <SortableHeader<Sort>
                    column="status"
                    label={`Status ${serviceName}`}
                    sort={sort}
                    direction={direction}
                    onSort={onSort}
                  />
                  <th scope="col" className="kern-table__header">
                    Stand
                  </th>
                </>
              ) : null}
              <SortableHeader<Sort>
                column="share"
                label="OZG-Abdeckung"
                numeric
                sort={sort}
                direction={direction}
                onSort={onSort}
              />
              <th scope="col" className="kern-table__header kern-table__header--numeric">
                Median Größenklasse
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={row.kommune.key} className="kern-table__row">
                <th scope="row" className="kern-table__cell">
                  <Link className="kern-link" to={`/ozg-umsetzung/kommunen/${row.kommune.key}`}>
                    {row.kommune.name}
                  </Link>
                </th>
                <td className="kern-table__cell">{kommuneTypeLabel(row.kommune.type)}</td>
                <td className="kern-table__cell">{row.kommune.kreisName ?? "–"}</td>
                {serviceName ? (
                  <>
                    <td className="kern-table__cell">
                      {row.serviceStatus ? (
                        <span className="atlas-status">
                          <span
                            className="atlas-legend__swatch"
                            style={{ background: STATUS_COLOR[row.serviceStatus] }}
                            aria-hidden="true"
                          />
                          {readinessStatusLabel[row.serviceStatus]}
                        </span>
                      ) : (
                        "–"
                      )}
                    </td>
                    <td className="kern-table__cell">
                      {formatIsoDate(row.serviceInformationDate)}
                      {row.serviceDemo ? (
                        <>
                          {" "}
                          <DemoBadge small />
                        </>
                      ) : null}
                    </td>
                  </>
                ) : null}
                <td className="kern-table__cell kern-table__cell--numeric">
                  {formatShare(row.coverage.share)}{" "}
                  <span className="atlas-muted">
                    ({row.coverage.online}/{row.coverage.responsible})
                  </span>
                </td>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {formatShare(row.peerMedian)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
