/**
 * Landscape endpoint under load: 50 concurrent connections on loopback against a server
 * process on PGlite and on PostgreSQL. Prints latency percentiles per scenario.
 * Target (issue "IT-Landkarte"): ≤ 100 ms p99 at 50 concurrent requests.
 */
import autocannon from "autocannon";
import { printTable } from "./printTable.ts";
import { startBenchServer } from "./serverProcess.ts";

const CONNECTIONS = 50;
const DURATION_SECONDS = Number(process.env.ATLAS_BENCH_SECONDS ?? 8);

interface Scenario {
  name: string;
  paths: string[];
}

/**
 * Every day from 01.01.2016 on, shuffled deterministically. Days in the same validity period
 * share one prepared page (the demo landscape has about 126 periods), so this measures the
 * first computation per period plus cheap answers for the other days of a period.
 */
function days(count: number): string[] {
  const list = Array.from({ length: count }, (_, index) =>
    new Date(Date.UTC(2016, 0, 1) + index * 86_400_000).toISOString().slice(0, 10),
  );
  let state = 42;
  for (let index = list.length - 1; index > 0; index -= 1) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const other = state % (index + 1);
    [list[index], list[other]] = [list[other] ?? "", list[index] ?? ""];
  }
  return list;
}

const SCENARIOS: Scenario[] = [
  {
    name: "1 Bereich, alle Kommunen (Einwohnerwesen)",
    paths: ["/api/landscape?domain=einwohnerwesen&pageSize=5000"],
  },
  {
    name: "alle Kommunen × alle Bereiche, Seiten à 500",
    paths: Array.from({ length: 22 }, (_, page) => `/api/landscape?pageSize=500&page=${page + 1}`),
  },
  {
    name: "alle Kommunen × alle Bereiche, Seiten à 5000",
    paths: [1, 2, 3].map((page) => `/api/landscape?pageSize=5000&page=${page}`),
  },
  {
    name: "1 Bereich, je Anfrage anderer Stichtag",
    paths: days(3900).map(
      (day) => `/api/landscape?domain=einwohnerwesen&pageSize=5000&asOf=${day}`,
    ),
  },
  {
    name: "alle Bereiche, Seite à 500, je Anfrage anderer Stichtag",
    paths: days(3900).map((day) => `/api/landscape?pageSize=500&asOf=${day}`),
  },
];

async function load(url: string, authorization: string, scenario: Scenario) {
  const requests = scenario.paths.map((path) => ({ method: "GET", path }));
  let connection = 0;
  const result = await autocannon({
    // Each connection starts at another place in the list, so that connections do not ask
    // for the same page at the same moment (that would share one computation).
    setupClient(client) {
      const offset = Math.floor((connection++ * requests.length) / CONNECTIONS);
      client.setRequests([...requests.slice(offset), ...requests.slice(0, offset)]);
    },
    url,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    // Browsers always ask for compressed responses.
    headers: { "accept-encoding": "gzip", authorization },
    requests,
  });
  return result;
}

/** Runs every scenario on both engines and prints the table. */
export async function landscapeBenchmark(): Promise<void> {
  const rows: string[][] = [];
  for (const [engine, port] of [
    ["PGlite", 3401],
    ["PostgreSQL", 3402],
  ] as const) {
    const server = await startBenchServer(engine, port);
    if (!server) {
      rows.push([engine, "PostgreSQL nicht erreichbar", "–", "–", "–", "–", "–", "–"]);
      continue;
    }
    try {
      for (const scenario of SCENARIOS) {
        // Warm-up: one pass over the scenario's requests, so JIT and first cache fills do not count.
        for (const path of scenario.paths.slice(0, 30)) {
          await fetch(`${server.url}${path}`, {
            headers: { "accept-encoding": "gzip", authorization: server.authorization },
          });
        }
        const result = await load(server.url, server.authorization, scenario);
        rows.push([
          engine,
          scenario.name,
          result.requests.average.toFixed(0),
          String(result.latency.p50),
          String(result.latency.p90),
          String(result.latency.p99),
          String(result.non2xx + result.errors),
          (result.throughput.average / Math.max(1, result.requests.average) / 1024).toFixed(0),
        ]);
      }
    } finally {
      await server.stop();
    }
  }
  printTable(
    `GET /api/landscape, ${CONNECTIONS} gleichzeitige Verbindungen, je ${DURATION_SECONDS} s`,
    [
      "Engine",
      "Szenario",
      "Anfragen/s",
      "p50 ms",
      "p90 ms",
      "p99 ms",
      "Fehler",
      "KiB/Antwort (gzip)",
    ],
    rows,
  );
}
