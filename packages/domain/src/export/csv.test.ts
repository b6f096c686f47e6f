import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutraliseFormula, toCsv } from "./csv.ts";

interface Row {
  name: string;
  population: number | null;
  share: number;
}

const columns = [
  { header: "Name", value: (row: Row) => row.name },
  { header: "Einwohner", value: (row: Row) => row.population },
  { header: "Anteil", value: (row: Row) => row.share },
];

describe("toCsv", () => {
  it("writes semicolon CSV with decimal comma and CRLF", () => {
    const csv = toCsv(columns, [{ name: "Detmold", population: 74486, share: 0.25 }]);
    expect(csv).toBe("Name;Einwohner;Anteil\r\nDetmold;74486;0,25\r\n");
  });

  it("quotes separators, quotes and line breaks", () => {
    const csv = toCsv(columns, [{ name: 'Halle; "Westf."\nNord', population: null, share: 1 }]);
    expect(csv).toBe('Name;Einwohner;Anteil\r\n"Halle; ""Westf.""\nNord";;1\r\n');
  });

  it.each(["=1+1", "+49", "-3", "@SUM(A1)", "\tx"])("neutralises the formula %j", (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(toCsv(columns, [{ name: text, population: 1, share: 1 }])).toContain(`'`);
  });

  it("keeps one line per row whatever the text", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 20 }), (names) => {
        const csv = toCsv(
          columns,
          names.map((name) => ({ name, population: 1, share: 0.5 })),
        );
        // A record is only split at CRLF outside quotes: count unquoted CRLF.
        let inQuotes = false;
        let records = 0;
        for (let index = 0; index < csv.length; index += 1) {
          const character = csv[index];
          if (character === '"') inQuotes = !inQuotes;
          if (!inQuotes && character === "\r" && csv[index + 1] === "\n") records += 1;
        }
        expect(records).toBe(names.length + 1);
      }),
    );
  });
});
