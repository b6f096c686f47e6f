import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RawCell } from "./cellValues.ts";
import { readRow } from "./readRow.ts";
import { mapHeader, columnLetter } from "./SheetSpec.ts";
import { SOURCING_SHEET, toSourcingImportRow } from "./sourcingSheet.ts";

const HEADER = [
  "AGS",
  "Leistungsbereich",
  "Betriebsmodell",
  "IT-Dienstleister",
  "Laufende Kosten (€/Jahr)",
  "Zufriedenheit (1–5)",
  "Gültig ab",
];

function parse(cells: RawCell[]) {
  const { mapping, problems } = mapHeader(SOURCING_SHEET, HEADER, "Bezüge");
  expect(problems).toEqual([]);
  return toSourcingImportRow(readRow(mapping, cells, 2, "Bezüge"), "Bezüge");
}

describe("mapHeader", () => {
  it("refuses unknown, duplicate and missing required columns with German messages", () => {
    const { problems } = mapHeader(
      SOURCING_SHEET,
      ["ags", " Betriebsmodell ", "Farbe", "AGS", null],
      "Bezüge",
    );
    expect(problems.map((problem) => problem.message)).toEqual([
      "Unbekannte Spalte „Farbe“. Bitte nur die Spalten der Vorlage verwenden (siehe Blatt „Hinweise“).",
      "Die Spalte „AGS“ kommt doppelt vor (Spalten A und D).",
      "Die Pflichtspalte „Leistungsbereich“ fehlt.",
      "Die Pflichtspalte „Gültig ab“ fehlt.",
    ]);
  });

  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("names column %i %s", (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});

describe("toSourcingImportRow", () => {
  it("reads a row the way Excel leaves it", () => {
    const result = parse([
      5766020,
      " einwohnerwesen ",
      "IT-Dienstleister",
      "owl-it",
      "1.234,565",
      4,
      46023,
    ]);
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        organisationKey: "05766020",
        domain: "einwohnerwesen",
        provider: "owl-it",
        input: expect.objectContaining({
          operatingModel: "it_dienstleister",
          providerId: "owl-it",
          runningCost: 1234.57,
          satisfaction: 4,
          validFrom: "2026-01-01",
        }),
      }),
    });
  });

  it("reports an unreadable cell and a range error of another column together (issue 16, defect 5)", () => {
    const result = parse([
      "05766020",
      "einwohnerwesen",
      "IT-Dienstleister",
      "owl-it",
      "-5",
      4,
      "32.13.2026",
    ]);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((problem) => problem.column)).toEqual([
      "Gültig ab",
      "Laufende Kosten (€/Jahr)",
    ]);
  });

  it("locates each problem by sheet, row, column and value", () => {
    const result = parse([
      "05766020",
      "einwohnerwesen",
      "IT-Dienstleister",
      null,
      "viel",
      7,
      "31.02.2026",
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        sheet: "Bezüge",
        row: 2,
        column: "Laufende Kosten (€/Jahr)",
        value: "viel",
        message: "„Laufende Kosten (€/Jahr)“ ist keine Zahl (Beispiel: 1.234,56).",
      },
      {
        sheet: "Bezüge",
        row: 2,
        column: "Gültig ab",
        value: "31.02.2026",
        message: "„Gültig ab“ ist kein gültiges Datum (TT.MM.JJJJ).",
      },
      // The range error of another column in the same pass (issue 16, defect 5; this test
      // expected only the unreadable cells before).
      {
        sheet: "Bezüge",
        row: 2,
        column: "Zufriedenheit (1–5)",
        value: "7",
        message: "„Zufriedenheit (1–5)“ muss zwischen 1 und 5 liegen.",
      },
    ]);
  });

  it("applies the rules of a sourcing change (provider needed for IT-Dienstleister)", () => {
    const result = parse([
      "05766020",
      "einwohnerwesen",
      "IT-Dienstleister",
      null,
      null,
      7,
      "01.01.2026",
    ]);
    expect(result).toMatchObject({
      ok: false,
      problems: [
        {
          column: "Zufriedenheit (1–5)",
          value: "7",
          message: "„Zufriedenheit (1–5)“ muss zwischen 1 und 5 liegen.",
        },
        {
          column: "IT-Dienstleister",
          message:
            "„IT-Dienstleister“: Bei Bezug von einem IT-Dienstleister ist der Dienstleister anzugeben.",
        },
      ],
    });
  });

  it("reports a missing required value", () => {
    const result = parse(["05766020", null, "Land", null, null, null, "01.01.2026"]);
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { column: "Leistungsbereich", message: "„Leistungsbereich“ ist eine Pflichtangabe." },
      ],
    });
  });

  it("never throws on cells of any type", () => {
    const anyCell = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.date());
    fc.assert(
      fc.property(fc.array(anyCell, { minLength: 7, maxLength: 7 }), (cells) => {
        const result = parse(cells);
        if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
      }),
    );
  });
});
