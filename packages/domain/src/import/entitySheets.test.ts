import { describe, expect, it } from "vitest";
import type { RawCell } from "./cellValues.ts";
import type { ImportEntitySheet, ImportRowOrigin } from "./entitySheet.ts";
import { guessImportSheet } from "./importSheets.ts";
import { MEMBERSHIP_IMPORT } from "./membershipSheet.ts";
import { OFFER_IMPORT } from "./offerSheet.ts";
import { ORGANISATION_IMPORT } from "./organisationSheet.ts";
import { PRODUCT_IMPORT } from "./productSheet.ts";
import { readRow } from "./readRow.ts";
import { mapHeader } from "./SheetSpec.ts";

function check<Row extends ImportRowOrigin>(
  entity: ImportEntitySheet<Row>,
  header: string[],
  cells: RawCell[],
) {
  const { mapping, problems } = mapHeader(entity.spec, header, entity.spec.sheet);
  expect(problems).toEqual([]);
  return entity.toRow(readRow(mapping, cells, 2, entity.spec.sheet), entity.spec.sheet);
}

describe("guessImportSheet", () => {
  it.each([
    [["AGS", "Leistungsbereich", "Betriebsmodell", "Gültig ab"], "sourcing"],
    [["AGS", "Leistungsbereich", "Betriebsmodell"], "sourcing"],
    [["Schlüssel", "Kommune", "IT-Dienstleister", "Beziehung"], "memberships"],
    [["AGS", "Website"], "organisations"],
    [["IT-Dienstleister", "Leistungsbereich", "Festpreis (€/Jahr)", "Gültig ab"], "offers"],
    [["IT-Dienstleister", "Leistungsbereich", "Gültig ab"], "offers"],
    [["Kennung", "Name", "Hersteller", "Lebenszyklus", "Leistungsbereiche"], "products"],
  ])("recognises %j as %s", (header, entity) => {
    expect(guessImportSheet(header)?.entity).toBe(entity);
  });

  it("recognises nothing without a single known header", () => {
    expect(guessImportSheet(["Farbe", "Größe"])).toBeUndefined();
  });
});

describe("row checks", () => {
  it("reads a Kommune by ARS and refuses a postcode that is not 5 digits", () => {
    expect(check(ORGANISATION_IMPORT, ["ARS", "Postleitzahl"], [57660020020, "32756"])).toEqual({
      ok: true,
      value: expect.objectContaining({
        ars: "057660020020",
        postcode: "32756",
        organisationKey: null,
      }),
    });
    const wrong = check(ORGANISATION_IMPORT, ["AGS", "Postleitzahl"], ["05766020", "3275"]);
    expect(wrong.ok ? [] : wrong.problems.map((problem) => problem.column)).toEqual([
      "Postleitzahl",
    ]);
  });

  it("reads a membership with a range of attested days and several URLs", () => {
    const result = check(
      MEMBERSHIP_IMPORT,
      ["Schlüssel", "IT-Dienstleister", "Beziehung", "Belegt ab", "Belegt bis", "Quell-URL"],
      [5766020, "owl-it", "Träger", "01.01.2024", 45657, "https://a.example | https://b.example"],
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        organisationKey: "05766020",
        relation: "traeger",
        content: {
          attestedFrom: "2024-01-01",
          attestedTo: "2024-12-31",
          sourceUrls: ["https://a.example", "https://b.example"],
        },
      },
    });
  });

  it.each<[string, RawCell[], string]>([
    ["a negative price", ["owl-it", "netz", "-1", "01.01.2026", null], "Festpreis (€/Jahr)"],
    ["an end before the start", ["owl-it", "netz", "1", "01.01.2026", "01.01.2025"], "Gültig bis"],
  ])("refuses an offer with %s", (_name, cells, column) => {
    const result = check(
      OFFER_IMPORT,
      ["IT-Dienstleister", "Leistungsbereich", "Festpreis (€/Jahr)", "Gültig ab", "Gültig bis"],
      cells,
    );
    expect(result.ok ? [] : result.problems.map((problem) => problem.column)).toEqual([column]);
  });

  it("reads unit prices to four decimals and a missing fixed price as 0", () => {
    const result = check(
      OFFER_IMPORT,
      ["IT-Dienstleister", "Leistungsbereich", "Preis je Einheit (€)", "Gültig ab"],
      ["owl-it", "netz", "1,23456", "01.01.2026"],
    );
    expect(result).toMatchObject({
      ok: true,
      value: { content: { fixedPrice: 0, unitPrice: 1.2346 } },
    });
  });

  it("refuses a product id with capitals and a domain named twice", () => {
    const result = check(
      PRODUCT_IMPORT,
      ["Kennung", "Name", "Hersteller", "Lebenszyklus", "Leistungsbereiche"],
      ["Mein Produkt", "P", "H", "aktiv", "netz, netz"],
    );
    expect(result.ok ? [] : result.problems.map((problem) => problem.column)).toEqual([
      "Kennung",
      "Leistungsbereiche",
    ]);
  });
});
