/**
 * Month arithmetic on ISO dates (YYYY-MM-DD) with plain integers, so demo dates never depend on
 * the time zone of the machine that generates them.
 */

function parts(date: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`not an ISO date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function format(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The first of the month `months` months after the month of `date` (negative goes back). */
export function firstOfMonthAfter(date: string, months: number): string {
  const { year, month } = parts(date);
  const index = year * 12 + (month - 1) + months;
  return format(Math.floor(index / 12), (index % 12) + 1, 1);
}

/** Whole months from the month of `from` to the month of `to` (days ignored). */
export function monthsBetween(from: string, to: string): number {
  const a = parts(from);
  const b = parts(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** Firsts of months strictly after `from` and not after `to`, ascending. */
export function firstsOfMonthBetween(from: string, to: string): string[] {
  const result: string[] = [];
  for (let offset = 1; ; offset++) {
    const date = firstOfMonthAfter(from, offset);
    if (date > to) return result;
    result.push(date);
  }
}
