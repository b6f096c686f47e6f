import { useMemo } from "react";
import { Link } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { formatEuro, formatEuroCents, formatInteger } from "../../ui/format.ts";
import { SortableTable, type TableColumn } from "../../ui/SortableTable.tsx";
import { costPerInhabitant, OPERATING_MODEL_LABEL } from "./colouring.ts";

type Sourcing = Schemas["Sourcing"];

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

const COLUMNS: Array<TableColumn<Sourcing>> = [
  {
    id: "name",
    header: "Kommune",
    sortValue: (item) => item.organisation.name,
    cell: (item) => (
      <Link className="kern-link" to={`/kommunen/${item.organisation.ags}`}>
        {item.organisation.name}
      </Link>
    ),
  },
  {
    id: "operatingModel",
    header: "Betriebsmodell",
    accessor: (item) => OPERATING_MODEL_LABEL[item.operatingModel],
  },
  {
    id: "provider",
    header: "Dienstleister / Partner",
    accessor: providerText,
    sortValue: providerText,
  },
  { id: "product", header: "Produkt", accessor: (item) => item.product?.name ?? "–" },
  {
    id: "cost",
    header: "Kosten je Jahr",
    numeric: true,
    sortValue: (item) => item.annualCost,
    accessor: (item) => (item.annualCost === null ? "–" : formatEuro(item.annualCost)),
  },
  {
    id: "costPerInhabitant",
    header: "je Einwohner",
    numeric: true,
    sortValue: costPerInhabitant,
    accessor: (item) => {
      const perInhabitant = costPerInhabitant(item);
      return perInhabitant === undefined ? "–" : formatEuroCents(perInhabitant);
    },
  },
  {
    id: "volume",
    header: "Menge",
    numeric: true,
    accessor: (item) => formatInteger(item.volume),
  },
];

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
  const columns = useMemo(
    () => [
      ...COLUMNS,
      {
        id: "details",
        header: "Details",
        cell: (item: Sourcing) => (
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
        ),
      },
    ],
    [onSelect],
  );
  const total = items.reduce((sum, item) => sum + (item.annualCost ?? 0), 0);
  return (
    <SortableTable
      caption={caption}
      columns={columns}
      rows={items}
      rowKey={(item) => item.id}
      defaultSort={{ column: "name", direction: "asc" }}
      exportOptions={{
        fileStem: fileName.replace(/\.csv$/, ""),
        sheetName: "Landkarte",
        label: "Tabelle",
        columns: CSV_COLUMNS,
      }}
      footer={
        <tr className="kern-table__row">
          <th scope="row" className="kern-table__header" colSpan={4}>
            Summe ({formatInteger(items.length)} Kommunen)
          </th>
          <td className="kern-table__cell kern-table__cell--numeric">{formatEuro(total)}</td>
          <td className="kern-table__cell" colSpan={3} />
        </tr>
      }
    />
  );
}
