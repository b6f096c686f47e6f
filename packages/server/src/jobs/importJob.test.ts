import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { loadImportReferences, sql } from "@it-atlas/db";
import { useTestDatabase } from "@it-atlas/db/testing";
import type { ImportResult } from "@it-atlas/domain";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_UPLOAD_LIMITS } from "../config.ts";
import { runImport, type CheckedImportFile } from "../import/importService.ts";
import { importActor } from "../import/importTesting.ts";
import { receiveUpload } from "../services/importUploadService.ts";
import { authHeaders } from "../testing/signedIn.ts";
import { CpuPool } from "../workers/cpuPool.ts";
import type { JobContext } from "./JobRunner.ts";
import { importJobHandler } from "./importJob.ts";

const database = useTestDatabase();

afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * A sourcing CSV of `rows` rows from 2031 on (Kommune × Leistungsbereich × month): every row
 * changes the stored version, so there are more field changes than the report lists.
 */
async function sourcingCsv(rows: number): Promise<Uint8Array> {
  const references = await loadImportReferences(database.db);
  const kommunen = references.organisations.filter(
    (organisation) => organisation.kind === "gemeinde" || organisation.kind === "kreis",
  );
  const domains = references.domains.filter((domain) => !domain.isGroup);
  const pairs = kommunen.length * domains.length;
  const lines = ["AGS;Leistungsbereich;Betriebsmodell;Laufende Kosten (€/Jahr);Gültig ab"];
  for (let index = 0; index < rows; index += 1) {
    const pair = index % pairs;
    const month = Math.floor(index / pairs);
    lines.push(
      [
        kommunen[pair % kommunen.length]?.key,
        domains[Math.floor(pair / kommunen.length)]?.id,
        index % 2 === 0 ? "Eigener Betrieb" : "Land",
        String(1000 + index),
        `01.${String(month + 1).padStart(2, "0")}.2031`,
      ].join(";"),
    );
  }
  // A row with an unknown Kommune, so the file has a problem too.
  lines.push("09999999;einwohnerwesen;Land;1;01.01.2031");
  return new TextEncoder().encode(lines.join("\r\n"));
}

/** Stores `bytes` as an upload of a new administrator; returns the job payload. */
async function stored(bytes: Uint8Array, commit: boolean, fileName = "bezuege.csv") {
  await authHeaders(database.db, "administrator");
  const [user] = await database.db.query<{ id: number }>(
    sql`SELECT id FROM app_user ORDER BY id DESC LIMIT 1`,
  );
  const userId = user?.id ?? 0;
  const received = await receiveUpload(database.db, Readable.from([Buffer.from(bytes)]), {
    fileName,
    userId,
    limits: DEFAULT_UPLOAD_LIMITS,
    declaredBytes: bytes.byteLength,
    start: async (_tx, done) => done,
  });
  return { uploadId: received.uploadId, commit, userId };
}

const context = { progress: async () => {} } as unknown as JobContext;

