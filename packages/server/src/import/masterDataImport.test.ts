import ExcelJS from "exceljs";
import fc from "fast-check";
import { sql } from "@it-atlas/db";
import { useTestDatabase } from "@it-atlas/db/testing";
import { IMPORT_ENTITIES, type ImportEntity } from "@it-atlas/domain";
import { describe, expect, it } from "vitest";
import { exportLandscapeWorkbook } from "../export/exportFiles.ts";
import { entityTable } from "../export/landscapeTables.ts";
import { addTableSheet, tableToCsv } from "../export/writeSheet.ts";
import { LandscapeReader, todayInGermany } from "../services/landscapeService.ts";
import { runImport } from "./importService.ts";
import { importActor } from "./importTesting.ts";

const database = useTestDatabase();
const admin = importActor({ role: "administrator" });
const detmold = importActor({ role: "kommune_bearbeiter", organisationKey: "05766020" });
const owlIt = importActor({ role: "dienstleister_bearbeiter", providerId: "owl-it" });

function csv(...lines: string[]): Uint8Array {
  return new TextEncoder().encode(lines.join("\r\n"));
}

/** Row counts of the tables an import may write, to prove that nothing was written. */
async function snapshot(): Promise<string> {
  const [row] = await database.db.query<Record<string, number>>(sql`
    SELECT (SELECT count(*)::int FROM product) AS products,
           (SELECT count(*)::int FROM product_domain) AS product_domains,
           (SELECT count(*)::int FROM membership) AS memberships,
           (SELECT count(*)::int FROM provider_offer) AS offers,
           (SELECT count(*)::int FROM sourcing) AS sourcing,
           (SELECT count(*)::int FROM organisation) AS organisations,
           (SELECT md5(string_agg(key || coalesce(postcode, '') || coalesce(website, ''), ',' ORDER BY key)) FROM organisation) AS attributes,
           (SELECT md5(string_agg(id || name || vendor || lifecycle, ',' ORDER BY id)) FROM product) AS catalogue`);
  return JSON.stringify(row);
}

async function run(bytes: Uint8Array, actor = admin, fileName = "test.csv") {
  return runImport(database.db, bytes, { fileName, actor, commit: true });
}

describe("export → import round trip of every entity", () => {
  it("finds no changes when the whole landscape workbook is imported again", async () => {
    const reader = new LandscapeReader(database.db);
    const file = await exportLandscapeWorkbook(
      database.db,
      reader,
      todayInGermany(),
      admin.principal,
    );
    const before = await snapshot();
    const result = await run(file.body, admin, file.fileName);
    expect(result.problems).toEqual([]);
    expect(result.sheets.map((sheet) => sheet.entity).sort()).toEqual([...IMPORT_ENTITIES].sort());
    expect(result.counts).toMatchObject({ new: 0, changed: 0, invalid: 0 });
    expect(result.counts.unchanged).toBeGreaterThan(1000);
    expect(result.committed).toBe(false);
    expect(await snapshot()).toBe(before);
  }, 120_000);

  it("finds no changes for each entity as CSV and XLSX, whoever exports and imports (property)", async () => {
    const reader = new LandscapeReader(database.db);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<ImportEntity>("organisations", "products", "memberships", "offers"),
        fc.constantFrom("csv" as const, "xlsx" as const),
        fc.constantFrom(admin, detmold, owlIt),
        async (entity, format, actor) => {
          const table = await entityTable(
            database.db,
            reader,
            entity,
            todayInGermany(),
            actor.principal,
          );
          let bytes: Uint8Array;
          if (format === "csv") {
            bytes = new TextEncoder().encode(tableToCsv(table));
          } else {
            const workbook = new ExcelJS.Workbook();
            addTableSheet(workbook, table);
            bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
          }
          // Unchanged rows need no permission: anyone may check an unedited export.
          const result = await run(bytes, actor, `${entity}.${format}`);
          expect(result.problems).toEqual([]);
          expect(result.counts).toMatchObject({ new: 0, changed: 0, invalid: 0 });
          expect(result.counts.unchanged).toBe(table.rows.length);
        },
      ),
      { numRuns: 16 },
    );
  }, 180_000);
});

