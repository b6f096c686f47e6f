import { describe, expect, it } from "vitest";
import { extractPdfText, renderTextPdf, toWinAnsiLiteral } from "./textPdf.ts";

describe("renderTextPdf", () => {
  it("writes a PDF 1.4 whose German text is extractable", () => {
    const pdf = renderTextPdf("IT-Strategie Blomberg", [
      { text: "IT-Strategie der Stadt Blomberg", style: "title" },
      { text: "Meldewesen: „vor Ort“ – Begründung: Bürgerbüro (Kosten 1.200 €, Größe ß)" },
    ]);
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-1.4")).toBe(true);
    expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
    expect(text).toContain("/WinAnsiEncoding");
    expect(extractPdfText(pdf)).toContain(
      "Meldewesen: „vor Ort“ – Begründung: Bürgerbüro (Kosten 1.200 €, Größe ß)",
    );
  });

  it("points the cross-reference table at every object", () => {
    const pdf = renderTextPdf(
      "x",
      Array.from({ length: 120 }, (_v, index) => ({ text: `Zeile ${index}` })),
    );
    const text = pdf.toString("latin1");
    const start = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(start, start + 4)).toBe("xref");
    const offsets = [...text.slice(start).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) =>
      Number(match[1]),
    );
    offsets.forEach((offset, index) =>
      expect(text.slice(offset, offset + 12)).toMatch(new RegExp(`^${index + 1} 0 obj`)),
    );
    expect(text).toContain("/Count 3");
  });

  it("escapes parentheses and backslashes", () => {
    expect(toWinAnsiLiteral("a(b)\\c")).toBe("a\\(b\\)\\\\c");
  });
});

describe("renderTextPdf blocks", () => {
  it("sets tables as extractable text and draws maps as filled paths", () => {
    const pdf = renderTextPdf(
      "Bericht",
      [
        { kind: "table", columns: ["Kennzahl", "Wert"], rows: [["Einwohner", "348.030"]] },
        {
          kind: "map",
          height: 100,
          shapes: [
            {
              rings: [
                [
                  [8.5, 51.8],
                  [9.2, 51.8],
                  [9.2, 52.1],
                  [8.5, 51.8],
                ],
              ],
              highlight: true,
            },
          ],
        },
      ],
      { subject: "Test" },
    );
    const text = pdf.toString("latin1");
    expect(extractPdfText(pdf)).toBe("Kennzahl\nWert\nEinwohner\n348.030");
    expect(text).toMatch(/0\.72 g [\d. ]+ m [\d. ]+ l [\d. ]+ l [\d. ]+ l h B/);
    expect(text).toContain("/Lang (de-DE)");
    expect(text).toContain("/Subject (Test)");
  });
});
