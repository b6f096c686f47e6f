/**
 * Scale-out on PostgreSQL (ADR 0018): the read mix of issue 13 with 100 concurrent connections
 * against one server process and against ATLAS_WORKERS=2. Prints requests per second and
 * latency percentiles; never fails on timings.
 */
import { get } from "node:http";
import autocannon from "autocannon";
import { printTable } from "./printTable.ts";
import { startBenchServer } from "./serverProcess.ts";

const CONNECTIONS = 100;
const DURATION_SECONDS = Number(process.env.ATLAS_BENCH_SECONDS ?? 10);

/** Public reads and signed-in aggregate reads, as measured in issue 13. */
const READ_MIX = [
  "/api/stats",
  "/api/organisations?q=Det",
  "/api/organisations/05766020",
  "/api/providers",
  "/api/ozg/leistungen?page=3",
  "/api/landscape?domain=einwohnerwesen&pageSize=500",
  "/api/analysis/fragmentation",
  "/api/ozg/readiness",
];

/** One request on its own connection: the cluster's primary hands each connection to the next worker. */
function warm(url: string, headers: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    get(url, { headers, agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve());
    }).on("error", reject);
  });
}

async function measure(url: string, headers: Record<string, string>, paths: string[]) {
  const requests = paths.map((path) => ({ method: "GET", path }));
  let connection = 0;
  return autocannon({
    setupClient(client) {
      const offset = connection++ % requests.length;
      client.setRequests([...requests.slice(offset), ...requests.slice(0, offset)]);
    },
    url,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    headers,
    requests,
  });
}

/** Runs the read mix with 1 and 2 server processes on PostgreSQL and prints the table. */
export async function workersBenchmark(): Promise<void> {
  const rows: string[][] = [];
  for (const workers of [1, 2]) {
    const server = await startBenchServer("PostgreSQL", 3410 + workers, { workers });
    if (!server) {
      rows.push([String(workers), "PostgreSQL nicht erreichbar", "–", "–", "–", "–", "–"]);
      continue;
    }
    try {
      const headers = { "accept-encoding": "gzip", authorization: server.authorization };
      // Warm-up: each path on fresh connections, so every worker fills its caches before the
      // measurement (round-robin hands the n-th connection to the n-th worker).
      for (let round = 0; round < 2 * workers; round += 1) {
        await Promise.all(READ_MIX.map((path) => warm(`${server.url}${path}`, headers)));
      }
      for (const [name, paths] of [
        ["/api/health (Obergrenze HTTP)", ["/api/health"]],
        ["Lesemix (8 Endpunkte, angemeldet)", READ_MIX],
      ] as const) {
        const result = await measure(server.url, headers, [...paths]);
        rows.push([
          String(workers),
          name,
          result.requests.average.toFixed(0),
          String(result.latency.p50),
          String(result.latency.p90),
          String(result.latency.p99),
          String(result.non2xx + result.errors),
        ]);
      }
    } finally {
      await server.stop();
    }
  }
  printTable(
    `PostgreSQL, ATLAS_WORKERS = 1 und 2, ${CONNECTIONS} gleichzeitige Verbindungen, je ${DURATION_SECONDS} s`,
    ["Prozesse", "Last", "Anfragen/s", "p50 ms", "p90 ms", "p99 ms", "Fehler"],
    rows,
  );
}
