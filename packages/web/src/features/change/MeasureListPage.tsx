import { can } from "@it-atlas/domain";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useDomains, useProviders, useRegions } from "../../api/hooks.ts";
import { TableExport } from "../../ui/TableExport.tsx";
import { SelectField, TextField } from "../../ui/Field.tsx";
import { formatInteger, formatIsoDate } from "../../ui/format.ts";
import { Pagination } from "../../ui/Pagination.tsx";
import { SortableHeader } from "../../ui/SortableHeader.tsx";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { fetchAllMeasures, useMeasures, type MeasureQuery } from "./changeQueries.ts";
import { ScheduleBadges, StatusText } from "./MeasureBadges.tsx";
import { MEASURE_CSV_COLUMNS, STATUS_LABEL } from "./measureFormValues.ts";
import "./change.css";

type Sort = NonNullable<MeasureQuery["sort"]>;
const SORTS: Sort[] = ["title", "startDate", "dueDate", "status", "wave"];
const PAGE_SIZE = 25;

function readQuery(params: URLSearchParams) {
  const sort = params.get("sort") as Sort | null;
  return {
    q: params.get("q") || undefined,
    status: (params.get("status") || undefined) as MeasureQuery["status"],
    domain: params.get("domain") || undefined,
    provider: params.get("provider") || undefined,
    kreis: params.get("kreis") || undefined,
    scenario: params.get("scenario") || undefined,
    overdue: params.get("overdue") === "true" ? ("true" as const) : undefined,
    sort: sort && SORTS.includes(sort) ? sort : "startDate",
    direction: params.get("direction") === "desc" ? ("desc" as const) : ("asc" as const),
    page: Math.max(1, Number(params.get("page")) || 1),
    pageSize: PAGE_SIZE,
  };
}

/** Maßnahmen: filters, sorting, paging, CSV export; editors create new ones. */
export function MeasureListPage() {
  usePageTitle("Maßnahmen");
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const [search, setSearch] = useState(query.q ?? "");
  const { principal } = usePrincipal();
  const measures = useMeasures(query);
  const domains = useDomains();
  const providers = useProviders();
  const regions = useRegions();
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

  const { page: _page, pageSize: _pageSize, ...filter } = query;

  const sortHeader = (column: Sort, label: string) => (
    <SortableHeader<Sort>
      column={column}
      label={label}
      sort={query.sort}
      direction={query.direction}
      onSort={(sort, direction) => update({ sort, direction }, false)}
    />
  );

  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Maßnahmen
      </h1>
      <p className="kern-body">
        Schritte des Veränderungsprozesses mit Verantwortlichen, Terminen, Abhängigkeiten und
        Meilensteinen. Die zeitliche Übersicht zeigt die <Link to="/roadmap">Roadmap</Link>.
      </p>
      {can(principal, "measures:edit") ? (
        <p>
          <Link className="kern-btn kern-btn--primary" to="/massnahmen/neu">
            <span className="kern-label">Neue Maßnahme anlegen</span>
          </Link>
        </p>
      ) : null}
      <form
        className="atlas-filters"
        role="search"
        aria-label="Maßnahmen filtern"
        onSubmit={(event) => {
          event.preventDefault();
          update({ q: search.trim() || undefined });
        }}
      >
        <TextField
          label="Suche"
          hint="Titel oder Beschreibung"
          value={search}
          onChange={setSearch}
        />
        <SelectField
          label="Status"
          allLabel="Alle Status"
          value={query.status ?? ""}
          onChange={(value) => update({ status: value })}
        >
          {Object.entries(STATUS_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Leistungsbereich"
          allLabel="Alle Leistungsbereiche"
          value={query.domain ?? ""}
          onChange={(value) => update({ domain: value })}
        >
          {(domains.data?.items ?? [])
            .filter((domain) => !domain.isGroup)
            .map((domain) => (
              <option key={domain.id} value={domain.id}>
                {domain.name}
              </option>
            ))}
        </SelectField>
        <SelectField
          label="IT-Dienstleister"
          allLabel="Alle IT-Dienstleister"
          value={query.provider ?? ""}
          onChange={(value) => update({ provider: value })}
        >
          {(providers.data?.items ?? []).map((provider) => (
            <option key={provider.id} value={provider.id}>
              {provider.shortName}
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
        <div className="kern-form-check">
          <input
            id="nur-ueberfaellige"
            className="kern-form-check__input"
            type="checkbox"
            checked={query.overdue === "true"}
            onChange={(event) => update({ overdue: event.target.checked ? "true" : undefined })}
          />
          <label className="kern-label" htmlFor="nur-ueberfaellige">
            Nur überfällige
          </label>
        </div>
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
        </div>
      </form>
      {measures.data && measures.data.total > 0 ? (
        <TableExport
          fileStem="massnahmen"
          columns={MEASURE_CSV_COLUMNS}
          load={() => fetchAllMeasures(filter)}
          label="Maßnahmen"
        />
      ) : null}
      {measures.isPending ? <LoadingState label="Maßnahmen werden geladen …" /> : null}
      {measures.isError ? (
        <ErrorState error={measures.error} onRetry={() => void measures.refetch()} />
      ) : null}
      {measures.data && measures.data.total === 0 ? (
        <EmptyState>
          Keine Maßnahme passt zu Suche und Filtern. Maßnahmen entstehen aus einem Szenario oder
          werden hier neu angelegt.
        </EmptyState>
      ) : null}
      {measures.data && measures.data.total > 0 ? (
        <>
          <div className="kern-table-responsive" aria-busy={measures.isFetching}>
            <table className="kern-table kern-table--striped">
              <caption className="atlas-visually-hidden">
                Maßnahmen, {formatInteger(measures.data.total)} Treffer
              </caption>
              <thead>
                <tr className="kern-table__row">
                  {sortHeader("title", "Titel")}
                  {sortHeader("status", "Status")}
                  {sortHeader("startDate", "Beginn")}
                  {sortHeader("dueDate", "Fällig")}
                  {sortHeader("wave", "Welle")}
                  <th scope="col" className="kern-table__header">
                    Verantwortlich
                  </th>
                  <th scope="col" className="kern-table__header">
                    Umfang
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {measures.data.items.map((measure) => (
                  <tr key={measure.id} className="kern-table__row">
                    <td className="kern-table__cell">
                      <Link className="kern-link" to={`/massnahmen/${measure.id}`}>
                        {measure.title}
                      </Link>
                    </td>
                    <td className="kern-table__cell">
                      <StatusText status={measure.status} />
                      <ScheduleBadges measure={measure} />
                    </td>
                    <td className="kern-table__cell">{formatIsoDate(measure.startDate)}</td>
                    <td className="kern-table__cell">{formatIsoDate(measure.dueDate)}</td>
                    <td className="kern-table__cell">{measure.wave ?? "–"}</td>
                    <td className="kern-table__cell">{measure.owner?.name ?? "–"}</td>
                    <td className="kern-table__cell">
                      {[
                        measure.domains.map((domain) => domain.name).join(", "),
                        measure.kommunen.length > 0
                          ? `${formatInteger(measure.kommunen.length)} ${measure.kommunen.length === 1 ? "Kommune" : "Kommunen"}`
                          : "",
                      ]
                        .filter(Boolean)
                        .join(" · ") || "–"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={query.page}
            pageSize={PAGE_SIZE}
            total={measures.data.total}
            onPage={(page) => update({ page: String(page) }, false)}
          />
        </>
      ) : null}
    </>
  );
}
