/**
 * Sum of the uncompressed sizes that a ZIP file (an .xlsx) declares in its central
 * directory, read without unpacking anything. Lets the importer refuse a "zip bomb" before
 * exceljs inflates it in memory. Returns undefined when the directory cannot be found.
 */
export function declaredUncompressedSize(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: signature 0x06054b50, at most 65,535 bytes of comment after it.
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
  let total = 0;
  for (let entry = 0; entry < entries; entry += 1) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return undefined;
    const size = view.getUint32(offset + 24, true);
    // 0xFFFFFFFF means a ZIP64 size: far beyond anything we accept.
    total += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size;
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true);
  }
  return total;
}
