import { readinessStatusLabel, type CsvColumn } from "@it-atlas/domain";
import { useMemo } from "react";
import { Link } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { formatInteger, formatIsoDate } from "../../ui/format.ts";
import { SortableTable, type TableColumn } from "../../ui/SortableTable.tsx";
import { DemoBadge } from "../sourcing/DemoBadge.tsx";
import { formatShare, kommuneTypeLabel, STATUS_COLOR } from "./readinessColouring.ts";

type Row = Schemas["ReadinessRow"];

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
    { header: "Qualität", value: (row) => (row.demo ? "Demodaten (synthetisch)" : null) },
  ];
}

function tableColumns(serviceName: string | null): Array<TableColumn<Row>> {
  return [
    {
      id: "name",
      header: "Kommune",
      rowHeader: true,
      sortValue: (row) => row.kommune.name,
      cell: (row) => (
        <Link className="kern-link" to={`/ozg-umsetzung/kommunen/${row.kommune.key}`}>
          {row.kommune.name}
        </Link>
      ),
    },
    { id: "type", header: "Typ", accessor: (row) => kommuneTypeLabel(row.kommune.type) },
    { id: "kreis", header: "Kreis", accessor: (row) => row.kommune.kreisName ?? "–" },
    ...(serviceName
      ? [
          {
            id: "status",
            header: `Status ${serviceName}`,
            sortValue: (row: Row) => STATUS_ORDER.indexOf(row.serviceStatus ?? ""),
            cell: (row: Row) =>
              row.serviceStatus ? (
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
              ),
          },
          {
            id: "informationDate",
            header: "Stand",
            cell: (row: Row) => (
              <>
                {formatIsoDate(row.serviceInformationDate)}
                {row.serviceDemo ? (
                  <>
                    {" "}
                    <DemoBadge small />
                  </>
                ) : null}
              </>
            ),
          },
        ]
      : []),
    {
      id: "share",
      header: "OZG-Abdeckung",
      numeric: true,
      sortValue: (row) => row.coverage.share,
      cell: (row) => (
        <>
          {formatShare(row.coverage.share)}{" "}
          <span className="atlas-muted">
            ({formatInteger(row.coverage.online)}/{formatInteger(row.coverage.responsible)})
          </span>
          {row.demo ? (
            <>
              {" "}
              <DemoBadge small />
            </>
          ) : null}
        </>
      ),
    },
    {
      id: "peerMedian",
      header: "Median Größenklasse",
      numeric: true,
      accessor: (row) => formatShare(row.peerMedian),
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
  const columns = useMemo(() => tableColumns(serviceName), [serviceName]);
  const exportColumns = useMemo(() => csvColumns(serviceName), [serviceName]);
  return (
    <SortableTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.kommune.key}
      defaultSort={{ column: "name", direction: "asc" }}
      striped={false}
      exportOptions={{
        fileStem: fileName.replace(/\.csv$/, ""),
        sheetName: "OZG-Umsetzung",
        columns: exportColumns,
      }}
    />
  );
}
