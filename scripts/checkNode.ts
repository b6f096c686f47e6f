/**
 * `npm run check:node` (also the first step of `npm start`, `npm test` and CI): prints the
 * Node.js in use and fails when it is not the supported one or when a locked dependency
 * declares an `engines.node` range that excludes it (ADR 0026).
 */
import {
  engineMismatches,
  nodeRuntimeProblem,
  readLockfile,
  requiredNodeRange,
} from "./nodeRuntime.ts";

const range = requiredNodeRange();
process.stdout.write(
  `[node] Node.js ${process.version} (${process.execPath}), verlangt ${range}\n`,
);

const problem = nodeRuntimeProblem(process.version, range);
if (problem) {
  process.stderr.write(`[node] FEHLER: ${problem}\n`);
  process.exit(1);
}

const mismatches = engineMismatches(readLockfile(), process.version);
if (mismatches.length > 0) {
  process.stderr.write(
    `[node] FEHLER: ${mismatches.length} Abhängigkeit(en) laufen laut „engines“ nicht auf Node.js ${process.version}:\n`,
  );
  for (const mismatch of mismatches) {
    process.stderr.write(
      `  ${mismatch.path}@${mismatch.version} verlangt node ${mismatch.required}${mismatch.dev ? " (Entwicklung)" : ""}\n`,
    );
  }
  process.exit(1);
}
