import type { ImportResult } from "@it-atlas/domain";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ExportLinks } from "./ExportLinks.tsx";
import { ImportFieldChangeTable } from "./ImportFieldChangeTable.tsx";
import { ImportProblemTable } from "./ImportProblemTable.tsx";
import { ImportSummary } from "./ImportSummary.tsx";

const result: ImportResult = {
  fileName: "bezuege.xlsx",
  sheets: [{ sheet: "Bezüge", entity: "sourcing", rows: 3 }],
  counts: { new: 0, changed: 1234, unchanged: 5, invalid: 1 },
  problems: [
    {
      sheet: "Bezüge",
      row: 3,
      column: "IT-Dienstleister",
      value: "gibt-es-nicht",
      message: "IT-Dienstleister „gibt-es-nicht“ ist unbekannt.",
    },
  ],
  problemCount: 1,
  fieldChanges: [
    {
      sheet: "Bezüge",
      row: 2,
      subject: "Detmold (05766020), Einwohnerwesen ab 01.01.2027",
      column: "Produkt",
      before: "EWO Neu",
      after: null,
    },
    {
      sheet: "Bezüge",
      row: 2,
      subject: "Detmold (05766020), Einwohnerwesen ab 01.01.2027",
      column: "Laufende Kosten (€/Jahr)",
      before: "120.000",
      after: "130.000",
    },
  ],
  fieldChangeCount: 2,
  notes: [],
  committed: false,
};

describe("import preview", () => {
  it("lists every changed value field by field and says which values would be cleared", () => {
    render(<ImportFieldChangeTable changes={result.fieldChanges} total={2} />);
    const table = screen.getByRole("table", { name: "Änderungen je Feld (2)" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(
      within(rows[0]!)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual([
      "Bezüge 2",
      "Detmold (05766020), Einwohnerwesen ab 01.01.2027",
      "Produkt",
      "EWO Neu",
      "wird geleert",
    ]);
    expect(screen.getByText(/1 Wert wird geleert/)).toBeInTheDocument();
  });

  it("shows the counts with German number format", () => {
    render(<ImportSummary result={result} />);
    expect(screen.getAllByRole("term").map((item) => item.textContent)).toEqual([
      "Neu",
      "Geändert",
      "Unverändert",
      "Fehlerhaft",
    ]);
    expect(screen.getAllByRole("definition").map((item) => item.textContent)).toEqual([
      "0",
      "1.234",
      "5",
      "1",
    ]);
  });

  it("lists each problem with sheet, row, column, value and message", () => {
    render(<ImportProblemTable problems={result.problems} total={1} />);
    const table = screen.getByRole("table", { name: "Probleme (1)" });
    const cells = within(within(table).getAllByRole("row")[1]!).getAllByRole("cell");
    expect(cells.map((cell) => cell.textContent)).toEqual([
      "Bezüge",
      "3",
      "IT-Dienstleister",
      "gibt-es-nicht",
      "IT-Dienstleister „gibt-es-nicht“ ist unbekannt.",
    ]);
  });

  it("links every export with the day and the Landkarte's filters", () => {
    render(<ExportLinks asOf="2026-05-01" query={{ domain: "einwohnerwesen", kreis: "05766" }} />);
    expect(screen.getByRole("link", { name: "Bezüge als CSV" }).getAttribute("href")).toBe(
      "/api/export/landscape?asOf=2026-05-01&format=csv&domain=einwohnerwesen&kreis=05766",
    );
    expect(
      screen.getByRole("link", { name: "Kommunen als GeoJSON" }).getAttribute("href"),
    ).toContain("domain=einwohnerwesen");
    expect(screen.getAllByRole("link")).toHaveLength(5);
  });
});
