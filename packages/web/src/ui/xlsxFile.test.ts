import { describe, expect, it } from "vitest";
import { storedZip, toXlsx } from "./xlsxFile.ts";

/** Reads the files of an uncompressed ZIP archive (what storedZip writes). */
function readStoredZip(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder();
  const files = new Map<string, string>();
  let offset = 0;
  while (view.getUint32(offset, true) === 0x04034b50) {
    expect(view.getUint16(offset + 8, true)).toBe(0);
    const size = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const name = decoder.decode(bytes.subarray(offset + 30, offset + 30 + nameLength));
    const start = offset + 30 + nameLength;
    files.set(name, decoder.decode(bytes.subarray(start, start + size)));
    offset = start + size;
  }
  return files;
}

describe("toXlsx", () => {
  const columns = [
    { header: "Name", value: (row: { name: string; amount: number | null }) => row.name },
    { header: "Betrag", value: (row: { name: string; amount: number | null }) => row.amount },
  ];

  it("writes a workbook with a bold header, numbers as numbers and text neutralised", () => {
    const files = readStoredZip(
      toXlsx("Kommunen", columns, [
        { name: '=HYPERLINK("x")', amount: 1234.5 },
        { name: "Müller & Söhne <GmbH>", amount: null },
        { name: "@SUMME", amount: -3 },
      ]),
    );
    expect([...files.keys()]).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    const sheet = files.get("xl/worksheets/sheet1.xml") ?? "";
    expect(sheet).toContain('<c r="A1" t="inlineStr" s="1"><is><t xml:space="preserve">Name</t>');
    expect(sheet).toContain('<t xml:space="preserve">\'=HYPERLINK(&quot;x&quot;)</t>');
    expect(sheet).toContain('<c r="B2"><v>1234.5</v></c>');
    expect(sheet).toContain("Müller &amp; Söhne &lt;GmbH&gt;");
    expect(sheet).toContain("'@SUMME");
    expect(sheet).toContain('<c r="B4"><v>-3</v></c>');
    expect(sheet).toContain('<autoFilter ref="A1:B4"/>');
    expect(files.get("xl/workbook.xml")).toContain('<sheet name="Kommunen"');
  });

  it("keeps sheet names within Excel's rules", () => {
    const files = readStoredZip(
      toXlsx("Vergleich 01/2026: [alle] Kommunen und Kreise", columns, []),
    );
    expect(files.get("xl/workbook.xml")).toContain('<sheet name="Vergleich 01 2026   alle  Kommu"');
  });
});

describe("storedZip", () => {
  it("records the CRC-32 of each file (the value of the ZIP specification's test vector)", () => {
    const bytes = storedZip([["a.txt", "123456789"]]);
    expect(new DataView(bytes.buffer).getUint32(14, true)).toBe(0xcbf43926);
  });
});
