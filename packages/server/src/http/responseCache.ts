import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Bodies below this size are sent uncompressed (the headers cost more than they save). */
export const COMPRESS_MIN_BYTES = 1024;

/** A content encoding the cache stores. */
export type StoredEncoding = "br" | "gzip" | "identity";

/** One serialised response: the JSON bytes, their strong ETag and the compressed variants. */
interface Entry {
  key: string;
  revision: string;
  etag: string;
  json: Buffer;
  /** Compressed lazily on first request (off the main thread, in libuv's pool). */
  br?: Promise<Buffer>;
  gzip?: Promise<Buffer>;
  bytes: number;
}

/** What a route passes to {@link ResponseCache.send}. */
export interface CachedResponse {
  /**
   * What the result depends on besides the revision: route, parameters, effective query
   * (with defaults such as today's `asOf`) and the viewer class when redaction differs.
   */
  key: string;
  /** The revision the result is bound to, e.g. `L17` (landscape) or `O4` (OZG). */
  revision: string;
  /** Computes the response value; runs once per key and revision (concurrent misses share it). */
  compute: () => unknown;
}

/** Whether an `Accept-Encoding` header accepts a coding (not refused with `q=0`; `*` counts). */
export function acceptsEncoding(header: string | string[] | undefined, coding: string): boolean {
  const text = Array.isArray(header) ? header.join(",") : (header ?? "");
  const accepted = new Map<string, number>();
  for (const part of text.split(",")) {
    const [name = "", ...parameters] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = parameters.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  return (accepted.get(coding) ?? accepted.get("*") ?? 0) > 0;
}

/** The encoding to send for an `Accept-Encoding` header: brotli before gzip before none. */
export function negotiateEncoding(header: string | string[] | undefined): StoredEncoding {
  if (acceptsEncoding(header, "br")) return "br";
  if (acceptsEncoding(header, "gzip")) return "gzip";
  return "identity";
}

/** Whether an `If-None-Match` header names the ETag (weak comparison, RFC 9110 13.1.2). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === opaque);
}

const ETAG_SUFFIX: Record<StoredEncoding, string> = { identity: "", gzip: "-gz", br: "-br" };

/**
 * Serialised responses of revision-bound reads (ADR 0019). A result is computed, checked
 * against the route's 200 response schema and serialised **once** per key and revision;
 * afterwards every request is answered from the stored bytes — a `304` when `If-None-Match`
 * names its ETag, else the brotli, gzip or plain JSON bytes as `Accept-Encoding` allows —
 * without per-request validation or serialisation. The ETag is a hash of the JSON (so equal
 * results in two processes, or for two viewer classes that see the same, share it); each
 * encoding gets its own suffix, as RFC 9110 wants for strong validators, and a request may
 * revalidate with any of them.
 *
 * Entries are replaced when their revision changes and evicted least recently used beyond
 * `maxBytes` (JSON plus compressed variants).
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry>>();
  private bytes = 0;
  private readonly maxBytes: number;

  constructor(options: { maxBytes?: number } = {}) {
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  }

  /** Stored bytes (JSON and compressed variants) for tests and diagnostics. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  /**
   * Answers the request from the cache (computing the entry on a miss). The body is sent as
   * prepared bytes with `content-type: application/json`, so the typed serializer is not
   * run; the route keeps its response schema for validation at computation and OpenAPI.
   */
  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    response: CachedResponse,
  ): Promise<FastifyReply> {
    const entry = await this.entry(request, response);
    const encoding =
      entry.json.length < COMPRESS_MIN_BYTES
        ? "identity"
        : negotiateEncoding(request.headers["accept-encoding"]);
    const etag = `"${entry.etag}${ETAG_SUFFIX[encoding]}"`;
    const raw = reply;
    raw.header("vary", "accept-encoding").header("etag", etag);
    const tags = ["", "-gz", "-br"].map((suffix) => `"${entry.etag}${suffix}"`);
    const ifNoneMatch = request.headers["if-none-match"];
    if (tags.some((tag) => etagMatches(ifNoneMatch, tag))) return raw.code(304).send();
    raw.type("application/json; charset=utf-8");
    if (encoding === "identity") return raw.send(entry.json);
    const body = await this.compressed(entry, encoding);
    return raw.header("content-encoding", encoding).send(body);
  }

  private compressed(entry: Entry, encoding: "br" | "gzip"): Promise<Buffer> {
    const existing = entry[encoding];
    if (existing) return existing;
    const made =
      encoding === "br"
        ? brotliAsync(entry.json, {
            params: {
              // Quality 5 compresses JSON close to 11 at a fraction of the time (once per revision).
              [constants.BROTLI_PARAM_QUALITY]: 5,
              [constants.BROTLI_PARAM_SIZE_HINT]: entry.json.length,
            },
          })
        : gzipAsync(entry.json, { level: 6 });
    entry[encoding] = made;
    void made.then(
      (buffer) => {
        entry.bytes += buffer.length;
        if (this.entries.get(entry.key) === entry) {
          this.bytes += buffer.length;
          this.evict();
        }
      },
      () => {
        if (entry[encoding] === made) delete entry[encoding];
      },
    );
    return made;
  }

  private async entry(request: FastifyRequest, response: CachedResponse): Promise<Entry> {
    const hit = this.entries.get(response.key);
    if (hit && hit.revision === response.revision) {
      // Least recently used first: re-insert on every hit.
      this.entries.delete(response.key);
      this.entries.set(response.key, hit);
      return hit;
    }
    const pendingKey = `${response.revision}\u0000${response.key}`;
    const running = this.pending.get(pendingKey);
    if (running) return running;
    const started = (async () => {
      const value = await response.compute();
      const json = Buffer.from(JSON.stringify(encodeForRoute(request, value)));
      const etag = createHash("sha256").update(json).digest("base64url").slice(0, 27);
      const entry: Entry = {
        key: response.key,
        revision: response.revision,
        etag,
        json,
        bytes: json.length,
      };
      this.store(response.key, entry);
      return entry;
    })().finally(() => this.pending.delete(pendingKey));
    this.pending.set(pendingKey, started);
    return started;
  }

  private store(key: string, entry: Entry): void {
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= previous.bytes;
    }
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    this.evict();
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.maxBytes || this.entries.size <= 1) break;
      this.entries.delete(key);
      this.bytes -= entry.bytes;
    }
  }
}

/**
 * The value as the route's typed serializer would send it: encoded by its 200 response
 * schema (fastify-type-provider-zod does `z.safeEncode` then `JSON.stringify`), so a cached
 * body equals a freshly serialised one — checked once per revision instead of per request.
 */
function encodeForRoute(request: FastifyRequest, value: unknown): unknown {
  const schema = (request.routeOptions.schema?.response as Record<string, unknown> | undefined)?.[
    "200"
  ];
  if (!(schema instanceof z.ZodType)) return value;
  const result = z.safeEncode(schema, value);
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * A cache key of the request: route, parameters and the parsed query (with its defaults),
 * plus what else the result depends on (`extra`, e.g. the day or the viewer class).
 */
export function requestKey(request: FastifyRequest, ...extra: unknown[]): string {
  return JSON.stringify([request.routeOptions.url, request.params, request.query, ...extra]);
}
