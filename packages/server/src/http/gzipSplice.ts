import { promisify } from "node:util";
import { constants, crc32, deflateRaw, deflateRawSync } from "node:zlib";

const deflateRawAsync = promisify(deflateRaw);

/** Gzip member header: magic, deflate, no flags, no mtime, no extra flags, OS unknown. */
const HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff]);

/**
 * The large, shared beginning of a response, compressed once. The deflate stream ends with a
 * full flush (byte-aligned, no back-references past it, not final), so any independently
 * compressed ending can follow it; CRC and length are kept for the gzip trailer.
 */
export interface PreparedPrefix {
  text: string;
  deflated: Buffer;
  crc: number;
  bytes: number;
}

/** Compresses the shared beginning off the main thread (zlib's thread pool). */
export async function preparePrefix(text: string, level = 4): Promise<PreparedPrefix> {
  const deflated = await deflateRawAsync(text, { level, finishFlush: constants.Z_FULL_FLUSH });
  return { text, deflated, crc: crc32(text), bytes: Buffer.byteLength(text) };
}

/**
 * A valid gzip body for `prefix.text + suffix` without compressing the prefix again: the
 * cached deflate blocks, then the suffix as the final block, then CRC-32 and length (RFC 1952).
 * Costs microseconds for a short suffix, however large the prefix.
 */
export function gzipWithSuffix(prefix: PreparedPrefix, suffix: string): Buffer {
  const ending = deflateRawSync(suffix);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(suffix, prefix.crc) >>> 0, 0);
  trailer.writeUInt32LE((prefix.bytes + Buffer.byteLength(suffix)) >>> 0, 4);
  return Buffer.concat([HEADER, prefix.deflated, ending, trailer]);
}
