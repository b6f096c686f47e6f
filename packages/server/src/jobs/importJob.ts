import {
  deleteImportUpload,
  findImportUpload,
  findUserById,
  readImportUploadContent,
  type Database,
} from "@it-atlas/db";
import { InputError, type Principal } from "@it-atlas/domain";
import { runImport } from "../import/importService.ts";
import { cpuPool } from "../workers/cpuPool.ts";
import type { JobHandler } from "./JobRunner.ts";

/** Job kind of imports: check an uploaded file, or check and write it. */
export const IMPORT_JOB_KIND = "import";

/** Payload of an import job. */
export interface ImportJobPayload {
  uploadId: number;
  commit: boolean;
  /** The user who started the import: their roles decide which Kommunen may be written. */
  userId: number;
}

/**
 * Runs the import of a stored upload as a background job with progress; the result (counts
 * and problems) is stored with the job. Permissions are those of the user at run time.
 * Reading the file, checking its rows and comparing Bezüge with the stored versions run in
 * the CPU worker pool; the main thread only reads from and writes to the database.
 */
export function importJobHandler(db: Database): JobHandler {
  return {
    kind: IMPORT_JOB_KIND,
    async run(payload, context) {
      const { uploadId, commit, userId } = payload as ImportJobPayload;
      const [upload, content, user] = await Promise.all([
        findImportUpload(db, uploadId),
        readImportUploadContent(db, uploadId),
        findUserById(db, userId),
      ]);
      if (!upload?.complete || !content) {
        throw new InputError(
          "import_upload_missing",
          "Die hochgeladene Datei ist nicht mehr vorhanden.",
        );
      }
      if (!user || user.status !== "active") {
        throw new InputError(
          "import_user_inactive",
          "Das Konto, das den Import gestartet hat, ist nicht aktiv.",
        );
      }
      const principal: Principal = {
        kind: "user",
        userId: user.id,
        email: user.email,
        displayName: user.displayName,
        roles: user.roles,
        via: "session",
      };
      const result = await runImport(db, content, {
        fileName: upload.fileName,
        uploadId,
        commit,
        actor: {
          principal,
          audit: { actorUserId: user.id, actorLabel: user.email, via: "import", requestId: null },
        },
        progress: (fraction, text) => context.progress(fraction, text),
        // Reading, row checks and the sourcing comparison run in the worker pool; the database
        // work stays here.
        checkFile: (bytes, fileName, sourcing) =>
          cpuPool().run("import.check", { bytes, fileName, sourcing }),
        planSourcing: (rows, compare) =>
          cpuPool().run("import.planSourcing", { rows: [...rows], compare }),
      });
      // Retention: a committed file is not needed any more (the audit keeps its SHA-256).
      if (result.committed) await deleteImportUpload(db, uploadId);
      return result;
    },
  };
}
