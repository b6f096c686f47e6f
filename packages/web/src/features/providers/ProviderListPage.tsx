import { useMemo, useState } from "react";
import { Link } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { useProviders } from "../../api/hooks.ts";
import { SelectField, TextField } from "../../ui/Field.tsx";
import { formatInteger } from "../../ui/format.ts";
import { SortableHeader } from "../../ui/SortableHeader.tsx";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { TableExport } from "../../ui/TableExport.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { PROVIDER_KIND_LABEL, STATUS_LABEL } from "./providerLabels.ts";

type Summary = Schemas["ProviderSummary"];
type Sort = "name" | "members" | "seat";

const CSV_COLUMNS = [
  { header: "Kennung", value: (row: Summary) => row.id },
  { header: "Kurzname", value: (row: Summary) => row.shortName },
  { header: "Name", value: (row: Summary) => row.name },
  { header: "Art", value: (row: Summary) => PROVIDER_KIND_LABEL[row.kind] },
  { header: "Rechtsform", value: (row: Summary) => row.legalForm },
  { header: "Sitz", value: (row: Summary) => row.seat },
  { header: "Status", value: (row: Summary) => STATUS_LABEL[row.status] },
  { header: "Nachfolger", value: (row: Summary) => row.successor?.shortName ?? "" },
  { header: "Belegte Mitglieder/Kunden", value: (row: Summary) => row.memberCount },
];

function compare(sort: Sort) {
  return (a: Summary, b: Summary) => {
    if (sort === "members") return a.memberCount - b.memberCount;
    if (sort === "seat") return (a.seat ?? "").localeCompare(b.seat ?? "", "de");
    return a.shortName.localeCompare(b.shortName, "de");
  };
}

/** IT-Dienstleister list with filters, sorting and CSV export (client-side: a few dozen rows). */
export function ProviderListPage() {
  usePageTitle("IT-Dienstleister");
  const providers = useProviders();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState("");
  const [kind, setKind] = useState("");
  const [sort, setSort] = useState<Sort>("name");
  const [direction, setDirection] = useState<"asc" | "desc">("asc");

  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const filtered = (providers.data?.items ?? []).filter(
      (provider) =>
        (!needle ||
          provider.name.toLowerCase().includes(needle) ||
          provider.shortName.toLowerCase().includes(needle) ||
          (provider.seat ?? "").toLowerCase().includes(needle)) &&
        (!status || provider.status === status) &&
        (!kind || provider.kind === kind),
    );
    const sorted = [...filtered].sort(compare(sort));
    return direction === "asc" ? sorted : sorted.reverse();
  }, [providers.data, search, status, kind, sort, direction]);

  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        IT-Dienstleister
      </h1>
      <p className="kern-body">
        Kommunale IT-Dienstleister, IT-Abteilungen großer Städte und Einrichtungen des Landes – mit
        belegten Mitgliedschaften, Fusionen und Nachfolgern.
      </p>
      <div className="atlas-filters" role="search" aria-label="IT-Dienstleister filtern">
        <TextField
          label="Suche"
          hint="Name, Kurzname oder Sitz"
          value={search}
          onChange={setSearch}
        />
        <SelectField label="Status" allLabel="Alle" value={status} onChange={setStatus}>
          {Object.entries(STATUS_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Art" allLabel="Alle Arten" value={kind} onChange={setKind}>
          {Object.entries(PROVIDER_KIND_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <div className="atlas-filters__actions">
          <TableExport
            fileStem="it-dienstleister"
            sheetName="IT-Dienstleister"
            columns={CSV_COLUMNS}
            rows={rows}
          />
        </div>
      </div>
      {providers.isPending ? <LoadingState /> : null}
      {providers.isError ? (
        <ErrorState error={providers.error} onRetry={() => void providers.refetch()} />
      ) : null}
      {providers.data && rows.length === 0 ? (
        <EmptyState>Kein IT-Dienstleister passt zu den Filtern.</EmptyState>
      ) : null}
      {rows.length > 0 ? (
        <div className="kern-table-responsive">
          <table className="kern-table kern-table--striped">
            <caption className="atlas-visually-hidden">
              IT-Dienstleister, {rows.length} Einträge
            </caption>
            <thead>
              <tr className="kern-table__row">
                <SortableHeader<Sort>
                  column="name"
                  label="Name"
                  sort={sort}
                  direction={direction}
                  onSort={(column, next) => {
                    setSort(column);
                    setDirection(next);
                  }}
                />
                <th scope="col" className="kern-table__header">
                  Art
                </th>
                <SortableHeader<Sort>
                  column="seat"
                  label="Sitz"
                  sort={sort}
                  direction={direction}
                  onSort={(column, next) => {
                    setSort(column);
                    setDirection(next);
                  }}
                />
                <th scope="col" className="kern-table__header">
                  Status
                </th>
                <SortableHeader<Sort>
                  column="members"
                  label="Belegte Mitglieder"
                  numeric
                  sort={sort}
                  direction={direction}
                  onSort={(column, next) => {
                    setSort(column);
                    setDirection(next);
                  }}
                />
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {rows.map((provider) => (
                <tr key={provider.id} className="kern-table__row">
                  <td className="kern-table__cell">
                    <Link className="kern-link" to={`/dienstleister/${provider.id}`}>
                      {provider.shortName}
                    </Link>
                    <div className="kern-body--small atlas-muted">{provider.name}</div>
                  </td>
                  <td className="kern-table__cell">{PROVIDER_KIND_LABEL[provider.kind]}</td>
                  <td className="kern-table__cell">{provider.seat ?? "–"}</td>
                  <td className="kern-table__cell">
                    {STATUS_LABEL[provider.status]}
                    {provider.successor ? (
                      <>
                        {" → "}
                        <Link className="kern-link" to={`/dienstleister/${provider.successor.id}`}>
                          {provider.successor.shortName}
                        </Link>
                      </>
                    ) : null}
                  </td>
                  <td className="kern-table__cell kern-table__cell--numeric">
                    {formatInteger(provider.memberCount)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
