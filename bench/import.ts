/**
 * Import of a 100,000-row sourcing workbook (issue "Excel und CSV"): target ≤ 10 s end to end
 * on PGlite. Generates the file (Kommunen × Leistungsbereiche × monthly "Gültig ab" days, as
 * a history import), then imports it on PGlite and PostgreSQL and prints the time per phase:
 * reading the XLSX and checking its rows (one step: the server runs it in the worker pool),
 * comparing with the landscape (incl. loading references and versions), writing in one
 * transaction; and a second import of the same file (no changes).
 */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import {
  loadImportReferences,
  migrate,
  PgliteDatabase,
  PostgresDatabase,
  seedDemoLandscape,
  seedReferenceData,
  type Database,
} from "@it-atlas/db";
import { SOURCING_SHEET } from "@it-atlas/domain";
import { runImport } from "@it-atlas/server";
import pg from "pg";
import { printTable } from "./printTable.ts";

const ROWS = Number(process.env.ATLAS_BENCH_IMPORT_ROWS ?? 100_000);
const ADMIN_URL =
  process.env.ATLAS_BENCH_DATABASE_URL ?? "postgres://atlas:atlas@127.0.0.1:5432/postgres";

const ACTOR = {
  principal: {
    kind: "user" as const,
    userId: 0,
    email: "bench",
    displayName: "Benchmark",
    via: "token" as const,
    roles: [{ role: "administrator" as const, organisationKey: null, providerId: null }],
  },
  audit: { actorUserId: null, actorLabel: "bench", via: "cli" as const, requestId: null },
};

/** Builds the workbook: one row per Kommune × domain × month from January 2030 on. */
export async function generateSourcingWorkbook(db: Database, rows: number): Promise<Buffer> {
  const references = await loadImportReferences(db);
  const kommunen = references.organisations.filter(
    (organisation) => organisation.kind === "gemeinde" || organisation.kind === "kreis",
  );
  const domains = references.domains.filter((domain) => !domain.isGroup);
  const pairs = kommunen.length * domains.length;
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useSharedStrings: true,
  });
  const sheet = workbook.addWorksheet(SOURCING_SHEET.sheet);
  const headers = [
    "AGS",
    "Leistungsbereich",
    "Betriebsmodell",
    "Laufende Kosten (€/Jahr)",
    "Menge",
    "Zufriedenheit (1–5)",
    "Gültig ab",
  ];
  sheet.addRow(headers).commit();
  let random = 42;
  const next = () => (random = (random * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  for (let index = 0; index < rows; index += 1) {
    const pair = index % pairs;
    const month = Math.floor(index / pairs);
    const kommune = kommunen[pair % kommunen.length];
    const domain = domains[Math.floor(pair / kommunen.length)];
    sheet
      .addRow([
        Number(kommune?.key), // as Excel keeps it: a number without the leading zero
        domain?.id,
        next() < 0.5 ? "Eigener Betrieb" : "Land",
        Math.round(next() * 50_000_000) / 100,
        Math.round(next() * 100_000),
        1 + Math.floor(next() * 5),
        new Date(Date.UTC(2030, month, 1)),
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

async function prepare(db: Database): Promise<void> {
  await migrate(db);
  await seedReferenceData(db);
  await seedDemoLandscape(db, true);
}

/** Runs one import and returns the milliseconds of each phase (from the progress reports). */
async function timedImport(
  db: Database,
  file: Buffer,
): Promise<{ phases: number[]; total: number; changed: number }> {
  const marks: Array<[number, number]> = [];
  const started = performance.now();
  const result = await runImport(db, file, {
    fileName: "bench.xlsx",
    actor: ACTOR,
    commit: true,
    progress: (fraction) => {
      marks.push([fraction, performance.now()]);
      return Promise.resolve();
    },
  });
  const total = performance.now() - started;
  if (result.counts.invalid > 0)
    throw new Error(`Benchmark-Datei hat Fehler: ${JSON.stringify(result.problems.slice(0, 3))}`);
  const at = (fraction: number) => marks.find(([value]) => value === fraction)?.[1];
  const bounds = [started, at(0.45), at(0.6) ?? at(1), performance.now()].map(
    (value) => value ?? started,
  );
  return {
    phases: bounds.slice(1).map((value, index) => value - (bounds[index] ?? value)),
    total,
    changed: result.counts.new + result.counts.changed,
  };
}

/** Generates the workbook and imports it twice on each engine. */
export async function importBenchmark(): Promise<void> {
  const rows: string[][] = [];
  const engines: Array<
    [string, () => Promise<{ db: Database; drop: () => Promise<void> } | undefined>]
  > = [
    [
      "PGlite",
      async () => {
        const db = await PgliteDatabase.open({});
        return { db, drop: () => db.close() };
      },
    ],
    [
      "PostgreSQL 15",
      async () => {
        const admin = new pg.Client({ connectionString: ADMIN_URL });
        try {
          await admin.connect();
        } catch {
          return undefined;
        }
        const name = `atlas_bench_import_${process.pid}`;
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        await admin.query(`CREATE DATABASE ${name}`);
        const url = new URL(ADMIN_URL);
        url.pathname = `/${name}`;
        const db = await PostgresDatabase.open(url.toString(), 2);
        return {
          db,
          drop: async () => {
            await db.close();
            await admin.query(`DROP DATABASE ${name}`);
            await admin.end();
          },
        };
      },
    ],
  ];
  let file: Buffer | undefined;
  for (const [engine, open] of engines) {
    const opened = await open();
    if (!opened) {
      rows.push([engine, "nicht erreichbar", "–", "–", "–", "–", "–"]);
      continue;
    }
    try {
      await prepare(opened.db);
      if (!file) {
        const started = performance.now();
        file = await generateSourcingWorkbook(opened.db, ROWS);
        process.stdout.write(
          `Datei erzeugt: ${ROWS.toLocaleString("de-DE")} Zeilen, ${(file.byteLength / 1024 / 1024).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
        );
      }
      for (const run of ["1. Import", "2. Import (gleiche Datei)"]) {
        const { phases, total, changed } = await timedImport(opened.db, file);
        rows.push([
          engine,
          run,
          changed.toLocaleString("de-DE"),
          ...phases.map((ms) => (ms / 1000).toFixed(2)),
          (total / 1000).toFixed(2),
        ]);
      }
    } finally {
      await opened.drop();
    }
  }
  printTable(
    `Import einer Bezüge-Arbeitsmappe mit ${ROWS.toLocaleString("de-DE")} Zeilen (Sekunden; Ziel ≤ 10 s auf PGlite)`,
    [
      "Engine",
      "Lauf",
      "geschrieben",
      "XLSX lesen + Zeilen prüfen",
      "Abgleich",
      "Schreiben",
      "gesamt",
    ],
    rows,
  );
}
