import fastifyCompress from "@fastify/compress";
import type { FastifyInstance, FastifyRequest } from "fastify";

/**
 * `Cache-Control` of API responses that do not set their own — the one place to change it.
 * Signed-in answers are `no-store` (OWASP ASVS 4.0 V8.2.1, issue 15.7): no browser or proxy
 * keeps confidential data on disk after sign-out; the ETag is still sent, but browsers do not
 * keep the body, so they rarely revalidate (ADR 0019, addendum). Anonymous answers may be kept
 * by any cache, only with revalidation (`If-None-Match` → `304`).
 */
export function apiCacheControl(request: FastifyRequest): string {
  return request.principal.kind === "user" ? "no-store" : "no-cache";
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
