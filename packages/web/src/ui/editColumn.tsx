import type { TableColumn } from "./SortableTable.tsx";

/** A last column with an "Ändern" button per row, named after the row for screen readers. */
export function editColumn<Row>(
  name: (row: Row) => string,
  onEdit: (row: Row) => void,
): TableColumn<Row> {
  return {
    id: "action",
    header: <span className="atlas-visually-hidden">Aktion</span>,
    cell: (row) => (
      <button
        type="button"
        className="kern-btn kern-btn--tertiary"
        aria-label={`Ändern: ${name(row)}`}
        onClick={() => onEdit(row)}
      >
        <span className="kern-label">Ändern</span>
      </button>
    ),
  };
}
