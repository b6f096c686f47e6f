import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { enqueueJob, findJob, PostgresDatabase, type Database } from "@it-atlas/db";
import { createTestDatabase, type TestDatabase } from "@it-atlas/db/testing";
import type { KommuneOzgView, Sourcing } from "@it-atlas/domain";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PRINCIPAL_CACHE_MS } from "../auth/authPlugin.ts";
import { KPI_SNAPSHOT_JOB_KIND, schedulePeriodicKpiSnapshot } from "../jobs/kpiSnapshotJob.ts";
import { LANDSCAPE_RECHECK_MILLISECONDS } from "../services/LandscapeRevision.ts";
import { authHeaders } from "../testing/signedIn.ts";

// Real server processes (`node packages/server/src/main.ts`) on one PostgreSQL database
// (ADR 0018). Runs only in the PostgreSQL phase of `npm test` (vitest project "postgres").
const ROOT = new URL("../../../../", import.meta.url).pathname;
const sleep = (milliseconds: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

async function postgresDatabase(): Promise<TestDatabase & { url: string }> {
  const test = await createTestDatabase(inject("testTemplate"));
  if (!test.url) {
    await test.dispose();
    throw new Error(
      "Diese Tests brauchen einen PostgreSQL-Server (ATLAS_TEST_ENGINE=postgres, ATLAS_TEST_DATABASE_URL).",
    );
  }
  return { ...test, url: test.url };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== "object" || !address) throw new Error("kein freier Port");
  return address.port;
}

interface LogLine {
  msg?: string;
  worker?: number;
  [key: string]: unknown;
}

/** A server started as its own process (`npm start` without the build), and its log lines. */
class ServerProcess {
  readonly lines: LogLine[] = [];
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;

  constructor(
    readonly url: string,
    env: NodeJS.ProcessEnv,
  ) {
    this.child = spawn(process.execPath, ["--import", "tsx", "packages/server/src/main.ts"], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let rest = "";
    this.child.stdout!.on("data", (chunk: Buffer) => {
      const text = rest + chunk.toString("utf8");
      const parts = text.split("\n");
      rest = parts.pop() ?? "";
      for (const part of parts) {
        try {
          this.lines.push(JSON.parse(part) as LogLine);
        } catch {
          this.lines.push({ msg: part });
        }
      }
    });
    this.child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(chunk));
    this.exited = new Promise((resolve) => this.child.once("exit", (code) => resolve(code)));
  }

  static async start(databaseUrl: string, workers: number): Promise<ServerProcess> {
    const port = await freePort();
    const server = new ServerProcess(`http://127.0.0.1:${port}`, {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      ATLAS_WORKERS: String(workers),
      ATLAS_KPI_INTERVAL_DAYS: "0",
      ATLAS_WEB_DIST: `${ROOT}.atlas-test/no-web-app`,
    });
    await server.waitFor(async () => (await fetch(`${server.url}/api/health`)).ok, "Start");
    return server;
  }

  get pid(): number {
    return this.child.pid!;
  }

  messages(text: string): LogLine[] {
    return this.lines.filter((line) => line.msg?.startsWith(text));
  }

