import { Link } from "react-router";
import { formatDateTime } from "../../ui/format.ts";
import { AuditChange } from "./AuditChange.tsx";
import type { AuditEntry } from "./auditQueries.ts";
import { actionLabel, entityTypeLabel, VIA_LABEL } from "./auditLabels.ts";

function objectLink(entry: AuditEntry): string {
  const query = new URLSearchParams({ objektart: entry.entityType, objekt: entry.entityId });
  return `/verwaltung/protokoll?${query.toString()}`;
}

/** Entries of the audit trail; before/after open on request. */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <div className="kern-table-responsive">
      <table className="kern-table kern-table--small atlas-audit-table">
        <caption className="atlas-visually-hidden">Prüfprotokoll, neueste Einträge zuerst</caption>
        <thead>
          <tr className="kern-table__row">
            {["Zeitpunkt", "Wer", "Weg", "Aktion", "Objekt", "Änderung"].map((header) => (
              <th key={header} scope="col" className="kern-table__header">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {entries.map((entry) => (
            <tr key={entry.id} className="kern-table__row">
              <th scope="row" className="kern-table__cell">
                <time dateTime={entry.at}>{formatDateTime(entry.at, { seconds: true })}</time>
              </th>
              <td className="kern-table__cell atlas-user-table__email">{entry.actorLabel}</td>
              <td className="kern-table__cell">{VIA_LABEL[entry.via]}</td>
              <td className="kern-table__cell">{actionLabel(entry.action)}</td>
              <td className="kern-table__cell">
                {entityTypeLabel(entry.entityType)} {entry.entityId}
                <div>
                  <Link className="kern-link kern-link--small" to={objectLink(entry)}>
                    Alle Einträge zu diesem Objekt
                  </Link>
                </div>
              </td>
              <td className="kern-table__cell">
                {entry.before === null && entry.after === null ? (
                  <span className="atlas-muted">keine Angaben</span>
                ) : (
                  <details>
                    <summary className="atlas-disclosure">
                      <span className="kern-link">
                        Vorher/Nachher anzeigen{" "}
                        <span className="atlas-visually-hidden">
                          ({actionLabel(entry.action)},{" "}
                          {formatDateTime(entry.at, { seconds: true })})
                        </span>
                      </span>
                    </summary>
                    <AuditChange before={entry.before} after={entry.after} />
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
