import { constants } from "node:buffer";
import { createInflateRaw, inflateRawSync } from "node:zlib";

/**
 * Whether any worksheet of an .xlsx declares merged cells (`<mergeCell` in
 * `xl/worksheets/*.xml`). Inflates only the worksheet entries; returns undefined when the
 * archive cannot be read this way (the caller then takes the careful path).
 */
export function worksheetsHaveMergedCells(
  bytes: Uint8Array,
  maxEntryBytes = constants.MAX_LENGTH,
): boolean | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 65_535);
  let end = -1;
  for (let offset = bytes.length - 22; offset >= lowest; offset -= 1) {
    if (view.getUint32(offset, true) === 0x06054b50) {
      end = offset;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  for (let entry = 0; entry < entries; entry += 1) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return undefined;
    const method = view.getUint16(offset + 10, true);
    const compressed = view.getUint32(offset + 20, true);
    const nameLength = view.getUint16(offset + 28, true);
    const local = view.getUint32(offset + 42, true);
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    offset +=
      46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return undefined;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + compressed);
    let xml: Buffer;
    try {
      if (method === 0) xml = Buffer.from(data);
      else if (method === 8) xml = inflateRawSync(data, { maxOutputLength: maxEntryBytes });
      else return undefined;
    } catch {
      return undefined;
    }
    // Also "<x:mergeCell" of writers that prefix the namespace.
    if (xml.includes("mergeCell")) return true;
  }
  return false;
}

/** Outcome of {@link measureUnpackedSize}. */
export type UnpackedSize =
  { kind: "ok"; bytes: number } | { kind: "too_large"; budget: number } | { kind: "unreadable" };

/** Inflates one raw-deflate entry, counting (and dropping) its output; stops past `limit`. */
function countInflated(
  data: Uint8Array,
  limit: number,
): Promise<number | "too_large" | "unreadable"> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw({ chunkSize: 1024 * 1024 });
    let total = 0;
    let settled = false;
    const settle = (outcome: number | "too_large" | "unreadable") => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    inflate.on("data", (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > limit) {
        settle("too_large");
        inflate.destroy();
      }
    });
    inflate.on("end", () => settle(total));
    inflate.on("error", () => settle("unreadable"));
    inflate.end(data);
  });
}

/**
 * The real unpacked size of a ZIP file (an .xlsx): every entry is inflated as a stream and
 * its output counted, never trusting the sizes the archive declares. Stops as soon as the
 * sum passes `budget`, so a "zip bomb" costs at most `budget` bytes of inflating and almost
 * no memory.
 */
export async function measureUnpackedSize(
  bytes: Uint8Array,
  budget: number,
): Promise<UnpackedSize> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 65_535);
  let end = -1;
  for (let offset = bytes.length - 22; offset >= lowest; offset -= 1) {
    if (view.getUint32(offset, true) === 0x06054b50) {
      end = offset;
      break;
    }
  }
  if (end < 0) return { kind: "unreadable" };
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  let total = 0;
  for (let entry = 0; entry < entries; entry += 1) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) {
      return { kind: "unreadable" };
    }
    const method = view.getUint16(offset + 10, true);
    const compressed = view.getUint32(offset + 20, true);
    const nameLength = view.getUint16(offset + 28, true);
    const local = view.getUint32(offset + 42, true);
    offset +=
      46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    // ZIP64 sizes: a file of at most 50 MB has no use for them.
    if (compressed === 0xffffffff || local === 0xffffffff) return { kind: "too_large", budget };
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) {
      return { kind: "unreadable" };
    }
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > bytes.length) return { kind: "unreadable" };
    const data = bytes.subarray(start, start + compressed);
    if (method === 0) {
      total += data.byteLength;
    } else if (method === 8) {
      const inflated = await countInflated(data, budget - total);
      if (inflated === "too_large") return { kind: "too_large", budget };
      if (inflated === "unreadable") return { kind: "unreadable" };
      total += inflated;
    } else {
      return { kind: "unreadable" };
    }
    if (total > budget) return { kind: "too_large", budget };
  }
  return { kind: "ok", bytes: total };
}
