import { once } from "node:events";
import { createDeflateRaw, crc32 } from "node:zlib";

/**
 * Test fixture: a ZIP file (named like an .xlsx worksheet) with one deflated entry of
 * `unpackedMb` MB of spaces whose directory claims only `declaredBytes` bytes — the "zip
 * bomb" that passed a check of declared sizes. Small on disk (about 1 KB per MB unpacked).
 */
export async function zipBomb(unpackedMb: number, declaredBytes = 1024): Promise<Uint8Array> {
  const deflate = createDeflateRaw({ level: 1 });
  const parts: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => parts.push(chunk));
  const ended = once(deflate, "end");
  const block = Buffer.alloc(1024 * 1024, 0x20);
  let crc = 0;
  for (let mb = 0; mb < unpackedMb; mb += 1) {
    crc = crc32(block, crc);
    if (!deflate.write(block)) await once(deflate, "drain");
  }
  deflate.end();
  await ended;
  const data = Buffer.concat(parts);
  const name = Buffer.from("xl/worksheets/sheet1.xml");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.byteLength, 18);
  local.writeUInt32LE(declaredBytes, 22);
  local.writeUInt16LE(name.byteLength, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.byteLength, 20);
  central.writeUInt32LE(declaredBytes, 24);
  central.writeUInt16LE(name.byteLength, 28);
  central.writeUInt32LE(0, 42);
  const directoryOffset = local.byteLength + name.byteLength + data.byteLength;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.byteLength + name.byteLength, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return new Uint8Array(Buffer.concat([local, name, data, central, name, end]));
}
