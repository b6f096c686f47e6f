import { createHash } from "node:crypto";
import {
  appendImportUploadChunk,
  completeImportUpload,
  createImportUpload,
  deleteImportUpload,
  importUsageOfAccount,
  lockImportAccount,
  readImportUploadContent,
  type Database,
  type Queryable,
} from "@it-atlas/db";
import { IMPORT_LIMITS, InputError, RateLimitedError, TooLargeError } from "@it-atlas/domain";
import type { UploadLimits } from "../config.ts";
import { IMPORT_JOB_KIND } from "../jobs/importJob.ts";
import { cpuPool } from "../workers/cpuPool.ts";

/** Bytes written to the database per chunk while an upload is received. */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;

const MB = 1024 * 1024;

function megabytes(bytes: number): string {
  return `${Math.floor(bytes / MB).toLocaleString("de-DE")} MB`;
}

/** Refusal of a file past the size limit of one upload. */
export function uploadTooLarge(): TooLargeError {
  return new TooLargeError(
    "import_too_large",
    `Die Datei ist größer als ${megabytes(IMPORT_LIMITS.maxBytes)}. Bitte die Daten auf mehrere kleinere Dateien aufteilen.`,
  );
}

function quotaExceeded(limits: UploadLimits): TooLargeError {
  return new TooLargeError(
    "import_quota_exceeded",
    `Ihre hochgeladenen Dateien belegen zusammen mehr als ${megabytes(limits.storedBytes)} (Grenze je Konto). Bitte übernehmen Sie geprüfte Importe oder warten Sie, bis ältere Dateien nach ${limits.retentionHours} Stunden gelöscht werden.`,
  );
}

function tooManyImports(limits: UploadLimits): RateLimitedError {
  return new RateLimitedError(
    "import_limit_concurrent",
    `Für Ihr Konto ${limits.concurrentImports === 1 ? "läuft bereits ein Import" : `laufen bereits ${limits.concurrentImports} Importe`} (Prüfung oder Übernahme). Bitte warten Sie, bis ${limits.concurrentImports === 1 ? "er" : "einer davon"} abgeschlossen ist, und versuchen Sie es dann erneut.`,
  );
}

/**
 * Checks the account's limits inside a transaction that holds the account's lock (so two
 * server processes cannot both admit the last slot): import jobs queued or running, and
 * stored upload bytes (the new upload included).
 */
export async function assertImportSlot(
  tx: Queryable,
  userId: number,
  limits: UploadLimits,
): Promise<void> {
  await lockImportAccount(tx, userId);
  const usage = await importUsageOfAccount(tx, userId, IMPORT_JOB_KIND);
  if (usage.openImports >= limits.concurrentImports) throw tooManyImports(limits);
  if (usage.storedBytes > limits.storedBytes) throw quotaExceeded(limits);
}

/** A received upload. */
export interface ReceivedUpload {
  uploadId: number;
  bytes: number;
  sha256: string;
}

/**
 * Streams an uploaded file into the database in chunks of {@link UPLOAD_CHUNK_BYTES}: at
 * most one chunk is held in memory. Refuses while streaming as soon as the file passes the
 * size limit of one upload or what is left of the account's stored bytes; an .xlsx is then
 * measured in the worker pool against the unpacked budget (ZIP bomb). On any refusal the
 * partial upload is deleted. `start` runs in the transaction that completes the upload
 * (account lock held), e.g. to queue the preview job.
 */
export async function receiveUpload<Started>(
  db: Database,
  body: AsyncIterable<Uint8Array>,
  upload: {
    fileName: string;
    userId: number;
    limits: UploadLimits;
    declaredBytes: number | undefined;
    start(tx: Queryable, received: ReceivedUpload): Promise<Started>;
  },
): Promise<Started> {
  const { limits, userId } = upload;
  if (upload.declaredBytes !== undefined && upload.declaredBytes > IMPORT_LIMITS.maxBytes) {
    throw uploadTooLarge();
  }
  const usage = await importUsageOfAccount(db, userId, IMPORT_JOB_KIND);
  if (usage.openImports >= limits.concurrentImports) throw tooManyImports(limits);
  const quotaLeft = limits.storedBytes - usage.storedBytes;
  if (quotaLeft < (upload.declaredBytes ?? 1)) throw quotaExceeded(limits);
  const uploadId = await createImportUpload(db, {
    fileName: upload.fileName,
    createdBy: userId,
    retentionHours: limits.retentionHours,
  });
  try {
    const hash = createHash("sha256");
    let total = 0;
    let seq = 0;
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    let head: Uint8Array | undefined;
    const flush = async () => {
      if (pendingBytes === 0) return;
      await appendImportUploadChunk(db, uploadId, seq, Buffer.concat(pending, pendingBytes));
      seq += 1;
      pending = [];
      pendingBytes = 0;
    };
    for await (const chunk of body) {
      total += chunk.byteLength;
      if (total > IMPORT_LIMITS.maxBytes) throw uploadTooLarge();
      if (total > quotaLeft) throw quotaExceeded(limits);
      head ??= chunk;
      hash.update(chunk);
      pending.push(chunk);
      pendingBytes += chunk.byteLength;
      // Waiting for the database pauses the request stream: memory stays at one chunk.
      if (pendingBytes >= UPLOAD_CHUNK_BYTES) await flush();
    }
    await flush();
    if (total === 0) throw new InputError("import_empty", "Die Datei ist leer.");
    const isZip = head?.[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
    if (isZip) {
      const content = await readImportUploadContent(db, uploadId);
      if (!content) throw new Error(`Upload ${uploadId} wurde nicht vollständig gespeichert`);
      await cpuPool().run("import.inspect", { bytes: content });
    }
    const received: ReceivedUpload = { uploadId, bytes: total, sha256: hash.digest("hex") };
    return await db.transaction(async (tx) => {
      await assertImportSlot(tx, userId, limits);
      await completeImportUpload(tx, uploadId, received.sha256);
      return upload.start(tx, received);
    });
  } catch (error) {
    await deleteImportUpload(db, uploadId);
    throw error;
  }
}
