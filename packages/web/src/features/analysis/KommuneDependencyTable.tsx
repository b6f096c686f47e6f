import { useMemo, useState } from "react";
import { Link } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { TableExport } from "../../ui/TableExport.tsx";
import { SortableHeader } from "../../ui/SortableHeader.tsx";

type KommuneDependency = Schemas["KommuneDependency"];
type Sort = "name" | "providers" | "inHouse";

const KIND_LABEL: Record<string, string> = { gemeinde: "Gemeinde", kreis: "Kreis" };

const CSV_COLUMNS = [
  { header: "Schlüssel", value: (row: KommuneDependency) => row.ags },
  { header: "Kommune", value: (row: KommuneDependency) => row.name },
  { header: "Art", value: (row: KommuneDependency) => KIND_LABEL[row.kind] ?? row.kind },
  { header: "Anbieter", value: (row: KommuneDependency) => row.providers },
  { header: "Anbieter (Namen)", value: (row: KommuneDependency) => row.providerNames.join(", ") },
  { header: "Bereiche im eigenen Betrieb", value: (row: KommuneDependency) => row.inHouseDomains },
  { header: "Bereiche mit Bezug", value: (row: KommuneDependency) => row.domains },
];

/** Every Kommune with the number of providers it depends on: the map's data as a table, with CSV. */
export function KommuneDependencyTable({
  rows,
  caption,
  fileName,
}: {
  rows: KommuneDependency[];
  caption: string;
  fileName: string;
}) {
  const [sort, setSort] = useState<Sort>("providers");
  const [direction, setDirection] = useState<"asc" | "desc">("desc");
  const sorted = useMemo(() => {
    const byName = (a: KommuneDependency, b: KommuneDependency) =>
      a.name.localeCompare(b.name, "de");
    const list = [...rows].sort((a, b) => {
      if (sort === "providers") return a.providers - b.providers || -byName(a, b);
      if (sort === "inHouse") return a.inHouseDomains - b.inHouseDomains || -byName(a, b);
      return byName(a, b);
    });
    return direction === "asc" ? list : list.reverse();
  }, [rows, sort, direction]);
  const onSort = (column: Sort, next: "asc" | "desc") => {
    setSort(column);
    setDirection(next);
  };
  const header = (column: Sort, label: string, numeric = true) => (
    <SortableHeader
      column={column}
      label={label}
      sort={sort}
      direction={direction}
      onSort={onSort}
      numeric={numeric}
    />
  );
  return (
    <>
      <div className="atlas-analysis-actions">
        <TableExport fileStem={fileName} columns={CSV_COLUMNS} rows={sorted} label="Kommunen" />
      </div>
      <div className="kern-table-responsive atlas-analysis-scroll">
        <table className="kern-table kern-table--small">
          <caption className="kern-body kern-body--bold">{caption}</caption>
          <thead>
            <tr className="kern-table__row">
              {header("name", "Kommune", false)}
              {header("providers", "Anbieter")}
              {header("inHouse", "Eigener Betrieb (Bereiche)")}
              <th scope="col" className="kern-table__header">
                Anbieter (Namen)
              </th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {sorted.map((row) => (
              <tr key={row.ags} className="kern-table__row">
                <th scope="row" className="kern-table__cell">
                  <Link className="kern-link" to={`/kommunen/${row.ags}`}>
                    {row.name}
                  </Link>
                  {row.kind === "kreis" ? " (Kreis)" : ""}
                </th>
                <td className="kern-table__cell kern-table__cell--numeric">{row.providers}</td>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {row.inHouseDomains} von {row.domains}
                </td>
                <td className="kern-table__cell">{row.providerNames.join(", ") || "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
