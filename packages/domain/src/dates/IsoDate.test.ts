import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IsoDate, isCalendarDate } from "./IsoDate.ts";

describe("IsoDate", () => {
  it("accepts real days, leap days included", () => {
    for (const value of ["2026-01-31", "2024-02-29", "2000-02-29", "1999-12-31"]) {
      expect(IsoDate.safeParse(value).success).toBe(true);
    }
  });

  it("refuses impossible days with a German message", () => {
    for (const value of ["2026-02-30", "2026-13-45", "2025-02-29", "1900-02-29", "2026-04-31"]) {
      const result = IsoDate.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("ist kein gültiges Kalenderdatum");
    }
    expect(IsoDate.safeParse("7.12.2026").error?.issues[0]?.message).toBe(
      "muss ein Datum JJJJ-MM-TT sein",
    );
  });

  it("agrees with the calendar for every day written JJJJ-MM-TT", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        (year, month, day) => {
          const text = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
          const daysInMonth =
            month >= 1 && month <= 12 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 0;
          expect(isCalendarDate(text)).toBe(day >= 1 && day <= daysInMonth);
        },
      ),
    );
  });
});