describe("import job: the comparison with the stored versions runs in the worker pool", () => {
  it("compares Bezüge inside the pool's check, so their rows never reach the event loop, with the same result as in this thread", async () => {
    const bytes = await sourcingCsv(12_000);
    const payload = await stored(bytes, false);
    const run = vi.spyOn(CpuPool.prototype, "run");
    const inPool = (await importJobHandler(database.db).run(payload, context)) as ImportResult;

    const tasks = run.mock.calls.map(([task]) => task);
    expect(tasks).toEqual(["import.check"]);
    const input = run.mock.calls[0]?.[1] as { sourcing?: { versions: unknown[] } };
    expect(input.sourcing?.versions.length).toBeGreaterThan(1000);
    const checked = (await run.mock.results[0]?.value) as CheckedImportFile;
    expect(checked.rows.has("sourcing")).toBe(false);
    expect(checked.sourcingPlan?.counts.changed).toBeGreaterThan(1000);
    // The writes cross as bytes in chunks, not as 12,000 objects.
    expect(checked.sourcingPlan?.writes.inserts.length).toBeGreaterThan(1);
    expect(checked.sourcingPlan?.writes.inserts.every((chunk) => chunk instanceof Uint8Array)).toBe(
      true,
    );

    const inThread = await runImport(database.db, bytes, {
      fileName: "bezuege.csv",
      actor: importActor({ role: "administrator" }),
      commit: false,
    });
    expect(inPool).toEqual(inThread);
    expect(inPool.counts.invalid).toBe(1);
    expect(inPool.counts.new + inPool.counts.changed).toBe(12_000);
    // Only the first field changes and problems are listed; the totals count all of them.
    expect(inPool.fieldChanges).toHaveLength(1000);
    expect(inPool.fieldChangeCount).toBeGreaterThan(1000);
    expect(inPool.problemCount).toBe(1);
  });

  it("keeps the event loop free while the pool compares a large file: a timer keeps firing", async () => {
    const bytes = await sourcingCsv(30_000);
    const payload = await stored(bytes, false);
    let ticks = 0;
    let ticksDuringCheck = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    const original = Reflect.get<CpuPool, "run">(CpuPool.prototype, "run");
    vi.spyOn(CpuPool.prototype, "run").mockImplementation(async function (this: CpuPool, ...args) {
      const before = ticks;
      try {
        return await original.apply(this, args);
      } finally {
        ticksDuringCheck = ticks - before;
      }
    });
    try {
      const result = (await importJobHandler(database.db).run(payload, context)) as ImportResult;
      expect(result.counts.new + result.counts.changed).toBe(30_000);
    } finally {
      clearInterval(timer);
    }
    // Reading, checking and comparing 30,000 rows takes far longer than 5 ms in the worker;
    // the timer of this thread fires meanwhile (a generous bound, no timing).
    expect(ticksDuringCheck).toBeGreaterThan(3);
  });

  it("compares the Bezüge of a workbook with products in a second pool task, after the products", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Produkte").addRows([
      ["Kennung", "Name", "Hersteller", "Lebenszyklus", "Leistungsbereiche"],
      ["jobdms-eakte", "Akte im Auftrag", "Hersteller", "geplant", "dms-eakte"],
    ]);
    workbook.addWorksheet("Bezüge").addRows([
      ["AGS", "Leistungsbereich", "Betriebsmodell", "Produkt", "Gültig ab"],
      ["05766020", "dms-eakte", "Eigener Betrieb", "jobdms-eakte", "01.01.2033"],
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const payload = await stored(bytes, false, "mappe.xlsx");
    const run = vi.spyOn(CpuPool.prototype, "run");
    const result = (await importJobHandler(database.db).run(payload, context)) as ImportResult;
    expect(run.mock.calls.map(([task]) => task)).toEqual(["import.check", "import.planSourcing"]);
    expect(result.problems).toEqual([]);
    expect(result.counts).toMatchObject({ new: 1, changed: 1, invalid: 0 });
  });

  it("writes a committed import exactly once with the pool's prepared writes", async () => {
    const bytes = await sourcingCsv(6000);
    const count = async () =>
      (
        await database.db.query<{ count: number }>(
          sql`SELECT count(*)::int AS count FROM sourcing WHERE valid_from >= '2031-01-01'`,
        )
      )[0]?.count ?? 0;
    const before = await count();
    const valid = new TextDecoder().decode(bytes).split("\r\n").slice(0, -1).join("\r\n");
    const result = (await importJobHandler(database.db).run(
      await stored(new TextEncoder().encode(valid), true),
      context,
    )) as ImportResult;
    expect(result).toMatchObject({ committed: true, counts: { invalid: 0 } });
    expect((await count()) - before).toBe(result.counts.new + result.counts.changed);
    // Every new version points to the one it follows (lineage), as with single edits.
    const [broken] = await database.db.query<{ count: number }>(sql`
      SELECT count(*)::int AS count FROM sourcing s
      WHERE s.valid_from >= '2031-01-01' AND s.predecessor_id IS NULL
        AND EXISTS (SELECT 1 FROM sourcing o WHERE o.organisation_key = s.organisation_key
                      AND o.domain_id = s.domain_id AND o.valid_from < s.valid_from)`);
    expect(broken?.count).toBe(0);
  });
});
