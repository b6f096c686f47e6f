import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, inject, it } from "vitest";
import type { Database } from "../client/Database.ts";
import { PgliteDatabase } from "../client/PgliteDatabase.ts";
import { sql } from "../client/sql.ts";
import { createTestDatabase } from "../testing/testDatabase.ts";

const HELPER = fileURLToPath(new URL("../testing/reorganiseUntilKilled.ts", import.meta.url));

interface Snapshot {
  providers: Array<{ id: string; status: string; successor_id: string | null }>;
  sourcings: number;
  sitRows: number;
  reorganisations: number;
}

async function snapshot(db: Database): Promise<Snapshot> {
  const providers = await db.query<Snapshot["providers"][number]>(
    sql`SELECT id, status, successor_id FROM provider ORDER BY id`,
  );
  const [counts] = await db.query<Omit<Snapshot, "providers">>(sql`
    SELECT (SELECT count(*)::int FROM sourcing) AS sourcings,
           (SELECT count(*)::int FROM sourcing WHERE provider_id = 'sit' AND valid_to IS NULL) AS "sitRows",
           (SELECT count(*)::int FROM reorganisation) AS reorganisations`);
  if (!counts) throw new Error("keine Zählung");
  return { providers, ...counts };
}

/** Runs the helper until it reports the middle of the merger, then kills it hard. */
async function killInTheMiddle(target: string): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", HELPER, target], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Hilfsprozess erreichte die Mitte nicht: ${stderr}`)),
      60_000,
    );
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("MITTE")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Hilfsprozess endete vorzeitig (${code}): ${stderr}`));
    });
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

describe("reorganisation atomicity", () => {
  it("leaves the old state intact when the process is killed in the middle of a merger", async () => {
    const template = inject("testTemplate");
    if (template.engine === "pglite") {
      const folder = await mkdtemp(join(tmpdir(), "atlas-kill-"));
      try {
        const seeded = await PgliteDatabase.open({
          dataDir: folder,
          loadDataDir: new Blob([await readFile(template.dumpPath)]),
        });
        const before = await snapshot(seeded);
        await seeded.close();
        expect(before.sitRows).toBeGreaterThan(0);

        await killInTheMiddle(folder);

        const reopened = await PgliteDatabase.open({ dataDir: folder });
        try {
          expect(await snapshot(reopened)).toEqual(before);
        } finally {
          await reopened.close();
        }
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
      return;
    }
    const database = await createTestDatabase(template);
    try {
      const before = await snapshot(database.db);
      expect(before.sitRows).toBeGreaterThan(0);
      await killInTheMiddle(database.url ?? "");
      expect(await snapshot(database.db)).toEqual(before);
    } finally {
      await database.dispose();
    }
  });
});
