import { useMemo, useState } from "react";
import { Link } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { TableExport } from "../../ui/TableExport.tsx";
import { formatInteger } from "../../ui/format.ts";
import { SortableHeader } from "../../ui/SortableHeader.tsx";
import { formatEuro } from "../sourcing/formatEuro.ts";
import { formatHhi, formatOneDecimal } from "./format.ts";

type DomainConcentration = Schemas["DomainConcentration"];
type Sort =
  | "name"
  | "kommunen"
  | "providers"
  | "products"
  | "inHouse"
  | "operators"
  | "hhi"
  | "effective"
  | "median";

const NUMERIC: Record<Exclude<Sort, "name">, (row: DomainConcentration) => number | null> = {
  kommunen: (row) => row.kommunen,
  providers: (row) => row.providers,
  products: (row) => row.products,
  inHouse: (row) => row.inHouse,
  operators: (row) => row.operators,
  hhi: (row) => row.hhi,
  effective: (row) => row.effectiveOperators,
  median: (row) => row.costPerUnit?.median ?? null,
};

const CSV_COLUMNS = [
  { header: "Leistungsbereich", value: (row: DomainConcentration) => row.domainName },
  { header: "Kennung", value: (row: DomainConcentration) => row.domainId },
  { header: "Kommunen", value: (row: DomainConcentration) => row.kommunen },
  { header: "IT-Dienstleister", value: (row: DomainConcentration) => row.providers },
  { header: "Produkte", value: (row: DomainConcentration) => row.products },
  { header: "Eigener Betrieb", value: (row: DomainConcentration) => row.inHouse },
  { header: "Betreiber", value: (row: DomainConcentration) => row.operators },
  { header: "Herfindahl-Index (0-1)", value: (row: DomainConcentration) => row.hhi },
  {
    header: "Effektive Betreiberzahl (1/HHI)",
    value: (row: DomainConcentration) => row.effectiveOperators,
  },
  {
    header: "Median laufende Kosten je Einheit (€)",
    value: (row: DomainConcentration) => row.costPerUnit?.median ?? null,
  },
  {
    header: "Variationskoeffizient",
    value: (row: DomainConcentration) => row.costPerUnit?.coefficientOfVariation ?? null,
  },
  {
    header: "Herkunft",
    value: (row: DomainConcentration) => (row.demo ? "Demodaten (synthetisch)" : ""),
  },
];

/** Concentration per Leistungsbereich as a sortable table with CSV export. */
export function DomainConcentrationTable({
  domains,
  caption,
  fileName,
  asOf,
}: {
  domains: DomainConcentration[];
  caption: string;
  fileName: string;
  asOf: string;
}) {
  const [sort, setSort] = useState<Sort>("hhi");
  const [direction, setDirection] = useState<"asc" | "desc">("asc");
  const sorted = useMemo(() => {
    const rows = [...domains].sort((a, b) => {
      if (sort === "name") return a.domainName.localeCompare(b.domainName, "de");
      const value = NUMERIC[sort];
      return (value(a) ?? -1) - (value(b) ?? -1);
    });
    return direction === "asc" ? rows : rows.reverse();
  }, [domains, sort, direction]);
  const onSort = (column: Sort, next: "asc" | "desc") => {
    setSort(column);
    setDirection(next);
  };
  const header = (column: Sort, label: string) => (
    <SortableHeader
      column={column}
      label={label}
      sort={sort}
      direction={direction}
      onSort={onSort}
      numeric={column !== "name"}
    />
  );
  const showCost = domains.some((row) => row.costPerUnit !== null);

  return (
    <>
      <div className="atlas-analysis-actions">
        <TableExport fileStem={fileName} columns={CSV_COLUMNS} rows={sorted} label="Tabelle" />
      </div>
      <div className="kern-table-responsive">
        <table className="kern-table kern-table--small">
          <caption className="kern-body kern-body--bold">{caption}</caption>
          <thead>
            <tr className="kern-table__row">
              {header("name", "Leistungsbereich")}
              {header("kommunen", "Kommunen")}
              {header("providers", "IT-Dienstleister")}
              {header("products", "Produkte")}
              {header("inHouse", "Eigener Betrieb")}
              {header("operators", "Betreiber")}
              {header("hhi", "Herfindahl-Index")}
              {header("effective", "Effektive Zahl")}
              {showCost ? header("median", "Median € je Einheit") : null}
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {sorted.map((row) => (
              <tr key={row.domainId} className="kern-table__row">
                <th scope="row" className="kern-table__cell">
                  <Link
                    className="kern-link"
                    to={`/fragmentierung/${encodeURIComponent(row.domainId)}?stichtag=${asOf}`}
                  >
                    {row.domainName}
                  </Link>
                </th>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {formatInteger(row.kommunen)}
                </td>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {formatInteger(row.providers)}
                </td>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {formatInteger(row.products)}
                </td>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {formatInteger(row.inHouse)}
                </td>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {formatInteger(row.operators)}
                </td>
                <td className="kern-table__cell kern-table__cell--numeric">{formatHhi(row.hhi)}</td>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {formatOneDecimal(row.effectiveOperators)}
                </td>
                {showCost ? (
                  <td className="kern-table__cell kern-table__cell--numeric">
                    {formatEuro(row.costPerUnit?.median ?? null)}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
