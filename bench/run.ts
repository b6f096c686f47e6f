/**
 * `npm run bench -- <name>`: benchmarks print tables and never fail on timings.
 * Names: cold-start, seed, landscape, import, solver, workers, event-loop, load,
 * constraint-prices, uploads, lighthouse
 */
import { coldStart } from "./coldStart.ts";
import { constraintPricesBenchmark } from "./constraintPrices.ts";
import { eventLoopBenchmark } from "./eventLoop.ts";
import { importBenchmark } from "./import.ts";
import { landscapeBenchmark } from "./landscape.ts";
import { lighthouseBenchmark } from "./lighthouse.ts";
import { loadBenchmark } from "./load.ts";
import { seedBenchmark } from "./seed.ts";
import { solverBenchmark } from "./solver.ts";
import { uploadsBenchmark } from "./uploads.ts";
import { workersBenchmark } from "./workers.ts";

const BENCHMARKS: Record<string, () => Promise<void>> = {
  "cold-start": coldStart,
  seed: seedBenchmark,
  landscape: landscapeBenchmark,
  import: importBenchmark,
  solver: solverBenchmark,
  uploads: uploadsBenchmark,
  workers: workersBenchmark,
  "event-loop": eventLoopBenchmark,
  load: loadBenchmark,
  "constraint-prices": constraintPricesBenchmark,
  lighthouse: lighthouseBenchmark,
};

const requested = process.argv.slice(2);
const names = requested.length > 0 ? requested : Object.keys(BENCHMARKS);
for (const name of names) {
  const benchmark = BENCHMARKS[name];
  if (!benchmark) {
    process.stderr.write(
      `Unbekannter Benchmark „${name}“. Verfügbar: ${Object.keys(BENCHMARKS).join(", ")}\n`,
    );
    process.exit(2);
  }
  await benchmark();
}
