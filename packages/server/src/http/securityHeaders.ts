import type { FastifyInstance } from "fastify";

// No inline scripts; inline style attributes are allowed (map legends set colours that way).
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * Security headers on every response: CSP without inline scripts, no framing, no MIME
 * sniffing, a strict referrer policy, and HSTS when the request came over TLS (directly or
 * through a proxy that says so). The API docs page sets its own CSP (swagger-ui staticCSP).
 */
export function installSecurityHeaders(
  app: FastifyInstance,
  options: { trustProxy: boolean },
): void {
  app.addHook("onSend", async (request, reply) => {
    if (!request.url.startsWith("/api/docs")) {
      reply.header("content-security-policy", CONTENT_SECURITY_POLICY);
    }
    reply.header("x-content-type-options", "nosniff");
    reply.header("x-frame-options", "DENY");
    reply.header("referrer-policy", "same-origin");
    reply.header("permissions-policy", "camera=(), microphone=(), geolocation=()");
    reply.header("cross-origin-opener-policy", "same-origin");
    if (isTls(request.protocol, request.headers["x-forwarded-proto"], options.trustProxy)) {
      reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
    }
  });
}

/** Whether the request reached us over TLS. */
export function isTls(
  protocol: string,
  forwarded: string | string[] | undefined,
  trustProxy: boolean,
): boolean {
  if (protocol === "https") return true;
  return (
    trustProxy &&
    (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim() === "https"
  );
}