describe("import of products", () => {
  const header = "Kennung;Name;Hersteller;Lebenszyklus;Leistungsbereiche;Beschreibung";

  it("previews new, changed and invalid products, commits nothing while one is invalid, then once", async () => {
    const before = await snapshot();
    const broken = csv(
      header,
      "test-ewo;Einwohner Test;Testhersteller;aktiv;einwohnerwesen;Neu ",
      "Falsche Kennung;X;Y;aktiv;einwohnerwesen;",
      "test-zwei;Zwei;Z;verboten;gibt-es-nicht;",
    );
    const preview = await run(broken);
    expect(preview.committed).toBe(false);
    expect(preview.counts).toEqual({ new: 1, changed: 0, unchanged: 0, invalid: 2 });
    // Row 4 has a bad Lebenszyklus and an unknown Leistungsbereich: both are reported in one
    // pass (issue 16, defect 5; this test expected only the first before).
    expect(preview.problems.map((problem) => [problem.row, problem.column])).toEqual([
      [3, "Kennung"],
      [4, "Lebenszyklus"],
      [4, "Leistungsbereiche"],
    ]);
    expect(preview.problems[1]?.message).toMatch(/„Lebenszyklus“ ist kein zulässiger Wert/);
    expect(await snapshot()).toBe(before);

    const fixed = csv(
      header,
      "test-ewo;Einwohner Test;Testhersteller;aktiv;einwohnerwesen, dms-eakte;Neu",
    );
    const committed = await run(fixed);
    expect(committed).toMatchObject({ committed: true, counts: { new: 1, invalid: 0 } });
    const [product] = await database.db.query<{ quality: string; domains: string[] }>(sql`
      SELECT p.quality, array_agg(d.domain_id ORDER BY d.domain_id) AS domains
      FROM product p JOIN product_domain d ON d.product_id = p.id WHERE p.id = 'test-ewo' GROUP BY p.quality`);
    expect(product).toEqual({ quality: "user", domains: ["dms-eakte", "einwohnerwesen"] });
    expect(await run(fixed)).toMatchObject({
      committed: false,
      counts: { new: 0, changed: 0, unchanged: 1 },
    });
  });

  it("reports every problem of a rejected row in one pass, its Leistungsbereiche included (issue 16, defect 5)", async () => {
    const preview = await run(
      csv(header, "Falsche Kennung;X;Y;verboten;gibt-es-nicht, einwohnerwesen, auch-nicht;"),
    );
    expect(preview.counts.invalid).toBe(1);
    expect(preview.problems.map((problem) => [problem.column, problem.value])).toEqual([
      ["Lebenszyklus", "verboten"],
      ["Kennung", "Falsche Kennung"],
      ["Leistungsbereiche", "gibt-es-nicht"],
      ["Leistungsbereiche", "auch-nicht"],
    ]);
  });

  it("lets only administrators change the catalogue", async () => {
    const result = await run(
      csv(header, "test-ewo-2;Einwohner Test;Testhersteller;aktiv;einwohnerwesen;"),
      detmold,
    );
    expect(result.committed).toBe(false);
    expect(result.problems[0]?.message).toMatch(/nur Administratorinnen und Administratoren/);
  });
});

