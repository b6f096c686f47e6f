/**
 * `npm run bench -- load` (issue 13.5): carrying capacity of one server on loopback, in one run
 * per engine — the `/api/health` ceiling; public reads; signed-in landscape, analysis and
 * readiness reads; a mix of those with survey autosaves and landscape edits; the read mix
 * while a 100,000-row sourcing CSV is checked and committed (with the longest `/api/health`
 * wait meanwhile); and the server's peak RSS. PGlite at 50 connections; PostgreSQL
 * (ATLAS_BENCH_DATABASE_URL) at 100 connections with ATLAS_WORKERS=2 (a server without worker
 * processes ignores it). Prints tables; never fails on timings.
 *
 * ATLAS_BENCH_SECONDS (default 8) sets the length of each timed run; ATLAS_BENCH_ENGINES
 * (`PGlite,PostgreSQL`) selects engines; ATLAS_BENCH_SERVER_ROOT runs the server of another
 * checkout (before/after figures).
 */
import { readFile } from "node:fs/promises";
import autocannon, { type Request, type Result } from "autocannon";
import { buildCampaignInput } from "../packages/server/src/testing/surveyFactories.ts";
import { printTable } from "./printTable.ts";
import { startBenchServer, type BenchServer } from "./serverProcess.ts";

const DURATION_SECONDS = Number(process.env.ATLAS_BENCH_SECONDS ?? 8);
const IMPORT_ROWS = Number(process.env.ATLAS_BENCH_IMPORT_ROWS ?? 100_000);
/** Longest the import may take before the benchmark gives up waiting (bounded loop). */
const IMPORT_TIMEOUT_MS = 600_000;
const ENGINES = (process.env.ATLAS_BENCH_ENGINES ?? "PGlite,PostgreSQL").split(",");
/** Browsers ask for compressed responses. */
const ACCEPT = { "accept-encoding": "gzip, deflate, br" };

const PUBLIC_READS = [
  "/api/stats",
  "/api/organisations?q=Det",
  "/api/organisations/05766020",
  "/api/providers",
  "/api/ozg/leistungen?page=3",
];
const SIGNED_IN_READS = [
  "/api/landscape?domain=einwohnerwesen&pageSize=500",
  "/api/analysis/fragmentation",
  "/api/ozg/readiness",
];

interface Row {
  engine: string;
  workload: string;
  result?: Result;
  note?: string;
}