  async waitFor(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (this.child.exitCode !== null)
        throw new Error(`${what}: Server beendet (Exit ${this.child.exitCode})`);
      try {
        if (await condition()) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`Zeitüberschreitung: ${what}`);
      await sleep(100);
    }
  }

  /** SIGTERM; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill("SIGTERM");
    return this.exited;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("two server processes on one PostgreSQL database", () => {
  let test: TestDatabase & { url: string };
  let first: ServerProcess;
  let second: ServerProcess;

  beforeAll(async () => {
    test = await postgresDatabase();
    [first, second] = await Promise.all([
      ServerProcess.start(test.url, 1),
      ServerProcess.start(test.url, 1),
    ]);
  });

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await test?.dispose();
  });

  it("shows a landscape write of one process in the other once the revision bound has passed", async () => {
    const reader = await authHeaders(test.db, "kdn_analyst");
    const writer = await authHeaders(test.db, "administrator");
    const page = `${second.url}/api/landscape?organisation=05766020&domain=einwohnerwesen&asOf=2032-01-01`;
    const read = async () => {
      const response = await fetch(page, { headers: reader });
      expect(response.status).toBe(200);
      return ((await response.json()) as { items: Sourcing[] }).items;
    };
    const before = await read();
    expect(before[0]?.operatingModel).not.toBe("eigenbetrieb");
    expect(await read()).toEqual(before);

    const write = await fetch(`${first.url}/api/organisations/05766020/sourcing/einwohnerwesen`, {
      method: "PUT",
      headers: { ...writer, "content-type": "application/json" },
      body: JSON.stringify({
        operatingModel: "eigenbetrieb",
        runningCost: 77_000,
        validFrom: "2032-01-01",
      }),
    });
    expect(write.status).toBe(200);
    const saved = (await write.json()) as Sourcing;

    await sleep(LANDSCAPE_RECHECK_MILLISECONDS + 250);
    const after = await read();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: saved.id, operatingModel: "eigenbetrieb" });
  });

  it("shows an OZG adoption written in one process in the other once the revision bound has passed", async () => {
    const headers = await authHeaders(test.db, "administrator");
    const view = async () => {
      const response = await fetch(`${second.url}/api/ozg/kommunen/05766020`, { headers });
      expect(response.status).toBe(200);
      return (await response.json()) as KommuneOzgView;
    };
    const before = await view();
    const open = before.leistungen.find((item) => item.responsible && item.status !== "online");
    expect(open).toBeDefined();
    const write = await fetch(`${first.url}/api/ozg/kommunen/05766020/leistungen/${open!.ozgId}`, {
      method: "PUT",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ status: "online", informationDate: "2026-02-01" }),
    });
    expect(write.status).toBe(200);
    // The OZG revision is kept in memory like the landscape's (ADR 0019): other processes
    // see a write within the same bound.
    await sleep(LANDSCAPE_RECHECK_MILLISECONDS + 250);
    const after = await view();
    expect(after.coverage.online).toBe(before.coverage.online + 1);
  });

  it("refuses a token in one process once the other has revoked it and the bound has passed", async () => {
    const headers = await authHeaders(test.db, "leser");
    const listed = await fetch(`${first.url}/api/me/tokens`, { headers });
    expect(listed.status).toBe(200);
    const [token] = ((await listed.json()) as { items: Array<{ id: number }> }).items;
    const revoked = await fetch(`${second.url}/api/me/tokens/${token!.id}`, {
      method: "DELETE",
      headers,
    });
    expect(revoked.status).toBe(204);

    await sleep(PRINCIPAL_CACHE_MS + 250);
    const there = await fetch(`${first.url}/api/me/tokens`, { headers });
    expect(there.status).toBe(401);
    expect(((await there.json()) as { code: string }).code).toBe("invalid_token");
  });

  it("counts failed logins across both processes (login_throttle in the database)", async () => {
    const attempt = (server: ServerProcess) =>
      fetch(`${server.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        // An e-mail without an account is throttled exactly like an existing one.
        body: JSON.stringify({ email: "zwei-prozesse@example.org", password: "falsches-passwort" }),
      });
    const statuses: number[] = [];
    for (const server of [first, second, first]) statuses.push((await attempt(server)).status);
    expect(statuses).toEqual([400, 400, 400]);
    // Neither process alone has seen three failures; together they have.
    for (const server of [second, first]) {
      const delayed = await attempt(server);
      expect(delayed.status).toBe(429);
      expect(((await delayed.json()) as { code: string }).code).toBe("too_many_attempts");
      expect(Number(delayed.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });

  it("runs every queued job exactly once while both processes poll the queue", async () => {
    const ids: number[] = [];
    for (let index = 0; index < 6; index += 1) {
      ids.push(
        await enqueueJob(test.db, {
          kind: KPI_SNAPSHOT_JOB_KIND,
          payload: { trigger: "on_demand", userId: null, actorLabel: `Zwei Prozesse ${index}` },
          createdBy: null,
        }),
      );
    }
    const finished = async () =>
      Promise.all(ids.map(async (id) => (await findJob(test.db, id))!)).then((jobs) =>
        jobs.every((job) => job.status === "succeeded" || job.status === "failed")
          ? jobs
          : undefined,
      );
    let jobs = await finished();
    const deadline = Date.now() + 100_000;
    while (!jobs && Date.now() < deadline) {
      await sleep(200);
      jobs = await finished();
    }
    expect(jobs, "alle Aufträge beendet").toBeDefined();
    expect(jobs!.map((job) => [job.status, job.attempts])).toEqual(ids.map(() => ["succeeded", 1]));
    const snapshots = jobs!.map((job) => (job.result as { id: number }).id);
    expect(new Set(snapshots).size).toBe(ids.length);
  });
});

describe("the periodic KPI snapshot with several processes starting at once", () => {
  let test: TestDatabase & { url: string };
  const pools: Database[] = [];

  beforeAll(async () => {
    test = await postgresDatabase();
    pools.push(test.db, await PostgresDatabase.open(test.url, 4));
  });

  afterAll(async () => {
    await pools[1]?.close();
    await test?.dispose();
  });

  it("is queued once, however many processes check at the same moment", async () => {
    const now = new Date(Date.now() + 400 * 24 * 60 * 60 * 1000);
    const queued = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        schedulePeriodicKpiSnapshot(pools[index % 2]!, 30, now),
      ),
    );
    expect(queued.filter((id) => id !== undefined)).toHaveLength(1);
  });
});

describe("ATLAS_WORKERS=2: one primary, two workers sharing the port", () => {
  let test: TestDatabase & { url: string };
  let cluster: ServerProcess;

  beforeAll(async () => {
    test = await postgresDatabase();
    cluster = await ServerProcess.start(test.url, 2);
    await cluster.waitFor(
      () => cluster.messages("Serverprozess bereit").length >= 2,
      "zwei Worker",
    );
  });

  afterAll(async () => {
    await cluster?.stop();
    await test?.dispose();
  });

  it("prepares the database once, restarts a crashed worker and stops all on SIGTERM", async () => {
    expect(cluster.messages("Datenbank bereit")).toHaveLength(1);
    const workers = cluster.messages("Serverprozess bereit").map((line) => line.worker!);
    expect(new Set(workers).size).toBe(2);
    expect(workers).not.toContain(cluster.pid);

    process.kill(workers[0]!, "SIGKILL");
    await cluster.waitFor(
      () => cluster.messages("Serverprozess bereit").length >= 3,
      "Neustart des abgestürzten Workers",
    );
    expect(cluster.messages("Serverprozess unerwartet beendet")).toHaveLength(1);
    const replacement = cluster.messages("Serverprozess bereit")[2]!.worker!;
    expect(workers).not.toContain(replacement);
    expect((await fetch(`${cluster.url}/api/health`)).ok).toBe(true);

    expect(await cluster.stop()).toBe(0);
    for (const pid of [workers[1]!, replacement]) {
      const deadline = Date.now() + 10_000;
      while (alive(pid) && Date.now() < deadline) await sleep(50);
      expect(alive(pid), `Worker ${pid} beendet`).toBe(false);
    }
    expect(cluster.messages("Datenbank bereit")).toHaveLength(1);
  });
});