describe("import of Kommunen", () => {
  it("updates postcode and website of existing Kommunen by AGS or ARS and never creates one", async () => {
    const before = await snapshot();
    const invented = await run(
      csv(
        "AGS;Name;Website",
        "5766999;Erfundenheim;www.example.org",
        "5766020;Detmold;www.detmold.de",
      ),
    );
    expect(invented.committed).toBe(false);
    expect(invented.problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: "Schlüssel",
        value: "05766999",
        message: expect.stringMatching(/werden nicht per Import angelegt/),
      }),
    ]);
    expect(await snapshot()).toBe(before);

    const result = await run(
      csv("ARS;Postleitzahl;Website", "057660020020;32756;www.detmold.example"),
    );
    expect(result).toMatchObject({ committed: true, counts: { changed: 1, invalid: 0 } });
    const [row] = await database.db.query<{ website: string }>(
      sql`SELECT website FROM organisation WHERE key = '05766020'`,
    );
    expect(row?.website).toBe("www.detmold.example");
    // The changed attributes carry their own provenance now: entered by hand through the import
    // (ADR 0024); the population keeps the Zensus as its official source.
    const facts = await database.db.query<{
      attribute: string;
      quality: string;
      source_document: string | null;
    }>(sql`SELECT attribute, quality, source_document FROM organisation_fact
           WHERE organisation_key = '05766020' ORDER BY attribute`);
    const byAttribute = new Map(facts.map((fact) => [fact.attribute, fact]));
    expect(byAttribute.get("website")).toMatchObject({ quality: "user" });
    expect(byAttribute.get("website")?.source_document).toMatch(/test\.csv/);
    // 32756 was Detmold's postcode already: an unchanged value keeps its official source.
    expect(byAttribute.get("postcode")?.quality).toBe("official");
    expect(byAttribute.get("population")?.quality).toBe("official");
  });

  it("reports an unknown Schlüssel and ARS together, also in a row the sheet check rejected (issue 16, defect 5)", async () => {
    const preview = await run(
      csv("AGS;ARS;Postleitzahl", "5766999;057669999999;32756", "5766998;057669989999;3275"),
    );
    expect(preview.committed).toBe(false);
    expect(preview.counts.invalid).toBe(2);
    expect(preview.problems.map((problem) => [problem.row, problem.column])).toEqual([
      [2, "Schlüssel"],
      [2, "ARS"],
      [3, "Postleitzahl"],
      [3, "Schlüssel"],
      [3, "ARS"],
    ]);
  });

  it("refuses a Kommune-Bearbeiter and columns that are reference data", async () => {
    const refused = await run(csv("AGS;Website", "05766020;www.anders.example"), detmold);
    expect(refused.committed).toBe(false);
    expect(refused.problems[0]?.message).toMatch(/nur Administratorinnen und Administratoren/);
    const unknown = await run(csv("AGS;Website;Gründungsjahr", "05766020;www.detmold.de;1263"));
    expect(unknown.problems[0]?.message).toMatch(/Unbekannte Spalte „Gründungsjahr“/);
  });
});

describe("import of memberships", () => {
  const header = "Schlüssel;IT-Dienstleister;Beziehung;Stand;Belegt ab;Beleg;Quell-URL";

  it("adds a membership, then finds it unchanged, and checks references and URLs", async () => {
    const before = await snapshot();
    const broken = csv(
      header,
      "05766020;gibt-es-nicht;Kunde;2026;01.01.2026;Vertrag;https://example.org/a",
      "05766020;owl-it;Kunde;2026;01.01.2026;Vertrag;ftp://example.org/a",
    );
    const preview = await run(broken);
    expect(preview.counts.invalid).toBe(2);
    expect(preview.problems.map((problem) => problem.column)).toEqual([
      "IT-Dienstleister",
      "Quell-URL",
    ]);
    expect(await snapshot()).toBe(before);

    const good = csv(
      header,
      "5766020;owl-it;Kunde;2026;01.01.2026;Vertrag vom 1.1.2026;https://example.org/a | https://example.org/b",
    );
    expect(await run(good)).toMatchObject({ committed: true, counts: { new: 1 } });
    const [row] = await database.db.query<{ urls: string[]; attested_to: string }>(sql`
      SELECT source_urls AS urls, attested_to::text FROM membership
      WHERE organisation_key = '05766020' AND provider_id = 'owl-it' AND relation = 'kunde'`);
    expect(row).toEqual({
      urls: ["https://example.org/a", "https://example.org/b"],
      attested_to: "2026-01-01",
    });
    expect(await run(good)).toMatchObject({ committed: false, counts: { unchanged: 1 } });
  });

  it("reports an unknown Kommune and IT-Dienstleister also in a row with a bad URL, in one pass (issue 16, defect 5)", async () => {
    const preview = await run(
      csv(header, "05999999;gibt-es-nicht;Kunde;2026;01.01.2026;Vertrag;ftp://example.org/a"),
    );
    expect(preview.counts.invalid).toBe(1);
    expect(preview.problems.map((problem) => problem.column).sort()).toEqual([
      "IT-Dienstleister",
      "Quell-URL",
      "Schlüssel",
    ]);
  });

  it("reports an unreadable cell together with the row's other problems (issue 16, defect 5)", async () => {
    const preview = await run(
      csv(header, "05999999;owl-it;Kunde;2026;32.13.2026;Vertrag;ftp://example.org/a"),
    );
    expect(preview.counts.invalid).toBe(1);
    expect(preview.problems.map((problem) => problem.column).sort()).toEqual([
      "Belegt ab",
      "Quell-URL",
      "Schlüssel",
    ]);
  });

  it("keeps the replaced version of a sourced membership with its source when an import updates it", async () => {
    const [sourced] = await database.db.query<{ id: number; urls: string[]; as_of: string }>(sql`
      SELECT id, source_urls AS urls, as_of FROM membership
      WHERE organisation_key = '05766020' AND provider_id = 'krz' AND quality = 'sourced'`);
    if (!sourced) throw new Error("Detmold hat keine belegte Mitgliedschaft im krz");
    const update = csv(
      header,
      "05766020;krz;Verbandsmitglied;2026;01.02.2026;Satzung 2026;https://example.org/satzung",
    );
    expect(await run(update)).toMatchObject({ committed: true, counts: { changed: 1 } });
    const [kept] = await database.db.query<{
      urls: string[];
      as_of: string;
      quality: string;
      channel: string;
    }>(sql`
      SELECT data->'source_urls' AS urls, data->>'as_of' AS as_of, data->>'quality' AS quality, channel
      FROM fact_version WHERE fact_kind = 'membership' AND fact_id = ${String(sourced.id)}`);
    expect(kept).toEqual({
      urls: sourced.urls,
      as_of: sourced.as_of,
      quality: "sourced",
      channel: "import",
    });
    const [now] = await database.db.query<{ urls: string[]; quality: string }>(sql`
      SELECT source_urls AS urls, quality FROM membership WHERE id = ${sourced.id}`);
    expect(now).toEqual({ urls: ["https://example.org/satzung"], quality: "user" });
  });
});

