import { describe, expect, it } from "vitest";
import { adoptionTemplateCsv, readAdoptionImport } from "./adoptionImport.ts";

const HEADER =
  "Schlüssel;Kommune;OZG-ID;OZG-Leistung;Komponente;Status;Onlinedienst;Geplant zum;Quelle;Stand;Bemerkung";
const bytes = (text: string) => new TextEncoder().encode(text);

describe("readAdoptionImport", () => {
  it("reads Leistungen and checklist items, restoring a dropped leading zero", () => {
    const result = readAdoptionImport(
      bytes(
        `\uFEFF${HEADER}\r\n5766020;Detmold;10124;Wohnsitzmeldungen;;online;melde-online;;Selbstauskunft;15.01.2026;\r\n` +
          `05766;Kreis Lippe;;;E-Payment;geplant;;30.06.2026;Umfrage KDN;2026-01-10;erst nach Haushalt\r\n`,
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      {
        row: 2,
        organisationKey: "05766020",
        ozgId: 10124,
        component: null,
        status: "online",
        onlineServiceId: "melde-online",
        plannedDate: null,
        informationSource: "Selbstauskunft",
        informationDate: "2026-01-15",
        note: null,
      },
      {
        row: 3,
        organisationKey: "05766",
        ozgId: null,
        component: "epayment",
        status: "geplant",
        onlineServiceId: null,
        plannedDate: "2026-06-30",
        informationSource: "Umfrage KDN",
        informationDate: "2026-01-10",
        note: "erst nach Haushalt",
      },
    ]);
  });

  it("accepts comma files with German status words in any case", () => {
    const result = readAdoptionImport(
      bytes(
        "AGS,OZG-ID,Status,Stand\n05766020,10124,In Anbindung,1.2.2026\n05766020,10559,Nicht zuständig,1.2.2026\n05766020,10111,fehlt,1.2.2026",
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.rows.map((row) => row.status)).toEqual([
      "in_anbindung",
      "nicht_zustaendig",
      "offen",
    ]);
  });

  it.each<[string, string, { row: number | null; column: string | null; message: RegExp }]>([
    [
      "a missing column",
      "Schlüssel;OZG-ID;Status\n05766020;10124;online",
      { row: 1, column: "Stand", message: /Pflichtspalte „Stand“ fehlt/ },
    ],
    [
      "an unknown status",
      `${HEADER}\n05766020;;10124;;;erledigt;;;;1.1.2026;`,
      { row: 2, column: "Status", message: /kein zulässiger Wert/ },
    ],
    [
      "a wrong key",
      `${HEADER}\n12345;;10124;;;online;;;;1.1.2026;`,
      { row: 2, column: "Schlüssel", message: /kein NRW-Schlüssel/ },
    ],
    [
      "an impossible date",
      `${HEADER}\n05766020;;10124;;;online;;;;30.02.2026;`,
      { row: 2, column: "Stand", message: /kein gültiges Datum/ },
    ],
    [
      "a planned date on an online Leistung",
      `${HEADER}\n05766020;;10124;;;online;;1.3.2026;;1.1.2026;`,
      { row: 2, column: "Geplant zum", message: /passt nur zu/ },
    ],
    [
      "both OZG-ID and component",
      `${HEADER}\n05766020;;10124;;E-Payment;online;;;;1.1.2026;`,
      { row: 2, column: "OZG-ID", message: /nicht beides/ },
    ],
    [
      "neither OZG-ID nor component",
      `${HEADER}\n05766020;;;;;online;;;;1.1.2026;`,
      { row: 2, column: "OZG-ID", message: /fehlt die OZG-ID oder die Komponente/ },
    ],
    [
      "an unknown component",
      `${HEADER}\n05766020;;;;Fax;online;;;;1.1.2026;`,
      { row: 2, column: "Komponente", message: /kein zulässiger Wert/ },
    ],
    [
      "a duplicate line",
      `${HEADER}\n05766020;;10124;;;online;;;;1.1.2026;\n05766020;;10124;;;geplant;;;;1.1.2026;`,
      { row: 3, column: "Schlüssel", message: /schon in Zeile 2/ },
    ],
    ["an empty file", "", { row: null, column: null, message: /leer/ }],
  ])("reports %s with row and column", (_name, text, expected) => {
    const { problems } = readAdoptionImport(bytes(text));
    expect(problems).toContainEqual(
      expect.objectContaining({ ...expected, message: expect.stringMatching(expected.message) }),
    );
  });

  it("reads its own template back", () => {
    const csv = adoptionTemplateCsv([
      {
        organisationKey: "05766020",
        organisationName: "Detmold",
        ozgId: 10124,
        ozgName: "Wohnsitzmeldungen",
        component: null,
        status: "offen",
        onlineServiceId: null,
        plannedDate: null,
        informationSource: null,
        informationDate: "2026-01-31",
        note: null,
      },
    ]);
    const result = readAdoptionImport(bytes(csv));
    expect(result.problems).toEqual([]);
    expect(result.rows).toMatchObject([
      { organisationKey: "05766020", ozgId: 10124, status: "offen", informationDate: "2026-01-31" },
    ]);
  });
});
