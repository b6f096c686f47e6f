import { sql } from "@it-atlas/db";
import { useTestDatabase } from "@it-atlas/db/testing";
import { describe, expect, it } from "vitest";
import { runCli } from "../runCli.ts";

const database = useTestDatabase();

function capture() {
  const lines = { out: [] as string[], err: [] as string[] };
  return {
    lines,
    output: {
      out: (line: string) => lines.out.push(line),
      err: (line: string) => lines.err.push(line),
    },
  };
}

const run = (argv: string[], output: ReturnType<typeof capture>["output"]) =>
  runCli(argv, output, () => Promise.resolve(database.db), false);

describe("atlas demo remove", () => {
  it("refuses anything but `demo remove` with exit code 2", async () => {
    const { lines, output } = capture();
    expect(await run(["demo"], output)).toBe(2);
    expect(await run(["demo", "entfernen"], output)).toBe(2);
    expect(lines.err).toEqual([
      "Aufruf: npm run atlas -- demo remove",
      "Aufruf: npm run atlas -- demo remove",
    ]);
  });

  it("removes the synthetic rows and keeps a sourcing row a person entered", async () => {
    const db = database.db;
    // A person's own row, in a pair the demo also fills (it closes the demo row).
    const [demo] = await db.query<{ organisation_key: string; domain_id: string }>(sql`
      SELECT organisation_key, domain_id FROM sourcing
      WHERE quality = 'demo' AND valid_to IS NULL AND valid_from < '2026-01-01' ORDER BY id LIMIT 1`);
    await db.query(sql`UPDATE sourcing SET valid_to = '2026-10-01'
      WHERE organisation_key = ${demo!.organisation_key} AND domain_id = ${demo!.domain_id} AND valid_to IS NULL`);
    await db.query(sql`INSERT INTO sourcing (organisation_key, domain_id, operating_model, running_cost,
        valid_from, predecessor_id, quality)
      SELECT ${demo!.organisation_key}, ${demo!.domain_id}, 'eigenbetrieb', 777, '2026-10-01', max(id), 'self_reported'
      FROM sourcing WHERE organisation_key = ${demo!.organisation_key} AND domain_id = ${demo!.domain_id}`);

    const { lines, output } = capture();
    expect(await run(["demo", "remove"], output)).toBe(0);
    expect(lines.out[0]).toMatch(
      /^Demodaten entfernt: [1-9][\d.]* Bezüge, \d+ Angebote, \d+ Produkte/,
    );
    const rows = await db.query<{ quality: string; running_cost: string }>(sql`
      SELECT quality, running_cost::text AS running_cost FROM sourcing`);
    expect(rows).toEqual([{ quality: "self_reported", running_cost: "777.00" }]);

    const second = capture();
    expect(await run(["demo", "remove"], second.output)).toBe(0);
    expect(second.lines.out[0]).toBe("Keine Demodaten vorhanden – es wurde nichts entfernt.");
  });
});