describe("import of offers", () => {
  const header =
    "IT-Dienstleister;Leistungsbereich;Festpreis (€/Jahr);Preis je Einheit (€);Kapazität;Gültig ab";

  async function openOffers() {
    return database.db.query<{ id: number; valid_from: string; predecessor_id: number | null }>(
      sql`SELECT id, valid_from::text, predecessor_id FROM provider_offer
          WHERE provider_id = 'owl-it' AND domain_id = 'dms-eakte' AND product_id IS NULL
          ORDER BY valid_from`,
    );
  }

  it("adds an offer, ends it with a later version (lineage) and refuses rewriting the past", async () => {
    const first = await run(csv(header, "owl-it;dms-eakte;10.000;2,5;5.000;01.01.2030"), owlIt);
    expect(first).toMatchObject({ committed: true, counts: { new: 1 } });
    const second = await run(
      csv(
        header,
        "owl-it;dms-eakte;10.000;2,5;5.000;01.01.2030",
        "owl-it;dms-eakte;9.000;2,25;;01.07.2030",
      ),
      owlIt,
    );
    expect(second).toMatchObject({ committed: true, counts: { unchanged: 1, changed: 1 } });
    const versions = await openOffers();
    expect(versions.map((version) => version.valid_from)).toEqual(["2030-01-01", "2030-07-01"]);
    expect(versions[1]?.predecessor_id).toBe(versions[0]?.id);
    const past = await run(csv(header, "owl-it;dms-eakte;1;1;;01.03.2030"), owlIt);
    expect(past.committed).toBe(false);
    expect(past.problems[0]).toMatchObject({ column: "Gültig ab", value: "01.03.2030" });
  });

  it("reports an unknown IT-Dienstleister, Leistungsbereich and Produkt also in a row with a bad amount, in one pass (issue 16, defect 5)", async () => {
    const before = await snapshot();
    const preview = await run(
      csv(
        "IT-Dienstleister;Leistungsbereich;Produkt;Festpreis (€/Jahr);Gültig ab",
        "gibt-es-nicht;kein-bereich;kein-produkt;-5;01.01.2030",
        "owl-it;kein-bereich;;10;01.01.2030",
      ),
    );
    expect(preview.committed).toBe(false);
    expect(preview.counts.invalid).toBe(2);
    expect(preview.problems.map((problem) => [problem.row, problem.column])).toEqual([
      [2, "Festpreis (€/Jahr)"],
      [2, "IT-Dienstleister"],
      [2, "Leistungsbereich"],
      [2, "Produkt"],
      [3, "Leistungsbereich"],
    ]);
    expect(await snapshot()).toBe(before);
  });

  it("lets a provider's editor import only its own offers", async () => {
    const before = await snapshot();
    const result = await run(csv(header, "sit;dms-eakte;1;1;;01.01.2030"), owlIt);
    expect(result.committed).toBe(false);
    expect(result.problems[0]?.message).toMatch(/nur die Angebote ihres eigenen IT-Dienstleisters/);
    expect(await snapshot()).toBe(before);
  });
});

