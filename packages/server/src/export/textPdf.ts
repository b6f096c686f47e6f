/**
 * A minimal text-only PDF 1.4 writer (no dependency): Helvetica with WinAnsiEncoding, so that
 * German umlauts, ß, „“ and € print and stay extractable. Lines are wrapped and paged; the
 * content streams are not compressed (a strategy document is a few kilobytes).
 */

/** WinAnsi (CP1252) bytes of characters outside Latin-1 that German texts use. */
const WIN_ANSI_EXTRA: Record<string, number> = {
  "€": 0x80,
  "‚": 0x82,
  "„": 0x84,
  "…": 0x85,
  "‘": 0x91,
  "’": 0x92,
  "“": 0x93,
  "”": 0x94,
  "•": 0x95,
  "–": 0x96,
  "—": 0x97,
};

/** One line of the document; headings are set larger and bold. */
export interface PdfLine {
  text: string;
  style?: "title" | "heading" | "body";
}

const PAGE_WIDTH = 595; // A4 in points
const PAGE_HEIGHT = 842;
const MARGIN = 56;
const STYLES = {
  title: { font: "F2", size: 16, leading: 24, wrap: 60 },
  heading: { font: "F2", size: 12, leading: 18, wrap: 80 },
  body: { font: "F1", size: 10, leading: 14, wrap: 95 },
} as const;

/** Encodes text as a PDF literal string body in WinAnsi bytes (unknown characters → "?"). */
export function toWinAnsiLiteral(text: string): string {
  let out = "";
  for (const character of text) {
    const code = character.codePointAt(0) ?? 63;
    const byte = WIN_ANSI_EXTRA[character] ?? (code < 256 && code >= 32 ? code : 63);
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte < 128) out += String.fromCharCode(byte);
    else out += `\\${byte.toString(8).padStart(3, "0")}`;
  }
  return out;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter((part) => part.length > 0)) {
    if (current.length > 0 && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current.length > 0 ? `${current} ${word}` : word;
    }
  }
  lines.push(current);
  return lines;
}

/** Renders lines to a PDF document. */
export function renderTextPdf(title: string, lines: readonly PdfLine[]): Buffer {
  const pages: string[][] = [[]];
  let y = PAGE_HEIGHT - MARGIN;
  for (const line of lines) {
    const style = STYLES[line.style ?? "body"];
    for (const part of wrap(line.text, style.wrap)) {
      if (y - style.leading < MARGIN) {
        pages.push([]);
        y = PAGE_HEIGHT - MARGIN;
      }
      y -= style.leading;
      pages
        .at(-1)
        ?.push(
          `BT /${style.font} ${style.size} Tf ${MARGIN} ${y} Td (${toWinAnsiLiteral(part)}) Tj ET`,
        );
    }
  }
  // Objects: 1 catalog, 2 pages, 3 Helvetica, 4 Helvetica-Bold, 5 info, then page + content pairs.
  const objects: string[] = [];
  const pageIds = pages.map((_page, index) => 6 + index * 2);
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  objects[4] =
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>";
  objects[5] = `<< /Title (${toWinAnsiLiteral(title)}) /Producer (IT-Atlas NRW) >>`;
  pages.forEach((commands, index) => {
    const pageId = 6 + index * 2;
    const content = commands.join("\n");
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
      `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] =
      `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`;
  });
  let body = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id += 1) {
    offsets[id] = Buffer.byteLength(body, "latin1");
    body += `${id} 0 obj\n${objects[id] ?? "null"}\nendobj\n`;
  }
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id += 1) {
    body += `${String(offsets[id] ?? 0).padStart(10, "0")} 00000 n \n`;
  }
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** Extracts the shown text of a PDF made by {@link renderTextPdf} (for tests and checks). */
export function extractPdfText(pdf: Buffer): string {
  const text = pdf.toString("latin1");
  const reverse = new Map(
    Object.entries(WIN_ANSI_EXTRA).map(([character, byte]) => [byte, character]),
  );
  const lines: string[] = [];
  for (const match of text.matchAll(/\(((?:\\.|[^\\)])*)\) Tj/g)) {
    const literal = (match[1] ?? "")
      .replace(/\\([0-7]{3})/g, (_all, octal: string) => String.fromCharCode(parseInt(octal, 8)))
      .replace(/\\(.)/g, "$1");
    lines.push(
      [...literal].map((character) => reverse.get(character.charCodeAt(0)) ?? character).join(""),
    );
  }
  return lines.join("\n");
}
