import { useMemo, useState } from "react";
import { Link } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { TableExport } from "../../ui/TableExport.tsx";
import { formatInteger } from "../../ui/format.ts";
import { SortableHeader } from "../../ui/SortableHeader.tsx";
import { costPerInhabitant, OPERATING_MODEL_LABEL } from "./colouring.ts";

type Sourcing = Schemas["Sourcing"];
type Sort = "name" | "cost" | "costPerInhabitant" | "provider";

const euro = new Intl.NumberFormat("de-DE", {
  style: "currency",
  currency: "EUR",
  maximumFractionDigits: 0,
});
const euroCents = new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" });

function providerText(item: Sourcing): string {
  if (item.provider) return item.provider.shortName;
  if (item.partner) return `${item.partner.name} (andere Kommune)`;
  return OPERATING_MODEL_LABEL[item.operatingModel];
}

const CSV_COLUMNS = [
  { header: "Schlüssel", value: (row: Sourcing) => row.organisation.ags },
  { header: "Kommune", value: (row: Sourcing) => row.organisation.name },
  { header: "Leistungsbereich", value: (row: Sourcing) => row.domain.name },
  { header: "Betriebsmodell", value: (row: Sourcing) => OPERATING_MODEL_LABEL[row.operatingModel] },
  { header: "IT-Dienstleister / Partner", value: (row: Sourcing) => providerText(row) },
  { header: "Produkt", value: (row: Sourcing) => row.product?.name ?? "" },
  { header: "Kosten je Jahr (€)", value: (row: Sourcing) => row.annualCost },
  { header: "Kosten je Einwohner (€)", value: (row: Sourcing) => costPerInhabitant(row) },
  { header: "Menge", value: (row: Sourcing) => row.volume },
  { header: "Einheit", value: (row: Sourcing) => row.volumeUnit },
  { header: "Gültig seit", value: (row: Sourcing) => row.validFrom },
  {
    header: "Herkunft",
    value: (row: Sourcing) => (row.demo ? "Demodaten (synthetisch)" : row.provenance.quality),
  },
];

function compare(sort: Sort) {
  return (a: Sourcing, b: Sourcing): number => {
    if (sort === "cost") return (a.annualCost ?? -1) - (b.annualCost ?? -1);
    if (sort === "costPerInhabitant")
      return (costPerInhabitant(a) ?? -1) - (costPerInhabitant(b) ?? -1);
    if (sort === "provider") return providerText(a).localeCompare(providerText(b), "de");
    return a.organisation.name.localeCompare(b.organisation.name, "de");
  };
}

/** The map's data as a sortable table (the text alternative), exportable as CSV. */
export function LandscapeTable({
  items,
  caption,
  fileName,
  onSelect,
}: {
  items: Sourcing[];
  caption: string;
  fileName: string;
  onSelect: (ags: string) => void;
}) {
  const [sort, setSort] = useState<Sort>("name");
  const [direction, setDirection] = useState<"asc" | "desc">("asc");
  const rows = useMemo(() => {
    const sorted = [...items].sort(compare(sort));
    return direction === "asc" ? sorted : sorted.reverse();
  }, [items, sort, direction]);
  const onSort = (column: Sort, next: "asc" | "desc") => {
    setSort(column);
    setDirection(next);
  };
  const total = items.reduce((sum, item) => sum + (item.annualCost ?? 0), 0);
  return (
    <>
      <div className="atlas-filters__actions">
        <TableExport
          fileStem={fileName.replace(/\.csv$/, "")}
          sheetName="Landkarte"
          label="Tabelle"
          columns={CSV_COLUMNS}
          rows={rows}
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
                Betriebsmodell
              </th>
              <SortableHeader<Sort>
                column="provider"
                label="Dienstleister / Partner"
                sort={sort}
                direction={direction}
                onSort={onSort}
              />
              <th scope="col" className="kern-table__header">
                Produkt
              </th>
              <SortableHeader<Sort>
                column="cost"
                label="Kosten je Jahr"
                numeric
                sort={sort}
                direction={direction}
                onSort={onSort}
              />
              <SortableHeader<Sort>
                column="costPerInhabitant"
                label="je Einwohner"
                numeric
                sort={sort}
                direction={direction}
                onSort={onSort}
              />
              <th scope="col" className="kern-table__header kern-table__header--numeric">
                Menge
              </th>
              <th scope="col" className="kern-table__header">
                Details
              </th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {rows.map((item) => {
              const perInhabitant = costPerInhabitant(item);
              return (
                <tr key={item.id} className="kern-table__row">
                  <td className="kern-table__cell">
                    <Link className="kern-link" to={`/kommunen/${item.organisation.ags}`}>
                      {item.organisation.name}
                    </Link>
                  </td>
                  <td className="kern-table__cell">{OPERATING_MODEL_LABEL[item.operatingModel]}</td>
                  <td className="kern-table__cell">{providerText(item)}</td>
                  <td className="kern-table__cell">{item.product?.name ?? "–"}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">
                    {item.annualCost === null ? "–" : euro.format(item.annualCost)}
                  </td>
                  <td className="kern-table__cell kern-table__cell--numeric">
                    {perInhabitant === undefined ? "–" : euroCents.format(perInhabitant)}
                  </td>
                  <td className="kern-table__cell kern-table__cell--numeric">
                    {formatInteger(item.volume)}
                  </td>
                  <td className="kern-table__cell">
                    <button
                      type="button"
                      className="kern-btn kern-btn--tertiary"
                      onClick={() => onSelect(item.organisation.ags)}
                    >
                      <span className="kern-label">
                        Anzeigen
                        <span className="atlas-visually-hidden"> – {item.organisation.name}</span>
                      </span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr className="kern-table__row">
              <th scope="row" className="kern-table__header" colSpan={4}>
                Summe ({formatInteger(items.length)} Kommunen)
              </th>
              <td className="kern-table__cell kern-table__cell--numeric">{euro.format(total)}</td>
              <td className="kern-table__cell" colSpan={3} />
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
