import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toCsv } from "../export/csv.ts";
import { cellText } from "./cellValues.ts";
import { decodeText, decodeWindows1252, looksMisdecoded } from "./decodeText.ts";
import { parseCsv, sniffSeparator } from "./parseCsv.ts";
import { readCsvFile } from "./readCsvFile.ts";
import { mapHeader } from "./SheetSpec.ts";
import { SOURCING_SHEET } from "./sourcingSheet.ts";

const encoder = new TextEncoder();

/** Windows-1252 bytes of Latin-1 text (enough for German umlauts and ß). */
function latin1(text: string): Uint8Array {
  return Uint8Array.from([...text].map((character) => character.charCodeAt(0)));
}

describe("decodeText", () => {
  it.each<[string, Uint8Array, string]>([
    ["UTF-8", encoder.encode("Lübbecke;Höxter"), "utf-8"],
    [
      "UTF-8 with BOM",
      Uint8Array.from([0xef, 0xbb, 0xbf, ...encoder.encode("Lübbecke;Höxter")]),
      "utf-8-bom",
    ],
    ["Windows-1252", latin1("Lübbecke;Höxter"), "windows-1252"],
  ])("reads %s", (_name, bytes, encoding) => {
    expect(decodeText(bytes)).toEqual({ text: "Lübbecke;Höxter", encoding });
  });

  it("reads the euro sign of Windows-1252 (0x80)", () => {
    expect(decodeText(Uint8Array.from([0x31, 0x20, 0x80])).text).toBe("1 €");
  });

  it("reads any text saved as UTF-8, with or without BOM", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.boolean(), (text, bom) => {
        const body = encoder.encode(text);
        const bytes = bom ? Uint8Array.from([0xef, 0xbb, 0xbf, ...body]) : body;
        expect(decodeText(bytes).text).toBe(text);
      }),
    );
  });
});

describe("parseCsv", () => {
  it.each<[string, string]>([
    ["AGS;Menge\n05766020;1,5", ";"],
    ["AGS,Menge\n05766020,1.5", ","],
    ["AGS\tMenge", "\t"],
    ['"a;b",c,d', ","],
  ])("sniffs the separator of %j", (text, separator) => {
    expect(sniffSeparator(text)).toBe(separator);
  });

  it("reads quotes, doubled quotes, line breaks in cells and all line ends", () => {
    expect(parseCsv('a;"b ""x"";\r\ny"\r\nc;d\re;f\n', ";").rows).toEqual([
      ["a", 'b "x";\r\ny'],
      ["c", "d"],
      ["e", "f"],
    ]);
  });

  it("reads back whatever our CSV export writes", () => {
    const cell = fc.string({ unit: "grapheme", maxLength: 30 });
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { maxLength: 15 }), (rows) => {
        const columns = [0, 1, 2].map((index) => ({
          header: `Spalte ${index + 1}`,
          value: (row: [string, string, string]) => row[index],
        }));
        const file = readCsvFile(encoder.encode(`\uFEFF${toCsv(columns, rows)}`));
        expect(file.ok).toBe(true);
        if (!file.ok) return;
        const body = file.rows.slice(1).map((cells) => cells.map((raw) => cellText(raw)));
        // Rows that are entirely empty are dropped at the end of a file, as spreadsheets do.
        const expected = rows.map((row) => row.map((text) => cellText(text)));
        while (expected.length > 0 && (expected.at(-1) ?? []).every((text) => text === null))
          expected.pop();
        expect(body).toEqual(expected);
      }),
    );
  });
});

describe("readCsvFile", () => {
  it("refuses binary data with a German message", () => {
    const result = readCsvFile(Uint8Array.from([0, 1, 2, 3, 0x50, 0x4b, 0, 0]));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/weder/) });
  });

  it("refuses a file with 1,000 columns", () => {
    const header = Array.from({ length: 1000 }, (_, index) => `S${index}`).join(";");
    expect(readCsvFile(encoder.encode(header))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/mehr als 60 Spalten/),
    });
  });

  it("never throws on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const result = readCsvFile(bytes);
        expect(typeof result.ok).toBe("boolean");
      }),
    );
  });
});

describe("a header whose umlauts were read in the wrong encoding", () => {
  const german = fc.stringMatching(/^[A-Za-z äöüÄÖÜß€–„“]{0,30}$/);

  it("is recognised in any German text saved as UTF-8 and read as Windows-1252 (property)", () => {
    fc.assert(
      fc.property(german, (text) => {
        const misread = decodeWindows1252(encoder.encode(text));
        expect(looksMisdecoded(misread)).toBe([...text].some((c) => c.charCodeAt(0) > 0x7f));
        expect(looksMisdecoded(text)).toBe(false);
      }),
    );
    expect(looksMisdecoded(decodeWindows1252(encoder.encode("1 €")))).toBe(true);
  });

  it("makes the unknown-column message say what is wrong", () => {
    // UTF-8 bytes with one invalid byte: the whole file falls back to Windows-1252.
    const bytes = Uint8Array.from([
      ...encoder.encode("AGS;Leistungsbereich;Gültig ab;Betriebsmodell\n"),
      0xff,
    ]);
    const file = readCsvFile(bytes);
    if (!file.ok) throw new Error(file.message);
    expect(file.encoding).toBe("windows-1252");
    const { problems } = mapHeader(SOURCING_SHEET, file.rows[0] ?? [], "Bezüge");
    expect(problems[0]?.message).toMatch(/^Unbekannte Spalte „GÃ¼ltig ab“: Die Umlaute/);
    expect(problems[0]?.message).toContain("CSV UTF-8");
  });
});
