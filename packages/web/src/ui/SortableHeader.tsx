import type { ReactNode } from "react";
import { Icon } from "./Icon.tsx";

/** Column header that sorts the list; announces the direction via aria-sort. */
export function SortableHeader<Column extends string>({
  column,
  label,
  sort,
  direction,
  onSort,
  numeric = false,
}: {
  column: Column;
  label: ReactNode;
  sort: Column;
  direction: "asc" | "desc";
  onSort: (column: Column, direction: "asc" | "desc") => void;
  numeric?: boolean;
}) {
  const active = sort === column;
  const next = active && direction === "asc" ? "desc" : "asc";
  const ariaSort = active ? (direction === "asc" ? "ascending" : "descending") : "none";
  return (
    <th
      scope="col"
      aria-sort={ariaSort}
      className={`kern-table__header${numeric ? " kern-table__header--numeric" : ""}`}
    >
      <button type="button" className="atlas-sort" onClick={() => onSort(column, next)}>
        {label}
        <Icon
          className="atlas-sort__icon"
          name={active ? (direction === "asc" ? "arrowUp" : "arrowDown") : "unfold"}
          size={1}
        />
        <span className="atlas-visually-hidden">
          {active
            ? `, sortiert ${direction === "asc" ? "aufsteigend" : "absteigend"}`
            : ", nicht sortiert"}
        </span>
      </button>
    </th>
  );
}
