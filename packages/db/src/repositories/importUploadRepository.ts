import type { Queryable } from "../client/Database.ts";
import { sql } from "../client/sql.ts";

/** An uploaded import file as stored. */
export interface ImportUpload {
  id: number;
  fileName: string;
  byteSize: number;
  sha256: string;
  createdBy: number | null;
  previewJobId: number | null;
  commitJobId: number | null;
}

/** Stores an uploaded file; returns its id. */
export async function saveImportUpload(
  db: Queryable,
  upload: { fileName: string; sha256: string; content: Uint8Array; createdBy: number | null },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(sql`
    INSERT INTO import_upload (file_name, byte_size, sha256, content, created_by)
    VALUES (${upload.fileName}, ${upload.content.byteLength}, ${upload.sha256}, ${upload.content}, ${upload.createdBy})
    RETURNING id`);
  if (!row) throw new Error("Upload wurde nicht gespeichert");
  return row.id;
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
           preview_job_id AS "previewJobId", commit_job_id AS "commitJobId"
    FROM import_upload WHERE id = ${id}`);
  return row;
}

/** The bytes of an upload. */
export async function readImportUploadContent(
  db: Queryable,
  id: number,
): Promise<Uint8Array | undefined> {
  const [row] = await db.query<{ content: Uint8Array }>(
    sql`SELECT content FROM import_upload WHERE id = ${id}`,
  );
  return row ? new Uint8Array(row.content) : undefined;
}
