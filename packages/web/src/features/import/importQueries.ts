import { ImportResult } from "@it-atlas/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client.ts";

/** Media types the upload endpoint accepts; anything else is sent as octet-stream. */
const UPLOAD_TYPES = new Set([
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "text/csv",
  "application/vnd.ms-excel",
]);

/** Uploads a file (raw body) and starts its check; answers with the job to poll. */
export function useUploadImport() {
  return useMutation({
    mutationFn: async (file: File) =>
      unwrap(
        await api.POST("/api/imports", {
          params: { query: { fileName: file.name } },
          // The body is the file itself: openapi-fetch must not JSON-encode it.
          body: file as unknown as string,
          bodySerializer: (body: unknown) => body as BodyInit,
          headers: {
            "content-type": UPLOAD_TYPES.has(file.type) ? file.type : "application/octet-stream",
          },
        }),
      ),
  });
}

/** Starts writing a checked upload (second job). */
export function useCommitImport() {
  return useMutation({
    mutationFn: async (uploadId: number) =>
      unwrap(await api.POST("/api/imports/{id}/commit", { params: { path: { id: uploadId } } })),
  });
}

/** A job polled every 400 ms until it has finished; its result read as an import result. */
export function useImportJob(jobId: number | null) {
  const query = useQuery({
    queryKey: ["job", jobId],
    queryFn: async () =>
      unwrap(await api.GET("/api/jobs/{id}", { params: { path: { id: jobId ?? 0 } } })),
    enabled: jobId !== null,
    refetchInterval: (current) => {
      const status = current.state.data?.status;
      return status === "succeeded" || status === "failed" || status === "cancelled" ? false : 400;
    },
  });
  const parsed =
    query.data?.status === "succeeded" ? ImportResult.safeParse(query.data.result) : undefined;
  return { ...query, result: parsed?.success ? parsed.data : undefined };
}
