/**
 * Normalisers for what spreadsheets do to data: German number formats, dd.mm.yyyy dates and
 * Excel date serials, keys that lost their leading zero, stray spaces and the apostrophe
 * with which our own exports neutralise formula-like text. Each returns a value or a German
 * message; none throws.
 */

/** A cell as read from CSV (always text) or XLSX (text, number, boolean or date). */
export type RawCell = string | number | boolean | Date | null;

/** A parsed value or a German message why the cell is not acceptable. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(message: string): CellResult<T> => ({ ok: false, message });

// Our exports prefix these with an apostrophe (formula injection); undo it on the way in.
const NEUTRALISED = /^'[=+\-@\t\r]/;

/**
 * A cell as trimmed text, or null when empty. Non-breaking spaces count as spaces; an
 * apostrophe in front of `= + - @` (added by our exports) is removed.
 */
export function cellText(raw: RawCell): string | null {
  if (raw === null) return null;
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : toIsoDate(raw);
  if (typeof raw === "number") return Number.isFinite(raw) ? String(raw) : null;
  if (typeof raw === "boolean") return raw ? "ja" : "nein";
  const text = raw.replace(/[\u00a0\u2007\u202f]/g, " ").trim();
  if (text === "") return null;
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

/**
 * Reads a number written the German way ("1.234,56", "1 234,5", "12,5 %" is refused) or
 * the international way ("1234.56", "1,234.56"). A single separator followed by exactly
 * three digits is a thousands separator ("1.234" = 1234), as German Excel writes it.
 */
export function parseNumber(raw: RawCell): CellResult<number | null> {
  if (typeof raw === "number") {
    return Number.isFinite(raw) ? ok(raw) : fail("ist keine gültige Zahl");
  }
  if (raw instanceof Date || typeof raw === "boolean") return fail("ist keine Zahl");
  const text = cellText(raw);
  if (text === null) return ok(null);
  let compact = text.replace(/\s|€|EUR/gi, "").replace(/'/g, "");
  let sign = 1;
  if (compact.startsWith("-")) {
    sign = -1;
    compact = compact.slice(1);
  } else if (compact.startsWith("+")) {
    compact = compact.slice(1);
  }
  if (!/^[\d.,]+$/.test(compact) || !/\d/.test(compact)) {
    return fail("ist keine Zahl (Beispiel: 1.234,56)");
  }
  const lastComma = compact.lastIndexOf(",");
  const lastDot = compact.lastIndexOf(".");
  let normalised: string;
  if (lastComma >= 0 && lastDot >= 0) {
    // Both: the later one is the decimal separator, the other groups thousands.
    const decimal = lastComma > lastDot ? "," : ".";
    const group = decimal === "," ? "." : ",";
    const [whole = "", fraction = "", ...rest] = compact.split(decimal);
    if (rest.length > 0 || fraction.includes(group)) return fail("ist keine gültige Zahl");
    if (!validGrouping(whole, group)) return fail("hat falsch gesetzte Tausenderpunkte");
    normalised = `${whole.replaceAll(group, "")}.${fraction}`;
  } else if (lastComma >= 0 || lastDot >= 0) {
    const separator = lastComma >= 0 ? "," : ".";
    const parts = compact.split(separator);
    if (parts.length > 2) {
      // "1.234.567": only thousands separators.
      if (!validGrouping(compact, separator)) return fail("hat falsch gesetzte Tausenderpunkte");
      normalised = compact.replaceAll(separator, "");
    } else if (separator === "." && /^\d{1,3}\.\d{3}$/.test(compact)) {
      normalised = compact.replace(".", "");
    } else {
      normalised = parts.join(".");
    }
  } else {
    normalised = compact;
  }
  if (normalised.startsWith(".")) normalised = `0${normalised}`;
  if (normalised.endsWith(".")) normalised = normalised.slice(0, -1);
  const value = Number(normalised);
  return Number.isFinite(value) ? ok(sign * value) : fail("ist keine gültige Zahl");
}

function validGrouping(whole: string, group: string): boolean {
  if (!whole.includes(group)) return /^\d+$/.test(whole);
  return new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(whole);
}

/** Excel's day 0 is 30.12.1899 (it counts the non-existent 29.02.1900, so day 60 is skipped). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** The ISO date (YYYY-MM-DD) of a Date, read in UTC as exceljs produces them. */
export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function isoFromParts(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null;
  if (date.getUTCDate() !== day) return null;
  return toIsoDate(date);
}

/** An Excel date serial (days since 30.12.1899) as an ISO date; null outside 1900–9999. */
export function excelSerialToIsoDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  return toIsoDate(new Date(EXCEL_EPOCH + Math.floor(serial) * DAY));
}

/**
 * Reads a date: a date cell, an Excel serial number (also as text, e.g. "45292"),
 * dd.mm.yyyy (also d.m.yy → 20yy), or ISO yyyy-mm-dd. Returns an ISO date.
 */
export function parseDate(raw: RawCell): CellResult<string | null> {
  if (raw instanceof Date) {
    return Number.isNaN(raw.getTime()) ? fail("ist kein gültiges Datum") : ok(toIsoDate(raw));
  }
  if (typeof raw === "number") {
    const iso = Number.isInteger(raw) ? excelSerialToIsoDate(raw) : null;
    return iso ? ok(iso) : fail("ist kein gültiges Datum (TT.MM.JJJJ)");
  }
  if (typeof raw === "boolean") return fail("ist kein Datum");
  const text = cellText(raw);
  if (text === null) return ok(null);
  let match = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(text);
  if (match) {
    const year = Number(match[3]);
    const iso = isoFromParts(year < 100 ? 2000 + year : year, Number(match[2]), Number(match[1]));
    return iso ? ok(iso) : fail("ist kein gültiges Datum (TT.MM.JJJJ)");
  }
  match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (match) {
    const iso = isoFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
    return iso ? ok(iso) : fail("ist kein gültiges Datum (TT.MM.JJJJ)");
  }
  if (/^\d{4,5}$/.test(text)) {
    const iso = excelSerialToIsoDate(Number(text));
    if (iso) return ok(iso);
  }
  return fail("ist kein Datum (erwartet TT.MM.JJJJ, z. B. 01.01.2026)");
}

/**
 * Reads the key of a Kommune: AGS (8 digits), Kreisschlüssel (5 digits) or ARS (12 digits).
 * Restores the leading zero spreadsheets drop from NRW keys (5766020 → 05766020); accepts
 * the key as a number cell. Returns the key as text; the caller resolves an ARS.
 */
export function parseOrganisationKey(raw: RawCell): CellResult<string | null> {
  let text: string | null;
  if (typeof raw === "number") {
    text = Number.isInteger(raw) && raw >= 0 ? String(raw) : null;
    if (text === null) return fail("ist kein Gemeindeschlüssel");
  } else if (raw instanceof Date || typeof raw === "boolean") {
    return fail("ist kein Gemeindeschlüssel");
  } else {
    text = cellText(raw);
  }
  if (text === null) return ok(null);
  const digits = text.replace(/\s/g, "");
  if (/^5\d{3}$|^5\d{6}$|^5\d{10}$/.test(digits)) return ok(`0${digits}`);
  if (/^05\d{3}$|^05\d{6}$|^05\d{10}$/.test(digits)) return ok(digits);
  return fail(
    "ist kein NRW-Schlüssel (AGS 8-stellig, Kreisschlüssel 5-stellig oder ARS 12-stellig, beginnend mit 05)",
  );
}

/** Reads a choice by its code or German label (case and spacing do not matter). */
export function parseChoice<T extends string>(
  raw: RawCell,
  choices: ReadonlyArray<{ value: T; label: string }>,
): CellResult<T | null> {
  const text = cellText(raw);
  if (text === null) return ok(null);
  const wanted = comparable(text);
  const found = choices.find(
    (choice) => comparable(choice.value) === wanted || comparable(choice.label) === wanted,
  );
  return found
    ? ok(found.value)
    : fail(
        `ist kein zulässiger Wert (erlaubt: ${choices.map((choice) => choice.label).join(", ")})`,
      );
}

/** Text compared without case, surrounding or repeated spaces. */
export function comparable(text: string): string {
  // toLowerCase, not toLocaleLowerCase: the same for German text and far faster per cell.
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}
