import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "@it-atlas/db";
import { useTestDatabase } from "@it-atlas/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../runCli.ts";

const database = useTestDatabase();
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "atlas-cli-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function run(argv: string[]) {
  const lines = { out: [] as string[], err: [] as string[] };
  const code = await runCli(
    argv,
    { out: (line) => lines.out.push(line), err: (line) => lines.err.push(line) },
    () => Promise.resolve(database.db),
    false,
  );
  return { code, ...lines };
}

async function sourcingCount(): Promise<number> {
  const [row] = await database.db.query<{ count: number }>(
    sql`SELECT count(*)::int AS count FROM sourcing`,
  );
  return row?.count ?? 0;
}

describe("atlas export and import", () => {
  it("exports every format and imports its own CSV export without changes", async () => {
    for (const format of ["xlsx", "csv", "geojson", "archimate"]) {
      const out = join(folder, `landschaft.${format}`);
      const result = await run(["export", "--format", format, "--out", out]);
      expect(result.code, result.err.join("\n")).toBe(0);
      expect(result.out[0]).toMatch(/geschrieben/);
      expect((await readFile(out)).byteLength).toBeGreaterThan(1000);
    }
    const result = await run(["import", join(folder, "landschaft.csv"), "--dry-run"]);
    expect(result.code, result.err.join("\n")).toBe(0);
    expect(result.out[0]).toMatch(/^Neu: 0 · geändert: 0 · unverändert: [\d.]+ · fehlerhaft: 0$/);
    expect(result.err.some((line) => /\[#+\.*\]\s+\d+ %/.test(line))).toBe(true);
  });

  it("exits with 1, prints the problems and writes nothing when a row is invalid", async () => {
    const file = join(folder, "fehler.csv");
    await writeFile(
      file,
      "AGS;Leistungsbereich;Betriebsmodell;Gültig ab\r\n5766020;einwohnerwesen;Land;01.01.2041\r\n05766020;gibtsnicht;Land;01.01.2041\r\n",
    );
    const before = await sourcingCount();
    const result = await run(["import", file]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      "fehler.csv, Zeile 3, Spalte „Leistungsbereich“, Wert „gibtsnicht“: Es gibt keinen Leistungsbereich „gibtsnicht“ (Liste im Blatt „Werte“ der Vorlage).",
    );
    expect(await sourcingCount()).toBe(before);
  });

  it("imports a valid file, and a second run changes nothing", async () => {
    const file = join(folder, "gut.csv");
    await writeFile(
      file,
      "AGS;Leistungsbereich;Betriebsmodell;Gültig ab\r\n5766020;einwohnerwesen;Land;01.01.2041\r\n",
    );
    expect((await run(["import", file])).out).toContain("Import gespeichert.");
    const again = await run(["import", file]);
    expect(again.code).toBe(0);
    expect(again.out).toContain("Keine Änderungen – nichts zu speichern.");
  });

  it("explains how to call export", async () => {
    const result = await run(["export", "--format", "pdf"]);
    expect(result.code).toBe(2);
    expect(result.err[0]).toMatch(/^Aufruf: npm run atlas -- export --format/);
  });
});
