import { Readable } from "node:stream";
import { appendAudit, enqueueJob, findImportUpload, linkImportJob } from "@it-atlas/db";
import { can, IMPORT_SHEETS, InputError, NotFoundError, type Principal } from "@it-atlas/domain";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { auditActor } from "../auth/authPlugin.ts";
import { templateWorkbook } from "../export/templateWorkbook.ts";
import { CONTENT_TYPES } from "../export/exportFiles.ts";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";
import { IMPORT_JOB_KIND, type ImportJobPayload } from "../jobs/importJob.ts";
import { assertImportSlot, receiveUpload } from "../services/importUploadService.ts";
import { sendFile } from "./exportRoutes.ts";

/** Media types accepted as the raw body of an upload. */
const UPLOAD_TYPES = [
  CONTENT_TYPES.xlsx,
  "text/csv",
  "application/octet-stream",
  "application/vnd.ms-excel",
];

/** Answer of an upload or commit: the upload and the job to poll at /api/jobs/:id. */
const ImportStarted = z
  .object({ uploadId: z.number().int(), jobId: z.number().int() })
  .meta({ id: "ImportStarted" });

const FileName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  // Path separators and control characters (U+0000–U+001F) become "_".
  .transform((name) => name.replace(/[\\/]/g, "_").replace(/\p{Cc}/gu, "_"));

async function ownUpload(context: AppContext, principal: Principal, id: number) {
  const upload = await findImportUpload(context.db, id);
  const mine =
    upload &&
    principal.kind === "user" &&
    (upload.createdBy === principal.userId || can(principal, "users:manage"));
  if (!upload?.complete || !mine || principal.kind !== "user") {
    throw new NotFoundError(
      "import_not_found",
      `Es gibt keinen Import ${id}, den Sie sehen dürfen.`,
    );
  }
  return { upload, userId: principal.userId };
}

/**
 * Import of Excel/CSV files: templates, upload (raw body, up to 50 MB, streamed into the
 * database) with a preview job, and commit as a second job. Only roles that write imported
 * data may upload ("imports:upload"); only rows of Kommunen or providers the user may edit
 * can be written, and a file with any invalid row is not written at all. Per account, the
 * imports queued or running and the stored upload bytes are limited (ADR 0020).
 */
export function registerImportRoutes(app: ZodApp, context: AppContext): void {
  const signedIn = { access: { permission: "landscape:read" as const } };
  const importers = { access: { permission: "imports:upload" as const } };

  app.get(
    "/api/imports/templates/:entity",
    {
      config: signedIn,
      schema: {
        tags: ["Import"],
        summary: "Excel-Vorlage mit Hinweisen und Wertelisten",
        params: z.object({
          entity: z.enum(IMPORT_SHEETS.map((spec) => spec.entity) as [string, ...string[]]),
        }),
        response: { 200: z.string().meta({ description: "XLSX" }), 400: problemResponses[400] },
      },
    },
    async (request, reply) =>
      sendFile(reply as FastifyReply, {
        body: await templateWorkbook(context.db, request.params.entity),
        contentType: CONTENT_TYPES.xlsx,
        fileName: `it-atlas-vorlage-${request.params.entity}.xlsx`,
      }),
  );

  // The raw-body parser is scoped to this plugin, so no other route accepts these types. It
  // hands the request stream on unread: the handler streams it into the database.
  void app.register((scope: FastifyInstance, _options, done) => {
    const uploads = scope.withTypeProvider<ZodTypeProvider>();
    uploads.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));

    uploads.post(
      "/api/imports",
      {
        config: importers,
        schema: {
          tags: ["Import"],
          summary: "Datei hochladen (XLSX oder CSV als Rohdaten) und Prüfung starten",
          description:
            "Der Rumpf ist die Datei selbst (Content-Type XLSX, text/csv oder application/octet-stream, höchstens 50 MB). Antwort: Auftrag, dessen Fortschritt und Vorschau (ImportResult) unter /api/jobs/{id} abrufbar sind.",
          querystring: z.object({ fileName: FileName }),
          consumes: UPLOAD_TYPES,
          body: z.string().meta({ format: "binary" }),
          response: {
            202: ImportStarted,
            400: problemResponses[400],
            403: problemResponses[403],
            413: problemResponses[413],
            429: problemResponses[429],
          },
        },
        // The body is the request stream; there is nothing for zod to validate.
        validatorCompiler: ({ httpPart }) =>
          httpPart === "body"
            ? (data: unknown) => ({ value: data })
            : (data: unknown) => {
                const parsed = z.object({ fileName: FileName }).safeParse(data);
                return parsed.success ? { value: parsed.data } : { error: parsed.error };
              },
      },
      async (request, reply) => {
        const body = request.body as unknown;
        if (!(body instanceof Readable)) {
          throw new InputError(
            "import_body_missing",
            "Bitte die Datei selbst als Inhalt der Anfrage senden (Content-Type XLSX, text/csv oder application/octet-stream).",
          );
        }
        const principal = request.principal;
        if (principal.kind !== "user") throw new Error("Anmeldung fehlt");
        const declared = Number(request.headers["content-length"]);
        const actor = auditActor(request);
        const started = await receiveUpload(context.db, body, {
          fileName: request.query.fileName,
          userId: principal.userId,
          limits: context.uploads,
          declaredBytes: Number.isFinite(declared) ? declared : undefined,
          async start(tx, received) {
            const payload: ImportJobPayload = {
              uploadId: received.uploadId,
              commit: false,
              userId: principal.userId,
            };
            const jobId = await enqueueJob(tx, {
              kind: IMPORT_JOB_KIND,
              payload,
              createdBy: principal.userId,
            });
            await linkImportJob(tx, received.uploadId, "preview", jobId);
            await appendAudit(tx, {
              ...actor,
              action: "upload",
              entityType: "import",
              entityId: String(received.uploadId),
              before: null,
              after: { fileName: request.query.fileName, bytes: received.bytes },
            });
            return { uploadId: received.uploadId, jobId };
          },
        });
        return reply.status(202).send(started);
      },
    );
    done();
  });

  app.post(
    "/api/imports/:id/commit",
    {
      config: importers,
      schema: {
        tags: ["Import"],
        summary:
          "Geprüfte Datei übernehmen (eine Transaktion; nichts, wenn eine Zeile fehlerhaft ist)",
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: {
          202: ImportStarted,
          400: problemResponses[400],
          403: problemResponses[403],
          404: problemResponses[404],
          429: problemResponses[429],
        },
      },
    },
    async (request, reply) => {
      const { upload, userId } = await ownUpload(context, request.principal, request.params.id);
      const actor = auditActor(request);
      const jobId = await context.db.transaction(async (tx) => {
        await assertImportSlot(tx, userId, { ...context.uploads, storedBytes: Infinity });
        const payload: ImportJobPayload = { uploadId: upload.id, commit: true, userId };
        const id = await enqueueJob(tx, {
          kind: IMPORT_JOB_KIND,
          payload,
          createdBy: userId,
          maxAttempts: 2,
        });
        await linkImportJob(tx, upload.id, "commit", id);
        await appendAudit(tx, {
          ...actor,
          action: "commit_requested",
          entityType: "import",
          entityId: String(upload.id),
          before: null,
          after: { fileName: upload.fileName, jobId: id },
        });
        return id;
      });
      return reply.status(202).send({ uploadId: upload.id, jobId });
    },
  );
}
