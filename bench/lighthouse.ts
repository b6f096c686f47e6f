/**
 * Lighthouse (first visit, anonymous) on five pages, mobile and desktop, median of three runs
 * each, against a server on the embedded database. Prints a table; never fails on scores.
 * Run: npm run build && npm run bench -- lighthouse
 * Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium); nothing is downloaded.
 * Runs per page and form factor: ATLAS_BENCH_LIGHTHOUSE_RUNS (default 3).
 */
import { launch } from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/support/browser.ts";
import { printTable } from "./printTable.ts";
import { startBenchServer } from "./serverProcess.ts";

const PAGES = ["/", "/kommunen", "/kommunen/05766020", "/landkarte", "/szenarien"];
const RUNS = Number(process.env.ATLAS_BENCH_LIGHTHOUSE_RUNS ?? 3);
const CATEGORIES = ["performance", "accessibility", "best-practices"];

interface Scores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcp: number;
  lcp: number;
  cls: number;
  tbt: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** One Lighthouse run, or undefined when Lighthouse reports a runtime error for it. */
async function audit(url: string, port: number, desktop: boolean): Promise<Scores | undefined> {
  const result = await lighthouse(
    url,
    { port, output: "json", logLevel: "error", onlyCategories: CATEGORIES },
    desktop ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse lieferte kein Ergebnis für ${url}`);
  if (result.lhr.runtimeError) {
    process.stderr.write(`Lighthouse ${url}: ${result.lhr.runtimeError.message}\n`);
    return undefined;
  }
  const { categories, audits } = result.lhr;
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const value = (id: string) => audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    fcp: value("first-contentful-paint"),
    lcp: value("largest-contentful-paint"),
    cls: value("cumulative-layout-shift"),
    tbt: value("total-blocking-time"),
  };
}

export async function lighthouseBenchmark(): Promise<void> {
  const server = await startBenchServer("PGlite", 3990);
  if (!server) return;
  const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_ARGS });
  const rows: string[][] = [];
  try {
    for (const page of PAGES) {
      for (const desktop of [false, true]) {
        const runs: Scores[] = [];
        for (let run = 0; run < RUNS; run += 1) {
          const scores = await audit(`${server.url}${page}`, chrome.port, desktop);
          if (scores) runs.push(scores);
        }
        const form = desktop ? "Desktop" : "Mobil";
        if (runs.length === 0) {
          rows.push([page, form, "Fehler", "", "", "", "", "", ""]);
          continue;
        }
        const of = (key: keyof Scores) => median(runs.map((scores) => scores[key]));
        rows.push([
          page,
          `${form}${runs.length < RUNS ? ` (${runs.length} von ${RUNS})` : ""}`,
          String(of("performance")),
          String(of("accessibility")),
          String(of("bestPractices")),
          `${(of("fcp") / 1000).toFixed(1)} s`,
          `${(of("lcp") / 1000).toFixed(1)} s`,
          of("cls").toFixed(3),
          `${Math.round(of("tbt"))} ms`,
        ]);
      }
    }
  } finally {
    chrome.kill();
    await server.stop();
  }
  printTable(
    `Lighthouse ${RUNS === 1 ? "(1 Lauf)" : `(Median aus ${RUNS} Läufen)`}, erster Besuch, nicht angemeldet`,
    [
      "Seite",
      "Gerät",
      "Leistung",
      "Barrierefreiheit",
      "Best Practices",
      "FCP",
      "LCP",
      "CLS",
      "TBT",
    ],
    rows,
  );
}
