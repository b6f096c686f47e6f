/**
 * Is the event loop free while the embedded database works? A server process on PGlite
 * (the `npm start` default) gets 50 connections of public reads and, at the same time, 10
 * connections asking `/api/health` (which touches no database). Before the database ran in a
 * worker thread, every query ran on the event loop and health answers queued behind it.
 */
import autocannon from "autocannon";
import { printTable } from "./printTable.ts";
import { startBenchServer } from "./serverProcess.ts";

const READ_CONNECTIONS = 50;
const HEALTH_CONNECTIONS = 10;
const DURATION_SECONDS = Number(process.env.ATLAS_BENCH_SECONDS ?? 8);

const PUBLIC_READS = [
  "/api/stats",
  "/api/organisations?q=Det",
  "/api/organisations/05766020",
  "/api/providers",
  "/api/ozg/leistungen?page=3",
];

function run(url: string, paths: string[], connections: number) {
  const requests = paths.map((path) => ({ method: "GET", path }));
  let connection = 0;
  return autocannon({
    setupClient(client) {
      const offset = connection++ % requests.length;
      client.setRequests([...requests.slice(offset), ...requests.slice(0, offset)]);
    },
    url,
    connections,
    duration: DURATION_SECONDS,
    headers: { "accept-encoding": "gzip" },
    requests,
  });
}

function row(label: string, result: Awaited<ReturnType<typeof run>>): string[] {
  return [
    label,
    result.requests.average.toFixed(0),
    String(result.latency.p50),
    String(result.latency.p99),
    String(result.latency.max),
    String(result.non2xx + result.errors),
  ];
}

/** Health alone, then public reads and health at the same time, on PGlite. */
export async function eventLoopBenchmark(): Promise<void> {
  const server = await startBenchServer("PGlite", 3411);
  if (!server) throw new Error("PGlite-Server nicht gestartet");
  const rows: string[][] = [];
  try {
    for (const path of PUBLIC_READS) await fetch(`${server.url}${path}`);
    rows.push(
      row("/api/health allein", await run(server.url, ["/api/health"], HEALTH_CONNECTIONS)),
    );
    const [reads, health] = await Promise.all([
      run(server.url, PUBLIC_READS, READ_CONNECTIONS),
      run(server.url, ["/api/health"], HEALTH_CONNECTIONS),
    ]);
    rows.push(row(`öffentliche Lesezugriffe (${READ_CONNECTIONS} Verb.)`, reads));
    rows.push(row(`  gleichzeitig /api/health (${HEALTH_CONNECTIONS} Verb.)`, health));
    for (const path of PUBLIC_READS) {
      rows.push(
        row(
          `  ${path} allein (${READ_CONNECTIONS} Verb.)`,
          await run(server.url, [path], READ_CONNECTIONS),
        ),
      );
    }
  } finally {
    await server.stop();
  }
  printTable(
    `PGlite: Ereignisschleife unter Last, je ${DURATION_SECONDS} s`,
    ["Last", "Anfragen/s", "p50 ms", "p99 ms", "max ms", "Fehler"],
    rows,
  );
}
