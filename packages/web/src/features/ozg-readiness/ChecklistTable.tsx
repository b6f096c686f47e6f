import type { Schemas } from "../../api/client.ts";
import { editColumn } from "../../ui/editColumn.tsx";
import { formatIsoDate } from "../../ui/format.ts";
import { SortableTable, type TableColumn } from "../../ui/SortableTable.tsx";
import { RecordSource, StatusText } from "./StatusCells.tsx";

type Item = Schemas["ChecklistItem"];

const COLUMNS: Array<TableColumn<Item>> = [
  { id: "component", header: "Komponente", rowHeader: true, accessor: (item) => item.label },
  { id: "status", header: "Status", cell: (item) => <StatusText status={item.status} /> },
  { id: "solution", header: "Lösung", accessor: (item) => item.record?.onlineService?.name ?? "–" },
  {
    id: "plannedDate",
    header: "Geplant zum",
    accessor: (item) => formatIsoDate(item.record?.plannedDate),
  },
  {
    id: "source",
    header: "Stand und Quelle",
    cell: (item) => <RecordSource record={item.record} />,
  },
];

/** A Kommune's onboarding checklist of the four base components, editable per item. */
export function ChecklistTable({
  checklist,
  mayEdit,
  onEdit,
}: {
  checklist: Item[];
  mayEdit: boolean;
  onEdit: (item: Item) => void;
}) {
  const columns = mayEdit ? [...COLUMNS, editColumn<Item>((item) => item.label, onEdit)] : COLUMNS;
  return (
    <section aria-labelledby="checkliste-titel">
      <h2 id="checkliste-titel" className="kern-heading-medium">
        Checkliste der Basiskomponenten
      </h2>
      <SortableTable
        caption="Anbindung an zentrale Dienste"
        columns={columns}
        rows={checklist}
        rowKey={(item) => item.component}
        striped={false}
      />
    </section>
  );
}
