import type { Queryable } from "../client/Database.ts";
import { sql } from "../client/sql.ts";

/** An uploaded import file as stored (its bytes are in chunks). */
export interface ImportUpload {
  id: number;
  fileName: string;
  byteSize: number;
  sha256: string;
  createdBy: number | null;
  previewJobId: number | null;
  commitJobId: number | null;
  /** False while the file is still being received. */
  complete: boolean;
}

/** Starts an upload that is received in chunks; returns its id. */
export async function createImportUpload(
  db: Queryable,
  upload: { fileName: string; createdBy: number; retentionHours: number },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(sql`
    INSERT INTO import_upload (file_name, byte_size, sha256, created_by, complete, expires_at)
    VALUES (${upload.fileName}, 0, '', ${upload.createdBy}, false,
            now() + make_interval(hours => ${upload.retentionHours}))
    RETURNING id`);
  if (!row) throw new Error("Upload wurde nicht angelegt");
  return row.id;
}

/** Appends the next chunk of an upload (seq counts from 0) and adds it to its size. */
export async function appendImportUploadChunk(
  db: Queryable,
  uploadId: number,
  seq: number,
  bytes: Uint8Array,
): Promise<void> {
  // Sent as Base64 text: PGlite serialises a bytea parameter about ten times slower.
  const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
  await db.query(sql`
    INSERT INTO import_upload_chunk (upload_id, seq, bytes)
    VALUES (${uploadId}, ${seq}, decode(${base64}, 'base64'))`);
  await db.query(sql`
    UPDATE import_upload SET byte_size = byte_size + ${bytes.byteLength} WHERE id = ${uploadId}`);
}

/** Marks an upload as completely received, with the SHA-256 of its bytes. */
export async function completeImportUpload(
  db: Queryable,
  uploadId: number,
  sha256: string,
): Promise<void> {
  await db.query(
    sql`UPDATE import_upload SET complete = true, sha256 = ${sha256} WHERE id = ${uploadId}`,
  );
}

/** Deletes an upload and its bytes. */
export async function deleteImportUpload(db: Queryable, uploadId: number): Promise<void> {
  await db.query(sql`DELETE FROM import_upload WHERE id = ${uploadId}`);
}

/**
 * Deletes uploads past their expiry whose preview or commit job is not queued or running.
 * Returns how many were deleted.
 */
export async function deleteExpiredImportUploads(db: Queryable): Promise<number> {
  const rows = await db.query<{ id: number }>(sql`
    DELETE FROM import_upload AS upload
    WHERE upload.expires_at <= now()
      AND NOT EXISTS (
        SELECT 1 FROM job
        WHERE job.id IN (upload.preview_job_id, upload.commit_job_id)
          AND job.status IN ('queued', 'running'))
    RETURNING id`);
  return rows.length;
}

/** Links the preview or commit job to an upload. */
export async function linkImportJob(
  db: Queryable,
  uploadId: number,
  kind: "preview" | "commit",
  jobId: number,
): Promise<void> {
  await db.query(
    kind === "preview"
      ? sql`UPDATE import_upload SET preview_job_id = ${jobId} WHERE id = ${uploadId}`
      : sql`UPDATE import_upload SET commit_job_id = ${jobId} WHERE id = ${uploadId}`,
  );
}

/** One upload without its bytes. */
export async function findImportUpload(
  db: Queryable,
  id: number,
): Promise<ImportUpload | undefined> {
  const [row] = await db.query<ImportUpload>(sql`
    SELECT id, file_name AS "fileName", byte_size AS "byteSize", sha256, created_by AS "createdBy",
           preview_job_id AS "previewJobId", commit_job_id AS "commitJobId", complete
    FROM import_upload WHERE id = ${id}`);
  return row;
}

/** The bytes of an upload (as far as received), its chunks joined in order. */
export async function readImportUploadContent(
  db: Queryable,
  id: number,
): Promise<Uint8Array | undefined> {
  const [upload] = await db.query<{ byteSize: number }>(
    sql`SELECT byte_size AS "byteSize" FROM import_upload WHERE id = ${id}`,
  );
  if (!upload) return undefined;
  const content = new Uint8Array(upload.byteSize);
  let offset = 0;
  // One chunk per query, as Base64 text (PGlite parses bytea results about ten times slower).
  for (let seq = 0; offset < upload.byteSize; seq += 1) {
    const [chunk] = await db.query<{ base64: string }>(sql`
      SELECT encode(bytes, 'base64') AS base64 FROM import_upload_chunk
      WHERE upload_id = ${id} AND seq = ${seq}`);
    if (!chunk) break;
    const bytes = Buffer.from(chunk.base64, "base64");
    if (offset + bytes.byteLength > content.byteLength) return undefined;
    content.set(bytes, offset);
    offset += bytes.byteLength;
  }
  return offset === upload.byteSize ? content : undefined;
}

/** What an account holds now: import jobs queued or running, and bytes of stored uploads. */
export async function importUsageOfAccount(
  db: Queryable,
  userId: number,
  jobKind: string,
): Promise<{ openImports: number; storedBytes: number }> {
  const [row] = await db.query<{ openImports: number; storedBytes: number }>(sql`
    SELECT
      (SELECT count(*)::int FROM job
        WHERE created_by = ${userId} AND kind = ${jobKind} AND status IN ('queued', 'running'))
        AS "openImports",
      (SELECT coalesce(sum(byte_size), 0)::bigint FROM import_upload WHERE created_by = ${userId})
        AS "storedBytes"`);
  return { openImports: row?.openImports ?? 0, storedBytes: Number(row?.storedBytes ?? 0) };
}

// Any constant works; it only has to be the same for every IT-Atlas process.
const IMPORT_ACCOUNT_LOCK = 7_240_520;

/**
 * Serialises the limit check of one account's uploads and imports across server processes
 * until the end of the transaction.
 */
export async function lockImportAccount(tx: Queryable, userId: number): Promise<void> {
  await tx.query(sql`SELECT pg_advisory_xact_lock(${IMPORT_ACCOUNT_LOCK}, ${userId})`);
}
