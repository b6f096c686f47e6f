import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SortableTable, type TableColumn } from "./SortableTable.tsx";

interface Kommune {
  key: string;
  name: string;
  population: number | null;
  kreis: string;
}

const KOMMUNEN: Kommune[] = [
  { key: "1", name: "Unna", population: 58_000, kreis: "Unna" },
  { key: "2", name: "Ölde", population: 9, kreis: "Warendorf" },
  { key: "3", name: "Aachen", population: 250_000, kreis: "Aachen" },
  { key: "4", name: "Olpe", population: 100, kreis: "Olpe" },
  { key: "5", name: "Übach-Palenberg", population: null, kreis: "Heinsberg" },
  { key: "6", name: "Oberhausen", population: 10, kreis: "Oberhausen" },
];

const COLUMNS: Array<TableColumn<Kommune>> = [
  {
    id: "name",
    header: "Kommune",
    rowHeader: true,
    accessor: (row) => row.name,
    sortValue: (row) => row.name,
  },
  {
    id: "population",
    header: "Einwohner",
    numeric: true,
    accessor: (row) => row.population ?? "–",
    sortValue: (row) => row.population,
  },
  { id: "kreis", header: "Kreis", accessor: (row) => row.kreis },
];

function renderTable(props: Partial<Parameters<typeof SortableTable<Kommune>>[0]> = {}) {
  return render(
    <SortableTable<Kommune>
      caption="Kommunen im Test"
      columns={COLUMNS}
      rows={KOMMUNEN}
      rowKey={(row) => row.key}
      {...props}
    />,
  );
}

/** The row headers (first cells) of the body, top to bottom. */
function shownNames(): string[] {
  const table = screen.getByRole("table", { name: "Kommunen im Test" });
  return within(table)
    .getAllByRole("rowheader")
    .map((cell) => cell.textContent ?? "");
}

function header(name: string) {
  return screen.getByRole("columnheader", { name: new RegExp(`^${name}`) });
}

describe("SortableTable", () => {
  afterEach(() => vi.restoreAllMocks());

  it("keeps the given order and marks no column as sorted without a default sort", () => {
    renderTable();
    expect(shownNames()).toEqual(KOMMUNEN.map((row) => row.name));
    expect(header("Kommune")).toHaveAttribute("aria-sort", "none");
    expect(header("Einwohner")).toHaveAttribute("aria-sort", "none");
    expect(header("Kreis")).not.toHaveAttribute("aria-sort");
    expect(within(header("Kreis")).queryByRole("button")).not.toBeInTheDocument();
  });

  it("sorts text by German collation, umlauts beside their base letter", () => {
    renderTable({ defaultSort: { column: "name", direction: "asc" } });
    expect(shownNames()).toEqual([
      "Aachen",
      "Oberhausen",
      "Ölde",
      "Olpe",
      "Übach-Palenberg",
      "Unna",
    ]);
    expect(header("Kommune")).toHaveAttribute("aria-sort", "ascending");
  });

  it("sorts numbers by size with empty values first, and toggles the direction", async () => {
    const user = userEvent.setup();
    renderTable({ defaultSort: { column: "name", direction: "asc" } });
    await user.click(screen.getByRole("button", { name: "Einwohner, nicht sortiert" }));
    expect(shownNames()).toEqual([
      "Übach-Palenberg",
      "Ölde",
      "Oberhausen",
      "Olpe",
      "Unna",
      "Aachen",
    ]);
    expect(header("Einwohner")).toHaveAttribute("aria-sort", "ascending");
    expect(header("Kommune")).toHaveAttribute("aria-sort", "none");

    await user.click(screen.getByRole("button", { name: "Einwohner, sortiert aufsteigend" }));
    expect(shownNames()).toEqual([
      "Aachen",
      "Unna",
      "Olpe",
      "Oberhausen",
      "Ölde",
      "Übach-Palenberg",
    ]);
    expect(header("Einwohner")).toHaveAttribute("aria-sort", "descending");
    expect(
      screen.getByRole("button", { name: "Einwohner, sortiert absteigend" }),
    ).toBeInTheDocument();
  });

  it("is operable by keyboard", async () => {
    const user = userEvent.setup();
    renderTable();
    await user.tab();
    expect(screen.getByRole("button", { name: "Kommune, nicht sortiert" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(header("Kommune")).toHaveAttribute("aria-sort", "ascending");
    await user.keyboard(" ");
    expect(header("Kommune")).toHaveAttribute("aria-sort", "descending");
    expect(shownNames()[0]).toBe("Unna");
  });

  it("keeps rows with equal values in their given order in both directions", async () => {
    const user = userEvent.setup();
    const rows = [
      { key: "a", name: "Erste", population: 5, kreis: "X" },
      { key: "b", name: "Zweite", population: 5, kreis: "X" },
      { key: "c", name: "Dritte", population: 1, kreis: "X" },
    ];
    renderTable({ rows });
    await user.click(screen.getByRole("button", { name: /^Einwohner/ }));
    expect(shownNames()).toEqual(["Dritte", "Erste", "Zweite"]);
    await user.click(screen.getByRole("button", { name: /^Einwohner/ }));
    expect(shownNames()).toEqual(["Erste", "Zweite", "Dritte"]);
  });

  it("pages through the sorted rows and starts again on page 1 after sorting", async () => {
    const user = userEvent.setup();
    renderTable({ defaultSort: { column: "name", direction: "asc" }, pageSize: 4 });
    expect(shownNames()).toEqual(["Aachen", "Oberhausen", "Ölde", "Olpe"]);
    expect(screen.getByText(/1–4 von 6 · Seite 1 von 2/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Nächste Seite" }));
    expect(shownNames()).toEqual(["Übach-Palenberg", "Unna"]);
    await user.click(screen.getByRole("button", { name: "Kommune, sortiert aufsteigend" }));
    expect(shownNames()).toEqual(["Unna", "Übach-Palenberg", "Olpe", "Ölde"]);
  });

  it("exports every row in the shown order", async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return "blob:test";
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    renderTable({
      pageSize: 2,
      exportOptions: {
        fileStem: "kommunen",
        columns: [{ header: "Kommune", value: (row: Kommune) => row.name }],
      },
    });
    await user.click(screen.getByRole("button", { name: "Kommune, nicht sortiert" }));
    await user.click(screen.getByRole("button", { name: "Kommune, sortiert aufsteigend" }));
    await user.click(screen.getByRole("button", { name: "Liste als CSV exportieren" }));
    const csv = await blobs[0]?.text();
    expect(csv?.trim().split(/\r?\n/).slice(1)).toEqual([
      "Unna",
      "Übach-Palenberg",
      "Olpe",
      "Ölde",
      "Oberhausen",
      "Aachen",
    ]);
  });
});
