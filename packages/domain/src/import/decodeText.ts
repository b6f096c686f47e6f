/** How a text file was decoded. */
export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "windows-1252";

/**
 * Decodes the bytes of a CSV file the way Excel may have saved it: UTF-8 with or without a
 * byte order mark, UTF-16 LE with BOM ("Unicode-Text"), or Windows-1252 ("CSV (Trennzeichen-
 * getrennt)" of German Excel). UTF-8 is tried strictly first; bytes that are not valid UTF-8
 * are read as Windows-1252, which every byte sequence is.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

// 0x80–0x9F of Windows-1252 (undefined positions stay as their C1 code point). Some Node
// versions decode the label "windows-1252" as ISO-8859-1, so these 32 bytes are mapped here.
const WINDOWS_1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/** Decodes Windows-1252 (every byte is a character). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = new TextDecoder("latin1").decode(bytes);
  return latin1.replace(
    /[\u0080-\u009f]/g,
    (character) => WINDOWS_1252_HIGH[character.charCodeAt(0) - 0x80] ?? character,
  );
}

/** True when the text looks like binary data rather than a CSV file (NUL or many control characters). */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.includes("\u0000")) return true;
  let control = 0;
  for (const character of sample) {
    const code = character.charCodeAt(0);
    if (code < 32 && code !== 9 && code !== 10 && code !== 13) control += 1;
  }
  return sample.length > 0 && control / sample.length > 0.01;
}

// UTF-8 read as Windows-1252 turns „ä“ into „Ã¤“, „ß“ into „ÃŸ“, „–“ into „â€““ and „€“ into
// „â‚¬“ (a lead byte, then a continuation byte); a lost byte leaves the replacement character.
const MISDECODED =
  /[ÃÂâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]|\ufffd/u;

/** True when text shows the typical traces of a wrong character encoding („Ã¤“ for „ä“). */
export function looksMisdecoded(text: string): boolean {
  return MISDECODED.test(text);
}
