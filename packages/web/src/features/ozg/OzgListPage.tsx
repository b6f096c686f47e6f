import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { fetchAllOzgLeistungen, useOzgLeistungen, useThemenfelder } from "../../api/hooks.ts";
import { TableExport } from "../../ui/TableExport.tsx";
import { SelectField, TextField } from "../../ui/Field.tsx";
import { formatInteger } from "../../ui/format.ts";
import { Pagination } from "../../ui/Pagination.tsx";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";

const PAGE_SIZE = 50;

type Leistung = Schemas["OzgLeistung"];

const EXPORT_COLUMNS = [
  { header: "OZG-ID", value: (row: Leistung) => row.id },
  { header: "OZG-Leistung", value: (row: Leistung) => row.name },
  { header: "Themenfeld", value: (row: Leistung) => row.themenfeld.name },
  { header: "Lebenslage", value: (row: Leistung) => row.lebenslage.name },
  { header: "LeiKa-Typen", value: (row: Leistung) => row.leikaTypes.join(", ") },
  { header: "LeiKa-Leistungen", value: (row: Leistung) => row.leikaCount },
];

/** OZG catalogue: browse by Themenfeld, search by name, OZG-ID or LeiKa. */
export function OzgListPage() {
  usePageTitle("OZG-Katalog");
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const themenfeld = params.get("themenfeld") ?? "";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);
  const themenfelder = useThemenfelder();
  const leistungen = useOzgLeistungen({
    q: q || undefined,
    themenfeld: themenfeld ? Number(themenfeld) : undefined,
    page,
    pageSize: PAGE_SIZE,
  });

  const update = (changes: Record<string, string>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    if (resetPage) next.delete("page");
    setParams(next);
  };

  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        OZG-Katalog
      </h1>
      <p className="kern-body">
        557 OZG-Leistungen in 14 Themenfeldern mit 5.249 LeiKa-Leistungen, wie sie die KDN 2019 in
        die OZG-Datenbank NRW übernommen hat. Quelle: KDN – OZG-Datenbank NRW
        (github.com/kdn-nrw/OZG-Datenbank-NRW, MIT).
      </p>
      <form
        className="atlas-filters"
        role="search"
        aria-label="OZG-Leistungen suchen"
        onSubmit={(event) => {
          event.preventDefault();
          update({ q: search.trim() });
        }}
      >
        <TextField
          label="Suche"
          hint="Name der Leistung, OZG-ID, LeiKa-Name oder LeiKa-Schlüssel"
          value={search}
          onChange={setSearch}
        />
        <SelectField
          label="Themenfeld"
          allLabel="Alle Themenfelder"
          value={themenfeld}
          onChange={(value) => update({ themenfeld: value })}
        >
          {(themenfelder.data?.items ?? []).map((item) => (
            <option key={item.id} value={String(item.id)}>
              {item.name} ({item.leistungCount})
            </option>
          ))}
        </SelectField>
        <div className="atlas-filters__actions">
          <button type="submit" className="kern-btn kern-btn--primary">
            <span className="kern-label">Suchen</span>
          </button>
        </div>
      </form>
      {leistungen.isPending ? <LoadingState /> : null}
      {leistungen.isError ? (
        <ErrorState error={leistungen.error} onRetry={() => void leistungen.refetch()} />
      ) : null}
      {leistungen.data && leistungen.data.total === 0 ? (
        <EmptyState>Keine OZG-Leistung passt zur Suche.</EmptyState>
      ) : null}
      {leistungen.data && leistungen.data.total > 0 ? (
        <>
          <TableExport
            fileStem="ozg-katalog"
            sheetName="OZG-Leistungen"
            columns={EXPORT_COLUMNS}
            load={() =>
              fetchAllOzgLeistungen({
                q: q || undefined,
                themenfeld: themenfeld ? Number(themenfeld) : undefined,
              })
            }
          />
          <div className="kern-table-responsive" aria-busy={leistungen.isFetching}>
            <table className="kern-table kern-table--striped">
              <caption className="atlas-visually-hidden">
                OZG-Leistungen, {leistungen.data.total} Treffer
              </caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    OZG-Leistung
                  </th>
                  <th scope="col" className="kern-table__header kern-table__header--numeric">
                    OZG-ID
                  </th>
                  <th scope="col" className="kern-table__header">
                    Themenfeld / Lebenslage
                  </th>
                  <th scope="col" className="kern-table__header">
                    LeiKa-Typen
                  </th>
                  <th scope="col" className="kern-table__header kern-table__header--numeric">
                    LeiKa-Leistungen
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {leistungen.data.items.map((leistung) => (
                  <tr key={leistung.id} className="kern-table__row">
                    <td className="kern-table__cell">
                      <Link className="kern-link" to={`/ozg/${leistung.id}`}>
                        {leistung.name}
                      </Link>
                    </td>
                    <td className="kern-table__cell kern-table__cell--numeric">{leistung.id}</td>
                    <td className="kern-table__cell">
                      {leistung.themenfeld.name}
                      <div className="kern-body--small atlas-muted">{leistung.lebenslage.name}</div>
                    </td>
                    <td className="kern-table__cell">{leistung.leikaTypes.join(", ") || "–"}</td>
                    <td className="kern-table__cell kern-table__cell--numeric">
                      {formatInteger(leistung.leikaCount)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={leistungen.data.total}
            onPage={(next) => update({ page: String(next) }, false)}
          />
        </>
      ) : null}
    </>
  );
}
