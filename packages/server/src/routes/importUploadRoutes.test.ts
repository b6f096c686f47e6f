import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { readImportUploadContent, sql } from "@it-atlas/db";
import { TooLargeError } from "@it-atlas/domain";
import { describe, expect, it } from "vitest";
import { zipBomb } from "../import/zipBomb.testing.ts";
import { jobHandlers } from "../jobs/jobHandlers.ts";
import { JobRunner } from "../jobs/JobRunner.ts";
import { scheduleUploadCleanup } from "../jobs/uploadCleanupJob.ts";
import { DEFAULT_UPLOAD_LIMITS } from "../config.ts";
import { receiveUpload, UPLOAD_CHUNK_BYTES } from "../services/importUploadService.ts";
import { expectProblem } from "../testing/expectProblem.ts";
import { authHeaders } from "../testing/signedIn.ts";
import { useTestApp } from "../testing/testApp.ts";

const MB = 1024 * 1024;
const server = useTestApp({
  uploads: { concurrentImports: 1, storedBytes: 80 * MB, retentionHours: 24 },
});

const CSV =
  "AGS;Leistungsbereich;Betriebsmodell;Gültig ab\r\n5766020;einwohnerwesen;Land;01.01.2041\r\n";

async function runJobs(): Promise<void> {
  const runner = new JobRunner(server.db, jobHandlers(server.db));
  while (await runner.tick()) {
    // run until the queue is empty
  }
}

function upload(headers: Record<string, string>, payload: Buffer | Readable, fileName = "a.csv") {
  return server.app.inject({
    method: "POST",
    url: `/api/imports?fileName=${fileName}`,
    payload,
    headers: { ...headers, "content-type": "application/octet-stream" },
  });
}

async function storedUploads(): Promise<Array<{ id: number; byteSize: number }>> {
  return server.db.query(sql`SELECT id, byte_size AS "byteSize" FROM import_upload ORDER BY id`);
}

describe("uploads: storage in chunks", () => {
  it("stores any bytes over several chunks and gives back exactly them", async () => {
    await authHeaders(server.db, "administrator");
    const [user] = await server.db.query<{ id: number }>(
      sql`SELECT id FROM app_user ORDER BY id DESC LIMIT 1`,
    );
    const content = randomBytes(2 * UPLOAD_CHUNK_BYTES + 12_345);
    // Delivered in odd pieces, as a socket would.
    const pieces = [
      content.subarray(0, 1000),
      content.subarray(1000, 1_500_000),
      content.subarray(1_500_000),
    ];
    const received = await receiveUpload(server.db, Readable.from(pieces), {
      fileName: "zufall.bin",
      userId: user?.id ?? 0,
      limits: DEFAULT_UPLOAD_LIMITS,
      declaredBytes: undefined,
      start: async (_tx, done) => done,
    });
    expect(received.bytes).toBe(content.byteLength);
    expect(received.sha256).toBe(createHash("sha256").update(content).digest("hex"));
    const stored = await readImportUploadContent(server.db, received.uploadId);
    expect(stored && Buffer.from(stored).equals(content)).toBe(true);
    const [chunks] = await server.db.query<{ count: number }>(
      sql`SELECT count(*)::int AS count FROM import_upload_chunk WHERE upload_id = ${received.uploadId}`,
    );
    expect(chunks?.count).toBeGreaterThan(1);
  });
});

describe("uploads: who may upload", () => {
  it("refuses Leser and KDN-Analysts (they write none of the imported data)", async () => {
    const before = await storedUploads();
    for (const role of ["leser", "kdn_analyst"] as const) {
      const headers = await authHeaders(server.db, role);
      expectProblem(await upload(headers, Buffer.from(CSV)), 403, "forbidden");
    }
    expect(await storedUploads()).toEqual(before);
  });

  it("lets a Kommune-Bearbeiter upload; another account neither sees nor commits it", async () => {
    const detmold = await authHeaders(server.db, { kommune: "05766020" });
    const lemgo = await authHeaders(server.db, { kommune: "05766044" });
    const response = await upload(detmold, Buffer.from(CSV));
    expect(response.statusCode, response.body).toBe(202);
    const { uploadId } = response.json<{ uploadId: number }>();
    expectProblem(
      await server.app.inject({
        method: "POST",
        url: `/api/imports/${uploadId}/commit`,
        headers: lemgo,
      }),
      404,
      "import_not_found",
    );
    await runJobs();
  });
});

