import {
  adoptionStatusLabel,
  AdoptionStatus,
  leikaTypeLabel,
  responsibilityReasonLabel,
} from "@it-atlas/domain";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { formatIsoDate } from "../../ui/format.ts";
import { RecordSource, StatusText } from "./StatusCells.tsx";

type Leistung = Schemas["KommuneLeistung"];

/**
 * The OZG-Leistungen of a Kommune (responsible or recorded) with status, service, source and
 * date; filterable by status and name, each editable for the Kommune's editors.
 */
export function KommuneLeistungenTable({
  kommuneKey,
  items,
  mayEdit,
  onEdit,
}: {
  kommuneKey: string;
  items: Leistung[];
  mayEdit: boolean;
  onEdit: (item: Leistung) => void;
}) {
  const [statusFilter, setStatusFilter] = useState("");
  const [search, setSearch] = useState("");
  const leistungen = useMemo(() => {
    const words = search.trim().toLowerCase();
    return items.filter(
      (item) =>
        (statusFilter === "" ||
          (statusFilter === "zustaendig" ? item.responsible : item.status === statusFilter)) &&
        (words === "" || item.name.toLowerCase().includes(words) || String(item.ozgId) === words),
    );
  }, [items, statusFilter, search]);
  return (
    <section aria-labelledby="leistungen-titel">
      <h2 id="leistungen-titel" className="kern-heading-medium">
        OZG-Leistungen
      </h2>
      <div className="atlas-ozg-actions">
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="ozg-kommune-status">
            Status
          </label>
          <div className="kern-form-input__select-wrapper">
            <select
              id="ozg-kommune-status"
              className="kern-form-input__select"
              value={statusFilter}
              onChange={(event) => setStatusFilter(event.target.value)}
            >
              <option value="">alle</option>
              <option value="zustaendig">alle zuständigen</option>
              {AdoptionStatus.options.map((status) => (
                <option key={status} value={status}>
                  {adoptionStatusLabel[status]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="ozg-kommune-suche">
            Leistung suchen
          </label>
          <input
            id="ozg-kommune-suche"
            className="kern-form-input__input"
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <a className="kern-link" href={`/api/ozg/adoption/template.csv?ags=${kommuneKey}`}>
          Importvorlage mit dem aktuellen Stand (CSV)
        </a>
      </div>
      <div className="kern-table-responsive">
        <table className="kern-table kern-table--striped kern-table--small">
          <caption className="kern-body kern-body--bold atlas-table-caption">
            {leistungen.length} OZG-Leistungen (zuständig oder von der Kommune erfasst)
          </caption>
          <thead>
            <tr className="kern-table__row">
              {[
                "OZG-ID",
                "OZG-Leistung",
                "LeiKa-Typ",
                "Zuständig",
                "Status",
                "Onlinedienst",
                "Stand und Quelle",
              ].map((label) => (
                <th key={label} scope="col" className="kern-table__header">
                  {label}
                </th>
              ))}
              {mayEdit ? (
                <th scope="col" className="kern-table__header">
                  <span className="atlas-visually-hidden">Aktion</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {leistungen.map((item) => (
              <tr key={item.ozgId} className="kern-table__row">
                <td className="kern-table__cell">{item.ozgId}</td>
                <th scope="row" className="kern-table__cell">
                  <Link className="kern-link" to={`/ozg/${item.ozgId}`}>
                    {item.name}
                  </Link>
                  <br />
                  <span className="atlas-muted kern-body--small">{item.themenfeld}</span>
                </th>
                <td className="kern-table__cell">
                  <abbr title={item.leikaTypes.map((type) => leikaTypeLabel[type]).join("; ")}>
                    {item.leikaTypes.join(", ") || "–"}
                  </abbr>
                </td>
                <td className="kern-table__cell">
                  {item.responsible ? "ja" : "nein"} ({responsibilityReasonLabel[item.reason]})
                </td>
                <td className="kern-table__cell">
                  <StatusText status={item.status} />
                  {item.record?.plannedDate ? ` zum ${formatIsoDate(item.record.plannedDate)}` : ""}
                </td>
                <td className="kern-table__cell">{item.record?.onlineService?.name ?? "–"}</td>
                <td className="kern-table__cell">
                  <RecordSource record={item.record} />
                </td>
                {mayEdit ? (
                  <td className="kern-table__cell">
                    <button
                      type="button"
                      className="kern-btn kern-btn--tertiary"
                      aria-label={`Status ändern: ${item.name}`}
                      onClick={() => onEdit(item)}
                    >
                      <span className="kern-label">Status ändern</span>
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
