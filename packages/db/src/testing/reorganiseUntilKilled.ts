/**
 * Test helper process: opens a database (PGlite folder or PostgreSQL URL), starts a merger in
 * a transaction and stops in the middle ("MITTE" on stdout) until it is killed. Used to prove
 * that a reorganisation is atomic: the parent kills it with SIGKILL and inspects the state.
 */
import { openDatabase } from "../client/openDatabase.ts";
import { applyReorganisation } from "../repositories/reorganisationRepository.ts";

const [target] = process.argv.slice(2);
if (!target) {
  process.stderr.write("Aufruf: reorganiseUntilKilled.ts <PGlite-Ordner | postgres://…>\n");
  process.exit(2);
}
const db = await openDatabase(
  target.startsWith("postgres") ? { databaseUrl: target, dataDir: "" } : { dataDir: target },
);
await db.transaction((tx) =>
  applyReorganisation(
    tx,
    {
      kind: "merger",
      sourceProviderIds: ["sit", "krzn"],
      target: { providerId: "nrw-west-it", shortName: "NRW-West-IT", name: "NRW-West-IT (Test)" },
      effectiveDate: "2026-01-01",
    },
    {
      async checkpoint(step) {
        if (step !== "after-sourcing") return;
        process.stdout.write("MITTE\n");
        // Wait to be killed, in the middle of the open transaction.
        await new Promise(() => undefined);
      },
    },
  ),
);
