import type { CsvColumn } from "@it-atlas/domain";
import { useMemo, useState, type ReactNode } from "react";
import { Pagination } from "./Pagination.tsx";
import { SortableHeader } from "./SortableHeader.tsx";
import { TableExport } from "./TableExport.tsx";

/** What a column sorts by: numbers numerically, text by German collation, empty first. */
export type SortValue = string | number | null | undefined;

/** One column of a {@link SortableTable}. */
export interface TableColumn<Row> {
  /** Stable id, used for the sort state and as React key. */
  id: string;
  header: ReactNode;
  /** The cell's plain value; shown when there is no `cell` renderer. */
  accessor?: (row: Row) => ReactNode;
  /** Makes the column sortable by this value. */
  sortValue?: (row: Row) => SortValue;
  /** Renders the cell; defaults to the accessor's value. */
  cell?: (row: Row) => ReactNode;
  numeric?: boolean;
  /** The cell names its row (`<th scope="row">`), e.g. the Kommune's name. */
  rowHeader?: boolean;
}

/** A sort state: column id and direction. */
export interface TableSort {
  column: string;
  direction: "asc" | "desc";
}

const collator = new Intl.Collator("de");

/** Compares two sort values: empty values first, numbers by size, everything else as German text. */
export function compareSortValues(left: SortValue, right: SortValue): number {
  const leftEmpty = left === null || left === undefined;
  const rightEmpty = right === null || right === undefined;
  if (leftEmpty || rightEmpty) return leftEmpty === rightEmpty ? 0 : leftEmpty ? -1 : 1;
  if (typeof left === "number" && typeof right === "number") return left - right;
  return collator.compare(String(left), String(right));
}

/**
 * Sorts stably: rows with equal values keep their given order in both directions. Returns the
 * rows unchanged when the sort names no sortable column.
 */
export function sortRows<Row>(
  rows: readonly Row[],
  columns: ReadonlyArray<TableColumn<Row>>,
  sort: TableSort | undefined,
): Row[] {
  const sortValue = columns.find((column) => column.id === sort?.column)?.sortValue;
  if (!sort || !sortValue) return [...rows];
  const factor = sort.direction === "asc" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: sortValue(row) }))
    .sort((a, b) => factor * compareSortValues(a.value, b.value) || a.index - b.index)
    .map(({ row }) => row);
}

/**
 * An accessible table whose sortable columns have a button in their header (`aria-sort` on the
 * sorted one), with an optional export of all rows in the shown order and optional paging.
 */
export function SortableTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  defaultSort,
  pageSize,
  paginationLabel,
  footer,
  striped = true,
  exportOptions,
}: {
  caption: ReactNode;
  columns: ReadonlyArray<TableColumn<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** Without it the rows keep their given order until a header is pressed. */
  defaultSort?: TableSort;
  /** Shows this many rows at a time with the page navigation below the table. */
  pageSize?: number;
  paginationLabel?: string;
  /** Rows for a `<tfoot>`, e.g. a sum. */
  footer?: ReactNode;
  /** Shades every other row (KERN needs both the table and the body class for it). */
  striped?: boolean;
  /** Export buttons above the table; they export every row (all pages) in the shown order. */
  exportOptions?: {
    fileStem: string;
    columns: ReadonlyArray<CsvColumn<Row>>;
    sheetName?: string;
    label?: string;
  };
}) {
  const [sort, setSort] = useState<TableSort | undefined>(defaultSort);
  const [page, setPage] = useState(1);
  const sorted = useMemo(() => sortRows(rows, columns, sort), [rows, columns, sort]);
  const pages = pageSize ? Math.max(1, Math.ceil(sorted.length / pageSize)) : 1;
  const currentPage = Math.min(page, pages);
  const shown = pageSize
    ? sorted.slice((currentPage - 1) * pageSize, currentPage * pageSize)
    : sorted;
  const onSort = (column: string, direction: "asc" | "desc") => {
    setSort({ column, direction });
    setPage(1);
  };
  return (
    <>
      {exportOptions ? (
        <div className="atlas-filters__actions">
          <TableExport
            fileStem={exportOptions.fileStem}
            sheetName={exportOptions.sheetName}
            label={exportOptions.label}
            columns={exportOptions.columns}
            rows={sorted}
          />
        </div>
      ) : null}
      <div className="kern-table-responsive">
        <table className={`kern-table${striped ? " kern-table--striped" : ""} kern-table--small`}>
          <caption className="kern-body kern-body--bold atlas-table-caption">{caption}</caption>
          <thead>
            <tr className="kern-table__row">
              {columns.map((column) =>
                column.sortValue ? (
                  <SortableHeader
                    key={column.id}
                    column={column.id}
                    label={column.header}
                    numeric={column.numeric}
                    sort={sort?.column ?? ""}
                    direction={sort?.direction ?? "asc"}
                    onSort={onSort}
                  />
                ) : (
                  <th
                    key={column.id}
                    scope="col"
                    className={`kern-table__header${column.numeric ? " kern-table__header--numeric" : ""}`}
                  >
                    {column.header}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody className={striped ? "kern-table__body" : undefined}>
            {shown.map((row) => (
              <tr key={rowKey(row)} className="kern-table__row">
                {columns.map((column) => {
                  const content = column.cell ? column.cell(row) : column.accessor?.(row);
                  const className = `kern-table__cell${column.numeric ? " kern-table__cell--numeric" : ""}`;
                  return column.rowHeader ? (
                    <th key={column.id} scope="row" className={className}>
                      {content}
                    </th>
                  ) : (
                    <td key={column.id} className={className}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          {footer ? <tfoot>{footer}</tfoot> : null}
        </table>
      </div>
      {pageSize && sorted.length > pageSize ? (
        <Pagination
          page={currentPage}
          pageSize={pageSize}
          total={sorted.length}
          onPage={setPage}
          label={paginationLabel}
        />
      ) : null}
    </>
  );
}
