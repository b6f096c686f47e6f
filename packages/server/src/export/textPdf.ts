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

/** A table: a bold header row and rows of cells; columns share the width by `widths`. */
export interface PdfTable {
  kind: "table";
  columns: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
  /** Relative column widths (default: equal). */
  widths?: readonly number[];
}

/** A polygon of a map: rings of [longitude, latitude]; highlighted ones are filled darker. */
export interface PdfMapShape {
  rings: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  highlight?: boolean;
}

/** A simple vector map (outlines of areas), scaled into the text width. */
export interface PdfMap {
  kind: "map";
  shapes: readonly PdfMapShape[];
  height: number;
}

/** One block of the document. */
export type PdfBlock = PdfLine | PdfTable | PdfMap;

/** Document metadata (PDF/UA asks for title shown and language set). */
export interface PdfOptions {
  /** BCP 47 language of the document (default de-DE). */
  language?: string;
  subject?: string;
}

const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const TABLE = { size: 9, leading: 12 } as const;

class PageWriter {
  readonly pages: string[][] = [[]];
  y = PAGE_HEIGHT - MARGIN;

  /** Makes room for `height` points, starting a new page when needed. */
  need(height: number): void {
    if (this.y - height < MARGIN) {
      this.pages.push([]);
      this.y = PAGE_HEIGHT - MARGIN;
    }
  }

  add(command: string): void {
    this.pages.at(-1)?.push(command);
  }

  text(x: number, y: number, font: string, size: number, text: string): void {
    this.add(
      `BT /${font} ${size} Tf ${x.toFixed(1)} ${y.toFixed(1)} Td (${toWinAnsiLiteral(text)}) Tj ET`,
    );
  }
}

function writeLine(writer: PageWriter, line: PdfLine): void {
  const style = STYLES[line.style ?? "body"];
  for (const part of wrap(line.text, style.wrap)) {
    writer.need(style.leading);
    writer.y -= style.leading;
    writer.text(MARGIN, writer.y, style.font, style.size, part);
  }
}

function writeTable(writer: PageWriter, table: PdfTable): void {
  const weights = table.widths ?? table.columns.map(() => 1);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const widths = weights.map((weight) => (weight / totalWeight) * TEXT_WIDTH);
  // Helvetica averages about half the font size per character.
  const chars = widths.map((width) => Math.max(4, Math.floor((width - 6) / (TABLE.size * 0.5))));
  const row = (cells: readonly string[], font: string) => {
    const wrapped = cells.map((cell, index) => wrap(cell, chars[index] ?? 10));
    const lines = Math.max(1, ...wrapped.map((parts) => parts.length));
    writer.need(lines * TABLE.leading + 3);
    let x = MARGIN;
    wrapped.forEach((parts, index) => {
      parts.forEach((part, lineIndex) => {
        if (part.length > 0)
          writer.text(x, writer.y - (lineIndex + 1) * TABLE.leading, font, TABLE.size, part);
      });
      x += widths[index] ?? 0;
    });
    writer.y -= lines * TABLE.leading + 3;
  };
  writer.need(TABLE.leading * 2 + 6);
  row(table.columns, "F2");
  writer.add(
    `0.5 w ${MARGIN} ${(writer.y + 1).toFixed(1)} m ${MARGIN + TEXT_WIDTH} ${(writer.y + 1).toFixed(1)} l S`,
  );
  for (const cells of table.rows) row(cells, "F1");
  writer.y -= 4;
}

function writeMap(writer: PageWriter, map: PdfMap): void {
  const points = map.shapes.flatMap((shape) => shape.rings.flat());
  if (points.length === 0) return;
  const longitudes = points.map((point) => point[0]);
  const latitudes = points.map((point) => point[1]);
  const [west, east] = [Math.min(...longitudes), Math.max(...longitudes)];
  const [south, north] = [Math.min(...latitudes), Math.max(...latitudes)];
  // Equirectangular with the cosine of the mean latitude: good enough at the scale of NRW.
  const xScale = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = Math.max((east - west) * xScale, 1e-9);
  const spanY = Math.max(north - south, 1e-9);
  const scale = Math.min(TEXT_WIDTH / spanX, map.height / spanY);
  writer.need(map.height + 8);
  const top = writer.y - 4;
  const left = MARGIN + (TEXT_WIDTH - spanX * scale) / 2;
  const project = ([longitude, latitude]: readonly [number, number]) =>
    `${(left + (longitude - west) * xScale * scale).toFixed(1)} ${(top - (north - latitude) * scale).toFixed(1)}`;
  writer.add("q 0.4 w 0.25 G");
  for (const shape of map.shapes) {
    const path = shape.rings
      .filter((ring) => ring.length > 2)
      .map(
        (ring) =>
          `${ring.map((point, index) => `${project(point)} ${index === 0 ? "m" : "l"}`).join(" ")} h`,
      )
      .join(" ");
    if (path.length > 0) writer.add(`${shape.highlight ? "0.72" : "0.93"} g ${path} B`);
  }
  writer.add("Q");
  writer.y -= map.height + 8;
}

/** Renders lines, tables and maps to a PDF document (title shown, language set). */
export function renderTextPdf(
  title: string,
  blocks: readonly PdfBlock[],
  options: PdfOptions = {},
): Buffer {
  const writer = new PageWriter();
  for (const block of blocks) {
    if ("kind" in block) {
      if (block.kind === "table") writeTable(writer, block);
      else writeMap(writer, block);
    } else {
      writeLine(writer, block);
    }
  }
  const pages = writer.pages;
  // Objects: 1 catalog, 2 pages, 3 Helvetica, 4 Helvetica-Bold, 5 info, then page + content pairs.
  const objects: string[] = [];
  const pageIds = pages.map((_page, index) => 6 + index * 2);
  objects[1] =
    `<< /Type /Catalog /Pages 2 0 R /Lang (${toWinAnsiLiteral(options.language ?? "de-DE")}) ` +
    "/ViewerPreferences << /DisplayDocTitle true >> >>";
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  objects[4] =
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>";
  objects[5] =
    `<< /Title (${toWinAnsiLiteral(title)}) /Producer (IT-Atlas NRW)` +
    `${options.subject ? ` /Subject (${toWinAnsiLiteral(options.subject)})` : ""} >>`;
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