describe("one workbook with several entities", () => {
  it("knows a product created in the same file in its offers, and writes all or nothing", async () => {
    const workbook = new ExcelJS.Workbook();
    const products = workbook.addWorksheet("Produkte");
    products.addRow(["Kennung", "Name", "Hersteller", "Lebenszyklus", "Leistungsbereiche"]);
    products.addRow(["mappdms-eakte", "Akte aus der Mappe", "Hersteller", "geplant", "dms-eakte"]);
    const offers = workbook.addWorksheet("Angebote");
    offers.addRow([
      "IT-Dienstleister",
      "Leistungsbereich",
      "Produkt",
      "Festpreis (€/Jahr)",
      "Gültig ab",
    ]);
    offers.addRow(["owl-it", "dms-eakte", "mappdms-eakte", 5000, new Date(Date.UTC(2031, 0, 1))]);
    offers.addRow(["owl-it", "dms-eakte", "gibt-es-nicht", 5000, new Date(Date.UTC(2031, 0, 1))]);
    const before = await snapshot();
    const broken = await run(
      new Uint8Array(await workbook.xlsx.writeBuffer()),
      admin,
      "mappe.xlsx",
    );
    expect(broken.committed).toBe(false);
    expect(broken.counts).toMatchObject({ new: 2, invalid: 1 });
    expect(broken.problems).toEqual([
      expect.objectContaining({ sheet: "Angebote", row: 3, column: "Produkt" }),
    ]);
    expect(await snapshot()).toBe(before);
    offers.spliceRows(3, 1);
    const result = await run(
      new Uint8Array(await workbook.xlsx.writeBuffer()),
      admin,
      "mappe.xlsx",
    );
    expect(result).toMatchObject({ committed: true, counts: { new: 2, invalid: 0 } });
  });
});

describe("fuzzed rows of every entity", () => {
  const headers: Record<string, string[]> = {
    Kommunen: ["Schlüssel", "ARS", "Postleitzahl", "Website"],
    Produkte: ["Kennung", "Name", "Hersteller", "Lebenszyklus", "Leistungsbereiche"],
    Mitgliedschaften: ["Schlüssel", "IT-Dienstleister", "Beziehung", "Belegt ab", "Quell-URL"],
    Angebote: [
      "IT-Dienstleister",
      "Leistungsbereich",
      "Festpreis (€/Jahr)",
      "Gültig ab",
      "Gültig bis",
    ],
  };
  const cell = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.integer(),
    fc.double({ noNaN: false }),
    fc.constantFrom("=1+1", "-5", "05766020", "owl-it", "31.02.2026", "", "   ", "@SUM(A1)"),
    fc.date({ noInvalidDate: true }),
    fc.constant(null),
  );

  it("reports clear problems, writes nothing when a row is invalid and never crashes (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(headers)),
        fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        async (sheetName, rows) => {
          const workbook = new ExcelJS.Workbook();
          const sheet = workbook.addWorksheet(sheetName);
          const header = headers[sheetName] ?? [];
          sheet.addRow(header);
          for (const row of rows) sheet.addRow(row.slice(0, header.length));
          const before = await snapshot();
          const result = await run(
            new Uint8Array(await workbook.xlsx.writeBuffer()),
            admin,
            "fuzz.xlsx",
          );
          for (const problem of result.problems) {
            expect(problem.message.length).toBeGreaterThan(10);
            expect(problem.sheet).toBe(sheetName);
          }
          if (result.counts.invalid > 0) {
            expect(result.committed).toBe(false);
            expect(result.problems.length).toBeGreaterThan(0);
            expect(await snapshot()).toBe(before);
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 180_000);
});
