/**
 * „Preis der Vorgabe“ of the bundled template „Spezialisierung Einwohnerwesen“ (statewide, on
 * the demo landscape, in-memory PGlite): the plan as the scenario job solves it (30 s), then
 * every constraint group's price within the same budget (ADR 0023). Prints a table.
 */
import {
  createScenario,
  migrate,
  PgliteDatabase,
  seedDemoLandscape,
  seedReferenceData,
} from "@it-atlas/db";
import {
  constraintGroupLabel,
  costAboveIstExplanation,
  specialisationPreset,
} from "@it-atlas/domain";
import { buildScenarioModel, solveBuiltModel } from "@it-atlas/server";
import { priceConstraints } from "@it-atlas/solver";
import { printTable } from "./printTable.ts";

const TIME_LIMIT = Number(process.env.ATLAS_BENCH_TIME_LIMIT ?? 30);
const whole = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 0 });
const money = (value: number | null) => (value === null ? "–" : `${whole.format(value)} €`);

/** Solves the statewide template and prices its constraint groups. */
export async function constraintPricesBenchmark(): Promise<void> {
  const db = await PgliteDatabase.open({});
  try {
    await migrate(db);
    await seedReferenceData(db);
    await seedDemoLandscape(db, true);
    const baseDate = new Date().toISOString().slice(0, 10);
    const id = await db.transaction((tx) =>
      createScenario(
        tx,
        {
          name: "Spezialisierung Einwohnerwesen",
          description: null,
          definition: specialisationPreset(baseDate),
          assignments: [],
        },
        "bench",
      ),
    );
    const built = await buildScenarioModel(db, id);
    if (!built.ok) throw new Error(built.message);
    let started = performance.now();
    const record = await solveBuiltModel(built, {
      timeLimitSeconds: TIME_LIMIT,
      relativeGap: 1e-3,
    });
    const planSeconds = (performance.now() - started) / 1000;
    if (record.objective === null || record.bound === null || !record.plan) {
      process.stdout.write(`Kein Plan: ${record.message ?? record.status}\n`);
      return;
    }
    started = performance.now();
    const prices = await priceConstraints(
      built.input,
      { objective: record.objective, bound: record.bound },
      { timeLimitSeconds: TIME_LIMIT, relativeGap: 1e-3 },
    );
    const priceSeconds = (performance.now() - started) / 1000;
    printTable(
      `Preis der Vorgabe: Spezialisierung Einwohnerwesen landesweit (${built.input.demands.length} Bezüge; Plan ${planSeconds.toFixed(1)} s, Lücke ${((record.gap ?? 0) * 100).toFixed(2)} %, Einsparung ${money(record.plan.savingPerYear)}; Preise ${priceSeconds.toFixed(1)} s)`,
      ["Vorgabe", "Anzahl", "Preis je Jahr", "mindestens", "höchstens", "bewiesen", "s"],
      prices.map((price) => [
        constraintGroupLabel[price.group],
        String(price.instances),
        money(price.pricePerYear),
        money(price.priceLower),
        money(price.priceUpper),
        price.proven ? "ja" : "nein",
        price.seconds.toFixed(1),
      ]),
    );
    process.stdout.write(`\n${costAboveIstExplanation(record.plan.savingPerYear, prices) ?? ""}\n`);
  } finally {
    await db.close();
  }
}
