import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { Schemas } from "../../api/client.ts";
import {
  fetchAllOrganisations,
  useOrganisations,
  useRegions,
  type OrganisationQuery,
} from "../../api/hooks.ts";
import { TableExport } from "../../ui/TableExport.tsx";
import { SelectField, TextField } from "../../ui/Field.tsx";
import { formatDecimal, formatInteger } from "../../ui/format.ts";
import { Pagination } from "../../ui/Pagination.tsx";
import { SortableHeader } from "../../ui/SortableHeader.tsx";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { KIND_LABEL, MUNICIPALITY_TYPE_LABEL, typeLabel } from "./organisationLabels.ts";

type Sort = "name" | "key" | "population" | "area" | "kreis";
type Summary = Schemas["OrganisationSummary"];
const PAGE_SIZE = 50;

function readQuery(
  params: URLSearchParams,
): OrganisationQuery & { page: number; sort: Sort; direction: "asc" | "desc" } {
  const sort = (params.get("sort") ?? "name") as Sort;
  return {
    q: params.get("q") || undefined,
    kind: (params.get("kind") || undefined) as OrganisationQuery["kind"],
    kreis: params.get("kreis") || undefined,
    regierungsbezirk: params.get("regierungsbezirk") || undefined,
    type: (params.get("type") || undefined) as OrganisationQuery["type"],
    sort: ["name", "key", "population", "area", "kreis"].includes(sort) ? sort : "name",
    direction: params.get("direction") === "desc" ? "desc" : "asc",
    page: Math.max(1, Number(params.get("page")) || 1),
    pageSize: PAGE_SIZE,
  };
}

const CSV_COLUMNS = [
  { header: "Schlüssel (AGS/Kreis)", value: (row: Summary) => row.key },
  { header: "ARS", value: (row: Summary) => row.ars },
  { header: "Name", value: (row: Summary) => row.name },
  { header: "Typ", value: (row: Summary) => typeLabel(row) },
  { header: "Kreis", value: (row: Summary) => row.kreis?.name ?? "" },
  { header: "Regierungsbezirk", value: (row: Summary) => row.regierungsbezirk?.name ?? "" },
  { header: "Einwohner (Zensus 2022)", value: (row: Summary) => row.populationZensus2022 },
  { header: "Fläche (km²)", value: (row: Summary) => row.areaKm2 },
];

