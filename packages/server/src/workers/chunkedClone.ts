import { deserialize, serialize } from "node:v8";

/**
 * Items per encoded chunk. Structured clone decodes a message in one piece on the receiving
 * thread: 100,000 import rows took 0.5–2 s on the event loop. A chunk of this size decodes in a
 * few milliseconds, and the event loop runs other work between chunks.
 */
export const CLONE_CHUNK_ITEMS = 2000;

/**
 * Encodes a long list of plain data in a worker as chunks of bytes (v8 serialisation); bytes
 * cross the thread boundary as one copy, without building objects on the receiving side.
 */
export function encodeChunks<T>(items: readonly T[], size = CLONE_CHUNK_ITEMS): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < items.length; start += size) {
    // A copy of exactly these bytes: a view into a larger buffer would clone all of it.
    chunks.push(new Uint8Array(serialize(items.slice(start, start + size))));
  }
  return chunks;
}

/** Decodes {@link encodeChunks} chunk by chunk, letting the event loop run between chunks. */
export async function decodeChunks<T>(chunks: readonly Uint8Array[]): Promise<T[]> {
  const items: T[] = [];
  for (const chunk of chunks) {
    await new Promise((resolve) => setImmediate(resolve));
    for (const item of deserialize(chunk) as T[]) items.push(item);
  }
  return items;
}