describe("uploads: size, ZIP bomb and per-account limits", () => {
  it("refuses a file past 50 MB while streaming, without reading it to the end", async () => {
    // At the service: app.inject aborts its own request stream once the 413 is sent.
    await authHeaders(server.db, "administrator");
    const [user] = await server.db.query<{ id: number }>(
      sql`SELECT id FROM app_user ORDER BY id DESC LIMIT 1`,
    );
    let pulled = 0;
    const body = new Readable({
      read() {
        pulled += 1;
        this.push(pulled > 70 ? null : Buffer.alloc(MB, 0x41));
      },
    });
    const before = await storedUploads();
    const refusal = await receiveUpload(server.db, body, {
      fileName: "gross.csv",
      userId: user?.id ?? 0,
      limits: DEFAULT_UPLOAD_LIMITS,
      declaredBytes: undefined,
      start: async () => "angenommen",
    }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(TooLargeError);
    expect(refusal).toMatchObject({
      code: "import_too_large",
      detail: expect.stringMatching(/größer als 50 MB/),
    });
    expect(pulled).toBeLessThan(70);
    expect(await storedUploads()).toEqual(before);
  });

  it("refuses a declared size past 50 MB before reading the body", async () => {
    const headers = await authHeaders(server.db, "administrator");
    const response = await server.app.inject({
      method: "POST",
      url: "/api/imports?fileName=gross.csv",
      payload: Buffer.from(CSV),
      headers: { ...headers, "content-type": "text/csv", "content-length": String(51 * MB) },
    });
    expectProblem(response, 413, "import_too_large");
  });

  it("refuses a ZIP bomb with the German reason and keeps nothing", async () => {
    const headers = await authHeaders(server.db, "administrator");
    const before = await storedUploads();
    const response = await upload(headers, Buffer.from(await zipBomb(801)), "bombe.xlsx");
    expectProblem(response, 400, "import_unpacked_too_large");
    expect(response.json<{ detail: string }>().detail).toMatch(
      /Die Datei entpackt sich zu mehr als 800 MB/,
    );
    expect(await storedUploads()).toEqual(before);
  });

  it("limits the imports one account runs at once (429), not those of others", async () => {
    const first = await authHeaders(server.db, { kommune: "05766020" });
    const other = await authHeaders(server.db, { kommune: "05766020" });
    expect((await upload(first, Buffer.from(CSV))).statusCode).toBe(202);
    const second = await upload(first, Buffer.from(CSV));
    expectProblem(second, 429, "import_limit_concurrent");
    expect(second.json<{ detail: string }>().detail).toMatch(/läuft bereits ein Import/);
    expect((await upload(other, Buffer.from(CSV))).statusCode).toBe(202);
    await runJobs();
    expect((await upload(first, Buffer.from(CSV))).statusCode).toBe(202);
    await runJobs();
  });

  it("limits the bytes one account keeps stored (413 while streaming)", async () => {
    const headers = await authHeaders(server.db, { kommune: "05766020" });
    const first = await upload(headers, Buffer.from(CSV));
    expect(first.statusCode).toBe(202);
    await runJobs();
    // As if the first file had been 79 MB: 2 MB more pass the account's 80 MB.
    await server.db.query(
      sql`UPDATE import_upload SET byte_size = ${79 * MB} WHERE id = ${first.json<{ uploadId: number }>().uploadId}`,
    );
    const response = await upload(headers, Buffer.alloc(2 * MB, 0x41));
    expectProblem(response, 413, "import_quota_exceeded");
    expect(response.json<{ detail: string }>().detail).toMatch(/mehr als 80 MB/);
  });
});

describe("uploads: retention", () => {
  it("deletes an upload once its commit has written the data", async () => {
    const headers = await authHeaders(server.db, "administrator");
    const response = await upload(headers, Buffer.from(CSV.replace("2041", "2042")));
    const { uploadId } = response.json<{ uploadId: number }>();
    await runJobs();
    const commit = await server.app.inject({
      method: "POST",
      url: `/api/imports/${uploadId}/commit`,
      headers,
    });
    expect(commit.statusCode, commit.body).toBe(202);
    await runJobs();
    const job = await server.app.inject({
      url: `/api/jobs/${commit.json<{ jobId: number }>().jobId}`,
      headers,
    });
    expect(job.json()).toMatchObject({ status: "succeeded", result: { committed: true } });
    expect((await storedUploads()).map((row) => row.id)).not.toContain(uploadId);
  });

  it("deletes expired uploads in the periodic clean-up job and keeps the others", async () => {
    const headers = await authHeaders(server.db, { kommune: "05766044" });
    const old = (await upload(headers, Buffer.from(CSV))).json<{ uploadId: number }>().uploadId;
    await runJobs();
    const fresh = (await upload(headers, Buffer.from(CSV))).json<{ uploadId: number }>().uploadId;
    await runJobs();
    await server.db.query(
      sql`UPDATE import_upload SET expires_at = now() - interval '1 minute' WHERE id = ${old}`,
    );
    expect(await scheduleUploadCleanup(server.db)).toEqual(expect.any(Number));
    await runJobs();
    const ids = (await storedUploads()).map((row) => row.id);
    expect(ids).not.toContain(old);
    expect(ids).toContain(fresh);
    const [chunks] = await server.db.query<{ count: number }>(
      sql`SELECT count(*)::int AS count FROM import_upload_chunk WHERE upload_id = ${old}`,
    );
    expect(chunks?.count).toBe(0);
  });
});