async function api(
  server: BenchServer,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: server.authorization,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** A started survey of Kreis Lippe; its responses are autosaved in the mixed workload. */
async function prepareSurvey(server: BenchServer): Promise<{ id: number; kommunen: string[] }> {
  const campaign = (await api(server, "POST", "/api/campaigns", buildCampaignInput())) as {
    id: number;
  };
  await api(server, "POST", `/api/campaigns/${campaign.id}/start`);
  const kommunen = ["05766020", "05766008", "05766012", "05766016", "05766024"];
  // Check once that autosave works, so the run does not count a setup mistake as errors.
  await api(server, "PUT", `/api/campaigns/${campaign.id}/responses/${kommunen[0]}/answers`, {
    answers: { ansprechperson: "Benchmark" },
  });
  return { id: campaign.id, kommunen };
}

/** Reads with the administrator's token (signed-in) or without (public). */
function reads(server: BenchServer, paths: string[], signedIn: boolean): Request[] {
  return paths.map((path) => ({
    method: "GET",
    path,
    headers: signedIn ? { ...ACCEPT, authorization: server.authorization } : ACCEPT,
  }));
}

/** 20 requests: 10 public reads, 6 signed-in reads, 3 autosaves, 1 landscape edit. */
function mixedRequests(server: BenchServer, survey: { id: number; kommunen: string[] }) {
  const write = { authorization: server.authorization, "content-type": "application/json" };
  const autosave = (index: number): Request => ({
    method: "PUT",
    path: `/api/campaigns/${survey.id}/responses/${survey.kommunen[index % survey.kommunen.length]}/answers`,
    headers: write,
    body: JSON.stringify({ answers: { ansprechperson: `Bench ${index}`, "ew-personal": index } }),
  });
  const edit: Request = {
    method: "PUT",
    // A correction of the same day's version each time (no history grows without bound).
    path: "/api/organisations/05766020/sourcing/einwohnerwesen",
    headers: write,
    body: JSON.stringify({
      operatingModel: "eigenbetrieb",
      runningCost: 120_000,
      validFrom: "2040-01-01",
    }),
  };
  return [
    ...reads(server, PUBLIC_READS, false),
    ...reads(server, SIGNED_IN_READS, true),
    autosave(0),
    ...reads(server, PUBLIC_READS, false),
    ...reads(server, SIGNED_IN_READS, true),
    autosave(1),
    autosave(2),
    edit,
  ];
}

function run(url: string, connections: number, requests: Request[], duration = DURATION_SECONDS) {
  let connection = 0;
  return autocannon({
    url,
    connections,
    duration,
    requests,
    // Each connection starts elsewhere in the list, so the mix is spread over time.
    setupClient(client) {
      const offset = Math.floor((connection++ * requests.length) / connections) % requests.length;
      client.setRequests([...requests.slice(offset), ...requests.slice(0, offset)]);
    },
  });
}

/** Kommunen and Leistungsbereiche from the API, as a sourcing CSV of `rows` rows (from 2030). */
async function sourcingCsv(server: BenchServer, rows: number): Promise<Buffer> {
  const kommunen: string[] = [];
  for (const kind of ["gemeinde", "kreis"]) {
    const page = (await api(server, "GET", `/api/organisations?kind=${kind}&pageSize=500`)) as {
      items: Array<{ key: string }>;
    };
    kommunen.push(...page.items.map((item) => item.key));
  }
  const domains = (
    (await api(server, "GET", "/api/domains")) as { items: Array<{ id: string; isGroup: boolean }> }
  ).items
    .filter((domain) => !domain.isGroup)
    .map((domain) => domain.id);
  const pairs = kommunen.length * domains.length;
  const lines = [
    "AGS;Leistungsbereich;Betriebsmodell;Laufende Kosten (€/Jahr);Menge;Zufriedenheit (1–5);Gültig ab",
  ];
  let random = 42;
  const next = () => (random = (random * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  for (let index = 0; index < rows; index += 1) {
    const pair = index % pairs;
    const month = Math.floor(index / pairs);
    const day = new Date(Date.UTC(2030, month, 1));
    const date = `01.${String(day.getUTCMonth() + 1).padStart(2, "0")}.${day.getUTCFullYear()}`;
    lines.push(
      [
        kommunen[pair % kommunen.length],
        domains[Math.floor(pair / kommunen.length)],
        next() < 0.5 ? "Eigener Betrieb" : "Land",
        (Math.round(next() * 50_000_000) / 100).toFixed(2).replace(".", ","),
        Math.round(next() * 100_000),
        1 + Math.floor(next() * 5),
        date,
      ].join(";"),
    );
  }
  return Buffer.from(`${lines.join("\r\n")}\r\n`);
}

async function waitForJob(server: BenchServer, id: number, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const job = (await api(server, "GET", `/api/jobs/${id}`)) as {
      status: string;
      error?: unknown;
      result?: { counts?: { invalid?: number } };
    };
    if (job.status === "succeeded") {
      if ((job.result?.counts?.invalid ?? 0) > 0)
        throw new Error(`Importdatei hat ungültige Zeilen: ${JSON.stringify(job.result)}`);
      return;
    }
    if (job.status === "failed" || job.status === "cancelled")
      throw new Error(`Import-Auftrag ${id}: ${job.status} ${JSON.stringify(job.error ?? "")}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Import-Auftrag ${id} nicht rechtzeitig fertig`);
}

/** Upload, check and commit of the CSV; returns the seconds until the commit succeeded. */
async function importCsv(server: BenchServer, csv: Buffer): Promise<number> {
  const started = performance.now();
  const deadline = Date.now() + IMPORT_TIMEOUT_MS;
  const upload = await fetch(`${server.url}/api/imports?fileName=bench.csv`, {
    method: "POST",
    headers: { authorization: server.authorization, "content-type": "text/csv" },
    body: new Uint8Array(csv),
  });
  if (upload.status !== 202) throw new Error(`Upload: ${upload.status} ${await upload.text()}`);
  const { uploadId, jobId } = (await upload.json()) as { uploadId: number; jobId: number };
  await waitForJob(server, jobId, deadline);
  const commit = (await api(server, "POST", `/api/imports/${uploadId}/commit`)) as {
    jobId: number;
  };
  await waitForJob(server, commit.jobId, deadline);
  return (performance.now() - started) / 1000;
}

/** Asks /api/health one request at a time until `done`; returns the longest wait in ms. */
async function healthWhile(url: string, done: () => boolean): Promise<number> {
  let longest = 0;
  for (let round = 0; !done() && round < 100_000; round += 1) {
    const started = performance.now();
    await fetch(`${url}/api/health`);
    longest = Math.max(longest, performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return longest;
}

/** The read mix until `stop()`: autocannon with a callback can be stopped from outside. */
function readsUntilStopped(url: string, connections: number, requests: Request[]) {
  let instance: { stop(): void } | undefined;
  const result = new Promise<Result>((resolve, reject) => {
    let connection = 0;
    instance = autocannon(
      {
        url,
        connections,
        duration: IMPORT_TIMEOUT_MS / 1000,
        requests,
        setupClient(client) {
          const offset =
            Math.floor((connection++ * requests.length) / connections) % requests.length;
          client.setRequests([...requests.slice(offset), ...requests.slice(0, offset)]);
        },
      },
      (error, value) => (error ? reject(error) : resolve(value)),
    );
  });
  return { stop: () => instance?.stop(), result };
}

/** Peak resident memory (VmHWM) of the process and its children, in MiB (Linux). */
async function peakRssMiB(pid: number): Promise<number | undefined> {
  const peak = async (id: number): Promise<number> => {
    let kib = 0;
    try {
      const status = await readFile(`/proc/${id}/status`, "utf8");
      kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      return 0;
    }
    let children: string[] = [];
    try {
      children = (await readFile(`/proc/${id}/task/${id}/children`, "utf8")).trim().split(/\s+/);
    } catch {
      children = [];
    }
    for (const child of children.filter(Boolean)) kib += await peak(Number(child));
    return kib;
  };
  const kib = await peak(pid);
  return kib > 0 ? kib / 1024 : undefined;
}

async function benchEngine(engine: "PGlite" | "PostgreSQL", port: number, rows: Row[]) {
  const connections = engine === "PGlite" ? 50 : 100;
  const label =
    engine === "PGlite"
      ? `PGlite, ${connections} Verb.`
      : `PostgreSQL, ATLAS_WORKERS=${process.env.ATLAS_WORKERS ?? "2"}, ${connections} Verb.`;
  const server = await startBenchServer(
    engine,
    port,
    engine === "PostgreSQL" ? { workers: Number(process.env.ATLAS_WORKERS ?? "2") } : {},
  );
  if (!server) {
    rows.push({ engine: label, workload: "–", note: "PostgreSQL nicht erreichbar" });
    return { label, importSeconds: undefined, healthMax: undefined, rss: undefined };
  }
  try {
    const survey = await prepareSurvey(server);
    const publicReads = reads(server, PUBLIC_READS, false);
    const signedInReads = reads(server, SIGNED_IN_READS, true);
    const readMix = [...publicReads, ...signedInReads];
    // Warm-up: one pass, so JIT and the first computation per revision do not count.
    for (const request of readMix)
      await fetch(`${server.url}${request.path ?? ""}`, { headers: request.headers });

    rows.push({
      engine: label,
      workload: "/api/health (Obergrenze)",
      result: await run(server.url, connections, [{ method: "GET", path: "/api/health" }]),
    });
    rows.push({
      engine: label,
      workload: "öffentliche Lesezugriffe",
      result: await run(server.url, connections, publicReads),
    });
    rows.push({
      engine: label,
      workload: "angemeldet: Landkarte, Analyse, OZG-Umsetzung",
      result: await run(server.url, connections, signedInReads),
    });

    // The import first (its rows start in 2030); the edits of the mix use 2040.
    const csv = await sourcingCsv(server, IMPORT_ROWS);
    const load = readsUntilStopped(server.url, connections, readMix);
    let importing = true;
    const health = healthWhile(server.url, () => !importing);
    let importSeconds: number | undefined;
    let note: string | undefined;
    try {
      importSeconds = await importCsv(server, csv);
    } catch (error) {
      note = error instanceof Error ? error.message.slice(0, 120) : String(error);
    } finally {
      importing = false;
      load.stop();
    }
    const healthMax = await health;
    rows.push({
      engine: label,
      workload: `Lesemix während Import ${IMPORT_ROWS.toLocaleString("de-DE")} Zeilen (Prüfen + Übernehmen)`,
      result: await load.result,
      note,
    });

    rows.push({
      engine: label,
      workload: "gemischt: je 20 Anfragen 16 Lesen, 3 Autosave, 1 Landkarten-Änderung",
      result: await run(server.url, connections, mixedRequests(server, survey)),
    });
    const rss = await peakRssMiB(server.pid);
    return { label, importSeconds, healthMax, rss };
  } finally {
    await server.stop();
  }
}

const format = (value: number | undefined, digits = 0) =>
  value === undefined ? "–" : value.toLocaleString("de-DE", { maximumFractionDigits: digits });

/** Runs every workload on each engine and prints two tables. */
export async function loadBenchmark(): Promise<void> {
  const rows: Row[] = [];
  const summaries: string[][] = [];
  let port = 3411;
  for (const engine of ["PGlite", "PostgreSQL"] as const) {
    if (!ENGINES.includes(engine)) continue;
    const summary = await benchEngine(engine, port, rows);
    port += 1;
    summaries.push([
      summary.label,
      format(summary.importSeconds, 1),
      format(summary.healthMax),
      format(summary.rss),
    ]);
  }
  printTable(
    `Last (npm run bench -- load), je ${DURATION_SECONDS} s, Loopback, Accept-Encoding: gzip, br`,
    ["Engine", "Last", "Anfragen/s", "p50 ms", "p99 ms", "max ms", "Fehler", "Hinweis"],
    rows.map(({ engine, workload, result, note }) => [
      engine,
      workload,
      result ? format(result.requests.average) : "–",
      result ? String(result.latency.p50) : "–",
      result ? String(result.latency.p99) : "–",
      result ? String(result.latency.max) : "–",
      result ? String(result.errors + result.non2xx) : "–",
      note ?? "",
    ]),
  );
  printTable(
    "Import während der Lesezugriffe und Speicher",
    ["Engine", "Import s (Hochladen, Prüfen, Übernehmen)", "/api/health max ms", "Spitzen-RSS MiB"],
    summaries,
  );
}
