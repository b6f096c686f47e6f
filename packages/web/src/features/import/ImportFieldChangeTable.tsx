import type { ImportFieldChange } from "@it-atlas/domain";
import { formatInteger } from "../../ui/format.ts";

/**
 * Every value an import would change, field by field: what it is, the column, the stored
 * value and the new one. A value the import would clear says so („wird geleert“).
 */
export function ImportFieldChangeTable({
  changes,
  total,
}: {
  changes: readonly ImportFieldChange[];
  total: number;
}) {
  const cleared = changes.filter((change) => change.before !== null && change.after === null);
  return (
    <div className="kern-table-responsive">
      {cleared.length > 0 ? (
        <p className="kern-body">
          <strong>
            {formatInteger(cleared.length)} {cleared.length === 1 ? "Wert wird" : "Werte werden"}{" "}
            geleert,
          </strong>{" "}
          weil die Zelle in der Datei leer ist. Fehlt eine Spalte ganz, bleiben ihre Werte
          unverändert.
        </p>
      ) : null}
      <table className="kern-table kern-table--small">
        <caption className="kern-title kern-title--small atlas-import-caption">
          Änderungen je Feld ({formatInteger(total)})
        </caption>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              Zeile
            </th>
            <th scope="col" className="kern-table__header">
              Bezug
            </th>
            <th scope="col" className="kern-table__header">
              Spalte
            </th>
            <th scope="col" className="kern-table__header">
              Bisher
            </th>
            <th scope="col" className="kern-table__header">
              Neu
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {changes.map((change, index) => (
            <tr key={index} className="kern-table__row">
              <td className="kern-table__cell">
                {change.sheet} {change.row ?? "–"}
              </td>
              <td className="kern-table__cell">{change.subject}</td>
              <td className="kern-table__cell">{change.column}</td>
              <td className="kern-table__cell atlas-import-value">{change.before ?? "leer"}</td>
              <td className="kern-table__cell atlas-import-value">
                {change.after ?? <strong>wird geleert</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > changes.length ? (
        <p className="kern-body kern-body--small">
          Es werden die ersten {formatInteger(changes.length)} von {formatInteger(total)} Änderungen
          gezeigt.
        </p>
      ) : null}
    </div>
  );
}
