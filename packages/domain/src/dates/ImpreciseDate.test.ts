import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatImpreciseDate, parseImpreciseDate, parseLeadingDate } from "./ImpreciseDate.ts";

describe("parseImpreciseDate", () => {
  it.each([
    ["2018-01-01", "2018-01-01", "2018-01-01"],
    ["2016-12", "2016-12-01", "2016-12-31"],
    ["2024-02", "2024-02-01", "2024-02-29"],
    ["1994", "1994-01-01", "1994-12-31"],
    ["2016/2017", "2016-01-01", "2017-12-31"],
    ["2011 (Herbst)", "2011-09-01", "2011-11-30"],
    ["2025 (1. Halbjahr)", "2025-01-01", "2025-06-30"],
    ["2017 (Juli–Dez.)", "2017-07-01", "2017-12-31"],
    ["2020 (3. Quartal)", "2020-07-01", "2020-09-30"],
  ])("reads %s as %s … %s and keeps the wording", (text, from, to) => {
    expect(parseImpreciseDate(text)).toEqual({ text, from, to });
  });

  it.each(["", "bald", "2018-13", "2018-02-30", "2017/2016", "2011 (irgendwann)"])(
    "rejects %j instead of guessing",
    (text) => {
      expect(parseImpreciseDate(text)).toBeUndefined();
    },
  );

  it("always yields a range whose start is not after its end", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        (year, month) => {
          const text = `${year}-${String(month).padStart(2, "0")}`;
          const parsed = parseImpreciseDate(text);
          expect(parsed).toBeDefined();
          expect(parsed!.from <= parsed!.to).toBe(true);
        },
      ),
    );
  });
});

describe("formatImpreciseDate", () => {
  it("shows an exact day in German form and keeps imprecise wording", () => {
    expect(formatImpreciseDate(parseImpreciseDate("2018-01-01")!)).toBe("01.01.2018");
    expect(formatImpreciseDate(parseImpreciseDate("2011 (Herbst)")!)).toBe("2011 (Herbst)");
  });
});

describe("parseLeadingDate", () => {
  it.each([
    ["2020-01-01 (Beschlussvorschlag)", "2020-01-01", "2020-01-01"],
    ["1971 (Betriebsaufnahme 1972 laut krz.de)", "1971-01-01", "1971-12-31"],
    ["2025 (1. Halbjahr)", "2025-01-01", "2025-06-30"],
  ])("reads the date leading %j", (text, from, to) => {
    expect(parseLeadingDate(text)).toEqual({ text, from, to });
  });

  it.each(["GbR seit 1991", "Wikipedia (Stand unbekannt, nach 2019)", "2016/17x"])(
    "gives up on %j",
    (text) => {
      expect(parseLeadingDate(text)).toBeUndefined();
    },
  );
});
