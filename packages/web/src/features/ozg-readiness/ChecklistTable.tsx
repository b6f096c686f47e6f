import type { Schemas } from "../../api/client.ts";
import { formatIsoDate } from "../../ui/format.ts";
import { RecordSource, StatusText } from "./StatusCells.tsx";

/** A Kommune's onboarding checklist of the four base components, editable per item. */
export function ChecklistTable({
  checklist,
  mayEdit,
  onEdit,
}: {
  checklist: Array<Schemas["ChecklistItem"]>;
  mayEdit: boolean;
  onEdit: (item: Schemas["ChecklistItem"]) => void;
}) {
  return (
    <section aria-labelledby="checkliste-titel">
      <h2 id="checkliste-titel" className="kern-heading-medium">
        Checkliste der Basiskomponenten
      </h2>
      <div className="kern-table-responsive">
        <table className="kern-table kern-table--striped kern-table--small">
          <caption className="kern-body kern-body--bold atlas-table-caption">
            Anbindung an zentrale Dienste
          </caption>
          <thead>
            <tr className="kern-table__row">
              {["Komponente", "Status", "Lösung", "Geplant zum", "Stand und Quelle"].map(
                (label) => (
                  <th key={label} scope="col" className="kern-table__header">
                    {label}
                  </th>
                ),
              )}
              {mayEdit ? (
                <th scope="col" className="kern-table__header">
                  <span className="atlas-visually-hidden">Aktion</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {checklist.map((item) => (
              <tr key={item.component} className="kern-table__row">
                <th scope="row" className="kern-table__cell">
                  {item.label}
                </th>
                <td className="kern-table__cell">
                  <StatusText status={item.status} />
                </td>
                <td className="kern-table__cell">{item.record?.onlineService?.name ?? "–"}</td>
                <td className="kern-table__cell">{formatIsoDate(item.record?.plannedDate)}</td>
                <td className="kern-table__cell">
                  <RecordSource record={item.record} />
                </td>
                {mayEdit ? (
                  <td className="kern-table__cell">
                    <button
                      type="button"
                      className="kern-btn kern-btn--tertiary"
                      aria-label={`Ändern: ${item.label}`}
                      onClick={() => onEdit(item)}
                    >
                      <span className="kern-label">Ändern</span>
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
