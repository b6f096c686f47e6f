/**
 * Uploads and the worker pool (issue 13, ADR 0020): peak resident memory of the server while
 * it receives a 50 MB upload, refuses a 60 MB one while streaming and refuses a ZIP bomb
 * (801 MB unpacked, 1 KB declared); and how long `/api/health` waits while a 100,000-row
 * sourcing CSV is checked in the background (the check runs in the CPU worker pool).
 * Run: npm run bench -- uploads   (PGlite, the `npm start` default; never fails on timings)
 */
import { readFile } from "node:fs/promises";
import { loadImportReferences, migrate, PgliteDatabase, seedReferenceData } from "@it-atlas/db";
import { zipBomb } from "../packages/server/src/import/zipBomb.testing.ts";
import { printTable } from "./printTable.ts";
import { startBenchServer, type BenchServer } from "./serverProcess.ts";

const ROWS = Number(process.env.ATLAS_BENCH_IMPORT_ROWS ?? 100_000);
const MB = 1024 * 1024;

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Samples the server's resident memory every 50 ms while `work` runs; returns the peak. */
async function peakRss<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ value: T; peak: number }> {
  let peak = await rssMb(pid);
  let running = true;
  const sampler = (async () => {
    while (running) {
      peak = Math.max(peak, await rssMb(pid).catch(() => 0));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  try {
    return { value: await work(), peak };
  } finally {
    running = false;
    await sampler;
    peak = Math.max(peak, await rssMb(pid).catch(() => 0));
  }
}

async function upload(server: BenchServer, body: Uint8Array, fileName: string) {
  const started = performance.now();
  try {
    const response = await fetch(`${server.url}/api/imports?fileName=${fileName}`, {
      method: "POST",
      headers: { authorization: server.authorization, "content-type": "application/octet-stream" },
      body: new Blob([body as Uint8Array<ArrayBuffer>]),
    });
    const json = (await response.json()) as { jobId?: number; code?: string };
    return { status: String(response.status), json, ms: performance.now() - started };
  } catch (error) {
    // The server may close the connection after an early refusal, before the body is sent.
    const reason = error instanceof Error ? (error.cause as Error | undefined)?.message : "";
    return { status: `abgebrochen (${reason ?? "?"})`, json: {}, ms: performance.now() - started };
  }
}

async function waitForJob(server: BenchServer, jobId: number): Promise<string> {
  for (;;) {
    const response = await fetch(`${server.url}/api/jobs/${jobId}`, {
      headers: { authorization: server.authorization },
    });
    const job = (await response.json()) as { status: string };
    if (!["queued", "running"].includes(job.status)) return job.status;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A sourcing CSV: Kommune × Leistungsbereich × month, as a history import. */
async function sourcingCsv(rows: number): Promise<Uint8Array> {
  const db = await PgliteDatabase.open({});
  try {
    await migrate(db);
    await seedReferenceData(db);
    const references = await loadImportReferences(db);
    const kommunen = references.organisations.filter(
      (organisation) => organisation.kind === "gemeinde" || organisation.kind === "kreis",
    );
    const domains = references.domains.filter((domain) => !domain.isGroup);
    const pairs = kommunen.length * domains.length;
    const lines = ["AGS;Leistungsbereich;Betriebsmodell;Gültig ab"];
    for (let index = 0; index < rows; index += 1) {
      const pair = index % pairs;
      const month = Math.floor(index / pairs);
      const kommune = kommunen[pair % kommunen.length];
      const domain = domains[Math.floor(pair / kommunen.length)];
      const year = 2030 + Math.floor(month / 12);
      const model = index % 2 === 0 ? "Eigener Betrieb" : "Land";
      lines.push(
        `${kommune?.key};${domain?.id};${model};01.${String((month % 12) + 1).padStart(2, "0")}.${year}`,
      );
    }
    return new TextEncoder().encode(lines.join("\r\n"));
  } finally {
    await db.close();
  }
}

/** Polls /api/health one request after the other while `work` runs; returns latencies. */
async function healthWhile(server: BenchServer, work: Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  let done = false;
  void work.finally(() => (done = true));
  while (!done) {
    const started = performance.now();
    await fetch(`${server.url}/api/health`);
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return latencies;
}

export async function uploadsBenchmark(): Promise<void> {
  const server = await startBenchServer("PGlite", 3917);
  if (!server) throw new Error("Server nicht gestartet");
  const rows: string[][] = [];
  try {
    const idle = await rssMb(server.pid);
    rows.push(["Leerlauf", "–", "–", idle.toFixed(0)]);

    const fifty = new Uint8Array(50 * MB - 1).fill(0x41);
    const big = await peakRss(server.pid, () => upload(server, fifty, "gross.csv"));
    rows.push([
      "50 MB hochladen (CSV)",
      big.value.status,
      (big.value.ms / 1000).toFixed(2),
      big.peak.toFixed(0),
    ]);
    if (big.value.json.jobId) await waitForJob(server, big.value.json.jobId);

    const sixty = new Uint8Array(60 * MB).fill(0x41);
    const tooBig = await peakRss(server.pid, () => upload(server, sixty, "zu-gross.csv"));
    rows.push([
      "60 MB hochladen",
      `${tooBig.value.status} ${tooBig.value.json.code ?? ""}`,
      (tooBig.value.ms / 1000).toFixed(2),
      tooBig.peak.toFixed(0),
    ]);

    const bomb = await zipBomb(801);
    const refused = await peakRss(server.pid, () => upload(server, bomb, "bombe.xlsx"));
    rows.push([
      `ZIP-Bombe (${(bomb.byteLength / MB).toFixed(1)} MB, 801 MB entpackt)`,
      `${refused.value.status} ${refused.value.json.code ?? ""}`,
      (refused.value.ms / 1000).toFixed(2),
      refused.peak.toFixed(0),
    ]);

    const csv = await sourcingCsv(ROWS);
    let health: number[] = [];
    const checked = await peakRss(server.pid, async () => {
      const started = performance.now();
      const sent = await upload(server, csv, "bezuege.csv");
      if (!sent.json.jobId) throw new Error(`Upload abgelehnt: ${JSON.stringify(sent.json)}`);
      const job = waitForJob(server, sent.json.jobId);
      health = await healthWhile(server, job);
      return { status: await job, ms: performance.now() - started };
    });
    health.sort((a, b) => a - b);
    rows.push([
      `${ROWS.toLocaleString("de-DE")} Bezüge (CSV, ${(csv.byteLength / MB).toFixed(1)} MB) prüfen`,
      checked.value.status,
      (checked.value.ms / 1000).toFixed(2),
      checked.peak.toFixed(0),
    ]);
    printTable(
      "Uploads auf PGlite: Antwort, Dauer und höchster Speicher (RSS) des Servers",
      ["Fall", "Antwort", "Sekunden", "RSS max. (MB)"],
      rows,
    );
    const p = (q: number) =>
      health[Math.min(health.length - 1, Math.floor(q * health.length))] ?? 0;
    printTable(
      `/api/health während der Prüfung von ${ROWS.toLocaleString("de-DE")} Zeilen (nacheinander, ms)`,
      ["Anfragen", "Median", "p99", "max."],
      [
        [
          String(health.length),
          p(0.5).toFixed(0),
          p(0.99).toFixed(0),
          (health.at(-1) ?? 0).toFixed(0),
        ],
      ],
    );
  } finally {
    await server.stop();
  }
}
