/**
 * Optimiser benchmark: our solver (Lagrangian bounds, candidate MIPs, decomposition) against
 * HiGHS on the monolithic model, on the same seeded instances. Each case runs in its own
 * process (bench/solverCase.ts) so that peak memory (maxRSS incl. worker threads) is its own.
 *
 * Targets (issue "Optimierer"), 2-core machine: NRW full scenario proven within 0.1 % in ≤ 10 s;
 * Germany (10,800 × 30 × 150) within 1 % in ≤ 60 s and ≤ 4 GB; solve-flp 10,800 × 150 within
 * 1 % in ≤ 60 s. Benchmarks never fail the build.
 *
 * Environment: ATLAS_BENCH_SOLVER_CASES (comma list, default all), ATLAS_BENCH_SOLVER_SECONDS
 * (time limit, default 60), ATLAS_BENCH_FLP_CUSTOMERS / _FACILITIES (default 10800 / 150),
 * ATLAS_BENCH_DE_KOMMUNEN (default 10800).
 */
import { spawn } from "node:child_process";
import { printTable } from "./printTable.ts";
import type { CaseResult } from "./solverCase.ts";

const ROOT = new URL("..", import.meta.url).pathname;

const format = new Intl.NumberFormat("de-DE");
const flpSize = `${format.format(Number(process.env.ATLAS_BENCH_FLP_CUSTOMERS ?? 10_800))} × ${format.format(Number(process.env.ATLAS_BENCH_FLP_FACILITIES ?? 150))}`;
const germanSize = `${format.format(Number(process.env.ATLAS_BENCH_DE_KOMMUNEN ?? 10_800))} × 30 × 150`;

const LABELS: Array<[string, string, string]> = [
  ["flp-u", `solve-flp ${flpSize} unkapazitiert`, "eigener Löser"],
  ["flp-u-mono", `solve-flp ${flpSize} unkapazitiert`, "HiGHS monolithisch"],
  ["flp-c", `solve-flp ${flpSize} kapazitiert`, "eigener Löser"],
  ["flp-c-mono", `solve-flp ${flpSize} kapazitiert`, "HiGHS monolithisch"],
  ["nrw-10", "NRW 427 × 30 × 38, alle Vorgaben", "eigener Löser, 10 s"],
  ["nrw-60", "NRW 427 × 30 × 38, alle Vorgaben", "eigener Löser, Zeitlimit"],
  ["nrw-mono", "NRW 427 × 30 × 38, alle Vorgaben", "HiGHS monolithisch"],
  ["nrw-strategy-10", "NRW 427 × 30 × 38, Strategie-Vorgaben²", "eigener Löser, 10 s"],
  ["nrw-plain-10", "NRW 427 × 30 × 38, ohne Vorgaben", "eigener Löser, 10 s"],
  ["de", `Deutschland ${germanSize}, Vorgaben¹`, "eigener Löser"],
  ["de-plain", `Deutschland ${germanSize}, ohne Vorgaben`, "eigener Löser"],
  ["de-mono", "Deutschland, 1 von 30 Bereichen", "HiGHS monolithisch"],
];

function runCase(name: string, timeoutSeconds: number): Promise<CaseResult | string> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--max-old-space-size=6144", "--import", "tsx", "bench/solverCase.ts", name],
      {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    let errors = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutSeconds * 1000);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      const line = output.trim().split("\n").at(-1) ?? "";
      try {
        resolve(JSON.parse(line) as CaseResult);
      } catch {
        const reason =
          signal === "SIGKILL" ? "abgebrochen (Zeit)" : `abgestürzt (Code ${code ?? signal})`;
        resolve(
          `${reason}${/heap out of memory|Allocation failed/i.test(errors) ? ": Speicher erschöpft" : ""}`,
        );
      }
    });
  });
}

const number = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat("de-DE", { style: "percent", maximumFractionDigits: 3 });

/** Runs the selected cases one after another and prints one table. */
export async function solverBenchmark(): Promise<void> {
  const selected = process.env.ATLAS_BENCH_SOLVER_CASES?.split(",") ?? LABELS.map(([name]) => name);
  const limit = Number(process.env.ATLAS_BENCH_SOLVER_SECONDS ?? 60);
  const rows: string[][] = [];
  for (const [name, instance, method] of LABELS) {
    if (!selected.includes(name)) continue;
    const result = await runCase(name, limit * 3 + 120);
    if (typeof result === "string") {
      rows.push([instance, method, result, "–", "–", "–", "–", "–", "–", ""]);
      continue;
    }
    rows.push([
      instance,
      method,
      result.status,
      result.seconds.toFixed(1),
      result.objective === null ? "–" : number.format(result.objective),
      result.bound === null || !Number.isFinite(result.bound) ? "–" : number.format(result.bound),
      result.gap === null ? "–" : percent.format(result.gap),
      result.columns === null ? "–" : number.format(result.columns),
      number.format(result.maxRssMb),
    ]);
    rows[rows.length - 1]?.push(result.note);
  }
  printTable(
    "Optimierung: eigener Löser vs. HiGHS monolithisch (Zeitlimit je Fall, 2 Kerne)",
    [
      "Instanz",
      "Verfahren",
      "Status",
      "Zeit (s)",
      "Kosten",
      "Schranke",
      "Lücke",
      "Spalten (MIP)",
      "Peak RSS (MB)",
      "Hinweis",
    ],
    rows,
  );
  process.stdout.write(
    "\n¹ Deutschland mit Vor-Ort-Vorgaben, Zulassung nur im eigenen Land, Kopplung und Anbieterzahlen, ohne Wechselbudget und Fusion.\n" +
      "² NRW mit Vor-Ort-Vorgaben, zugelassenen Anbietern, Kopplung Einwohner-/Personenstandswesen und Anbieterzahlen; ohne Wechselbudget und Fusion („alle Vorgaben“: zusätzlich beides).\n",
  );
}
