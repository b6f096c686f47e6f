import { z } from "zod";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is a real calendar day written JJJJ-MM-TT (no 2026-02-30, no 2026-13-45). */
export function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * A calendar date as JJJJ-MM-TT: the one definition every schema uses (issue 15.2, 18.2).
 * The pattern shows in the OpenAPI document; the calendar check refuses impossible days.
 */
export const IsoDate = z
  .string()
  .regex(ISO_DATE, "muss ein Datum JJJJ-MM-TT sein")
  .refine(isCalendarDate, "ist kein gültiges Kalenderdatum");
export type IsoDate = z.infer<typeof IsoDate>;
