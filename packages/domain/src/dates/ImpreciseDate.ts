import { z } from "zod";
import { IsoDate } from "./IsoDate.ts";

/**
 * A date as precise as its source: the original wording plus the earliest and latest day it
 * can mean. "2011 (Herbst)", "2016/2017" and "2025 (1. Halbjahr)" occur in the sourced events.
 */
export const ImpreciseDate = z
  .object({
    text: z.string(),
    from: IsoDate,
    to: IsoDate,
  })
  .meta({ id: "ImpreciseDate" });
export type ImpreciseDate = z.infer<typeof ImpreciseDate>;

const GERMAN_MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mär: 3,
  mar: 3,
  apr: 4,
  mai: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  okt: 10,
  nov: 11,
  dez: 12,
};

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDay(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

function monthRange(year: number, fromMonth: number, toMonth: number): [string, string] {
  return [isoDay(year, fromMonth, 1), isoDay(year, toMonth, lastDayOfMonth(year, toMonth))];
}

function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(year, month);
}

/** Month number for a German month word or abbreviation ("Juli", "Dez."), if any. */
function germanMonth(word: string): number | undefined {
  return GERMAN_MONTHS[word.trim().toLowerCase().replace(/\.$/, "").slice(0, 3)];
}

/**
 * Parses the date wordings used in the sourced data into a range. Returns undefined for
 * wording it does not understand, so callers can keep the text and flag it.
 */
export function parseImpreciseDate(input: string): ImpreciseDate | undefined {
  const text = input.trim();
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (!isValidDay(year, month, day)) return undefined;
    return { text, from: text, to: text };
  }
  match = /^(\d{4})-(\d{2})$/.exec(text);
  if (match) {
    const [year, month] = [Number(match[1]), Number(match[2])];
    if (month < 1 || month > 12) return undefined;
    const [from, to] = monthRange(year, month, month);
    return { text, from, to };
  }
  match = /^(\d{4})$/.exec(text);
  if (match) {
    const [from, to] = monthRange(Number(match[1]), 1, 12);
    return { text, from, to };
  }
  match = /^(\d{4})\/(\d{4})$/.exec(text);
  if (match) {
    const [first, second] = [Number(match[1]), Number(match[2])];
    if (second < first) return undefined;
    return { text, from: isoDay(first, 1, 1), to: isoDay(second, 12, 31) };
  }
  match = /^(\d{4})\s*\((.+)\)$/.exec(text);
  if (match) {
    const year = Number(match[1]);
    const qualifier = (match[2] ?? "").trim().toLowerCase();
    const range = qualifierRange(year, qualifier);
    return range ? { text, from: range[0], to: range[1] } : undefined;
  }
  return undefined;
}

function qualifierRange(year: number, qualifier: string): [string, string] | undefined {
  if (qualifier === "1. halbjahr") return monthRange(year, 1, 6);
  if (qualifier === "2. halbjahr") return monthRange(year, 7, 12);
  const quarter = /^([1-4])\. quartal$/.exec(qualifier);
  if (quarter) {
    const first = (Number(quarter[1]) - 1) * 3 + 1;
    return monthRange(year, first, first + 2);
  }
  // Meteorological seasons; winter is left out because it spans two years.
  if (qualifier === "frühjahr" || qualifier === "frühling") return monthRange(year, 3, 5);
  if (qualifier === "sommer") return monthRange(year, 6, 8);
  if (qualifier === "herbst") return monthRange(year, 9, 11);
  const span = /^([a-zäö]+\.?)\s*[–-]\s*([a-zäö]+\.?)$/.exec(qualifier);
  if (span) {
    const first = germanMonth(span[1] ?? "");
    const last = germanMonth(span[2] ?? "");
    if (first !== undefined && last !== undefined && first <= last) {
      return monthRange(year, first, last);
    }
  }
  return undefined;
}

/** German display of a range's precision, e.g. "01.01.2018" or "2011 (Herbst)". */
export function formatImpreciseDate(date: ImpreciseDate): string {
  if (date.from === date.to) {
    const [year, month, day] = date.from.split("-");
    return `${day}.${month}.${year}`;
  }
  return date.text;
}

/**
 * Like {@link parseImpreciseDate}, but also reads the date that leads a longer wording
 * ("2020-01-01 (Beschlussvorschlag)", "1971 (Betriebsaufnahme 1972)"). The range comes from
 * the leading date; `text` keeps the whole wording.
 */
export function parseLeadingDate(input: string): ImpreciseDate | undefined {
  const whole = parseImpreciseDate(input);
  if (whole) return whole;
  const leading = /^(\d{4}(?:-\d{2}){0,2})(?![\d/-])/.exec(input.trim());
  if (!leading?.[1]) return undefined;
  const parsed = parseImpreciseDate(leading[1]);
  return parsed ? { ...parsed, text: input.trim() } : undefined;
}
