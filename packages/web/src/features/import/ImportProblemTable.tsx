import type { ImportProblem } from "@it-atlas/domain";
import { formatInteger } from "../../ui/format.ts";

/** The problems of an import, each with sheet, row, column and value, as a table. */
export function ImportProblemTable({
  problems,
  total,
}: {
  problems: readonly ImportProblem[];
  total: number;
}) {
  return (
    <div className="kern-table-responsive">
      <table className="kern-table kern-table--small">
        <caption className="kern-title kern-title--small atlas-import-caption">
          Probleme ({formatInteger(total)})
        </caption>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              Blatt
            </th>
            <th scope="col" className="kern-table__header">
              Zeile
            </th>
            <th scope="col" className="kern-table__header">
              Spalte
            </th>
            <th scope="col" className="kern-table__header">
              Wert
            </th>
            <th scope="col" className="kern-table__header">
              Meldung
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {problems.map((problem, index) => (
            <tr key={index} className="kern-table__row">
              <td className="kern-table__cell">{problem.sheet}</td>
              <td className="kern-table__cell">{problem.row ?? "–"}</td>
              <td className="kern-table__cell">{problem.column ?? "–"}</td>
              <td className="kern-table__cell atlas-import-value">{problem.value ?? "–"}</td>
              <td className="kern-table__cell">{problem.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > problems.length ? (
        <p className="kern-body kern-body--small">
          Es werden die ersten {formatInteger(problems.length)} von {formatInteger(total)} Problemen
          gezeigt.
        </p>
      ) : null}
    </div>
  );
}
