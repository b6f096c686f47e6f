import fastifyCompress from "@fastify/compress";
import type { FastifyInstance, FastifyRequest } from "fastify";

/**
 * `Cache-Control` of API responses that do not set their own — the one place to change it
 * (for example to `no-store` for sensitive data). Signed-in answers may be kept only by the
 * browser and must be revalidated (`If-None-Match` → `304` on cached reads); anonymous
 * answers may be kept by any cache, also only with revalidation.
 */
export function apiCacheControl(request: FastifyRequest): string {
  return request.principal.kind === "user" ? "private, no-cache" : "no-cache";
}

/**
 * HTTP compression of every response that is not already encoded (brotli or gzip as the
 * client accepts, from 1 KiB; cached reads and precompressed static files bring their own
 * bytes, ADR 0019), and the API's `Cache-Control` policy.
 */
export async function installCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    encodings: ["br", "gzip"],
    threshold: 1024,
    // Request bodies stay as sent: no inflating of uploads on the way in (as before).
    globalDecompression: false,
  });
  app.addHook("onSend", async (request, reply) => {
    if (request.url.startsWith("/api/") && !reply.hasHeader("cache-control"))
      reply.header("cache-control", apiCacheControl(request));
  });
}