/** Kommunen list: search, filters, sorting, paging, CSV export of the filtered list. */
export function OrganisationListPage() {
  usePageTitle("Kommunen");
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const [search, setSearch] = useState(query.q ?? "");
  const organisations = useOrganisations(query);
  const regions = useRegions();

  // Keep the search field in step with the URL (back button, links from the start page).
  useEffect(() => setSearch(query.q ?? ""), [query.q]);

  const update = (changes: Record<string, string | undefined>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    if (resetPage) next.delete("page");
    setParams(next);
  };

  // Every page of the filtered list, fetched when an export button is pressed.
  const loadAll = () => {
    const { page: _page, pageSize: _pageSize, ...filter } = query;
    return fetchAllOrganisations(filter);
  };

  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Kommunen
      </h1>
      <p className="kern-body">
        Gemeinden, Kreise und Regierungsbezirke in Nordrhein-Westfalen mit amtlichen Schlüsseln und
        Einwohnerzahlen des Zensus 2022.
      </p>
      <form
        className="atlas-filters"
        role="search"
        aria-label="Kommunen filtern"
        onSubmit={(event) => {
          event.preventDefault();
          update({ q: search.trim() || undefined });
        }}
      >
        <TextField
          label="Suche"
          hint="Name, AGS oder ARS"
          value={search}
          onChange={setSearch}
          name="q"
        />
        <SelectField
          label="Art"
          allLabel="Alle Arten"
          value={query.kind ?? ""}
          onChange={(value) => update({ kind: value })}
        >
          {Object.entries(KIND_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Gemeindetyp"
          allLabel="Alle Typen"
          value={query.type ?? ""}
          onChange={(value) => update({ type: value })}
        >
          {Object.entries(MUNICIPALITY_TYPE_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Kreis"
          allLabel="Alle Kreise"
          value={query.kreis ?? ""}
          onChange={(value) => update({ kreis: value })}
        >
          {(regions.data?.kreise ?? []).map((kreis) => (
            <option key={kreis.key} value={kreis.key}>
              {kreis.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Regierungsbezirk"
          allLabel="Alle Regierungsbezirke"
          value={query.regierungsbezirk ?? ""}
          onChange={(value) => update({ regierungsbezirk: value })}
        >
          {(regions.data?.regierungsbezirke ?? []).map((bezirk) => (
            <option key={bezirk.key} value={bezirk.key}>
              {bezirk.name}
            </option>
          ))}
        </SelectField>
        <div className="atlas-filters__actions">
          <button type="submit" className="kern-btn kern-btn--primary">
            <span className="kern-label">Suchen</span>
          </button>
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            onClick={() => {
              setSearch("");
              setParams(new URLSearchParams());
            }}
          >
            <span className="kern-label">Filter zurücksetzen</span>
          </button>
          {organisations.data && organisations.data.total > 0 ? (
            <TableExport
              fileStem="kommunen"
              sheetName="Kommunen"
              columns={CSV_COLUMNS}
              load={loadAll}
            />
          ) : null}
        </div>
      </form>

      {organisations.isPending ? <LoadingState /> : null}
      {organisations.isError ? (
        <ErrorState error={organisations.error} onRetry={() => void organisations.refetch()} />
      ) : null}
      {organisations.data && organisations.data.total === 0 ? (
        <EmptyState>
          Keine Kommune passt zu Suche und Filtern. Bitte Filter anpassen oder zurücksetzen.
        </EmptyState>
      ) : null}
      {organisations.data && organisations.data.total > 0 ? (
        <>
          <div className="kern-table-responsive" aria-busy={organisations.isFetching}>
            <table className="kern-table kern-table--striped">
              <caption className="atlas-visually-hidden">
                Kommunen, {formatInteger(organisations.data.total)} Treffer
              </caption>
              <thead>
                <tr className="kern-table__row">
                  {(
                    [
                      ["name", "Name", false],
                      ["key", "Schlüssel", false],
                    ] as const
                  ).map(([column, label, numeric]) => (
                    <SortableHeader<Sort>
                      key={column}
                      column={column}
                      label={label}
                      numeric={numeric}
                      sort={query.sort}
                      direction={query.direction}
                      onSort={(sort, direction) => update({ sort, direction }, false)}
                    />
                  ))}
                  <th scope="col" className="kern-table__header">
                    Typ
                  </th>
                  <SortableHeader<Sort>
                    column="kreis"
                    label="Kreis"
                    sort={query.sort}
                    direction={query.direction}
                    onSort={(sort, direction) => update({ sort, direction }, false)}
                  />
                  <th scope="col" className="kern-table__header">
                    Regierungsbezirk
                  </th>
                  <SortableHeader<Sort>
                    column="population"
                    label="Einwohner"
                    numeric
                    sort={query.sort}
                    direction={query.direction}
                    onSort={(sort, direction) => update({ sort, direction }, false)}
                  />
                  <SortableHeader<Sort>
                    column="area"
                    label="Fläche (km²)"
                    numeric
                    sort={query.sort}
                    direction={query.direction}
                    onSort={(sort, direction) => update({ sort, direction }, false)}
                  />
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {organisations.data.items.map((organisation) => (
                  <tr key={organisation.key} className="kern-table__row">
                    <td className="kern-table__cell">
                      <Link className="kern-link" to={`/kommunen/${organisation.key}`}>
                        {organisation.name}
                      </Link>
                    </td>
                    <td className="kern-table__cell">{organisation.key}</td>
                    <td className="kern-table__cell">{typeLabel(organisation)}</td>
                    <td className="kern-table__cell">{organisation.kreis?.name ?? "–"}</td>
                    <td className="kern-table__cell">
                      {organisation.regierungsbezirk?.name ?? "–"}
                    </td>
                    <td className="kern-table__cell kern-table__cell--numeric">
                      {formatInteger(organisation.populationZensus2022)}
                    </td>
                    <td className="kern-table__cell kern-table__cell--numeric">
                      {formatDecimal(organisation.areaKm2)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={query.page}
            pageSize={PAGE_SIZE}
            total={organisations.data.total}
            onPage={(page) => update({ page: String(page) }, false)}
          />
        </>
      ) : null}
    </>
  );
}
