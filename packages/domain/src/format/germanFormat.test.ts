import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ENGLISH_NUMBER,
  ISO_DAY_IN_TEXT,
  formatCompact,
  formatCount,
  formatDateTime,
  formatDay,
  formatDecimal,
  formatEuro,
  formatEuroCents,
  formatInteger,
  formatIsoDate,
  formatNumber,
  formatPercent,
} from "./germanFormat.ts";

// Intl writes a narrow no-break space before "€" and "%"; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("German formats", () => {
  it("groups thousands with a dot and writes a decimal comma", () => {
    expect(formatInteger(17_890_489)).toBe("17.890.489");
    expect(formatInteger(30_662.67)).toBe("30.663");
    expect(formatDecimal(129.39)).toBe("129,39");
    expect(formatDecimal(0.68, 3)).toBe("0,680");
    expect(formatNumber(1234.5)).toBe("1.234,5");
    expect(formatNumber(3)).toBe("3");
    expect(formatNumber(-2_100_000)).toBe("-2.100.000");
  });

  it("writes euros whole or with cents and shares as percent", () => {
    expect(plain(formatEuro(1_234_567.8))).toBe("1.234.568 €");
    expect(plain(formatEuroCents(355.5))).toBe("355,50 €");
    expect(plain(formatPercent(0.374))).toBe("37,4 %");
    expect(plain(formatPercent(0.00123, 2))).toBe("0,12 %");
  });

  it("writes a part of a whole with separators", () => {
    expect(formatCount(5534, 46_337)).toBe("5.534 von 46.337");
  });

  it("shortens millions and billions for chart axes", () => {
    expect(formatCompact(25_000_000)).toBe("25 Mio.");
    expect(formatCompact(-2_100_000)).toBe("-2,1 Mio.");
    expect(formatCompact(3_400_000_000)).toBe("3,4 Mrd.");
    expect(formatCompact(250_000)).toBe("250.000");
  });

  it("writes days as TT.MM.JJJJ in German time", () => {
    expect(formatIsoDate("2018-01-01")).toBe("01.01.2018");
    expect(formatIsoDate("2011 (Herbst)")).toBe("2011 (Herbst)");
    expect(formatDay("2025-03-05T23:30:00Z")).toBe("06.03.2025");
    expect(formatDay("2024-06-30")).toBe("30.06.2024");
    expect(formatDateTime("2025-03-05T13:30:00Z")).toBe("05.03.2025, 14:30");
    expect(formatDateTime("2025-07-05T13:30:05Z", { seconds: true })).toBe("05.07.2025, 15:30:05");
  });

  it("writes a dash for missing values", () => {
    for (const format of [
      formatInteger,
      formatNumber,
      formatEuro,
      formatPercent,
      formatCompact,
      formatIsoDate,
      formatDay,
    ]) {
      expect(format(null)).toBe("–");
      expect(format(undefined)).toBe("–");
    }
    expect(formatNumber(Number.NaN)).toBe("–");
  });

  it("never writes a number the English pattern finds", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (value) => {
        for (const text of [
          formatInteger(value),
          formatNumber(value),
          formatDecimal(value, 3),
          formatEuro(value),
          formatCompact(value),
        ]) {
          expect(text).not.toMatch(ENGLISH_NUMBER);
        }
      }),
    );
  });

  it("finds English numbers and ISO days in a text, not German ones", () => {
    expect("Kosten 25,000,000 €").toMatch(ENGLISH_NUMBER);
    expect("Saldo -2,100,000").toMatch(ENGLISH_NUMBER);
    expect("1,234.5 Einwohner").toMatch(ENGLISH_NUMBER);
    expect("25.000.000 € · HHI 0,993 · 1,000 · 30.662,67").not.toMatch(ENGLISH_NUMBER);
    expect("Stand 2024-06-30.").toMatch(ISO_DAY_IN_TEXT);
    expect("Stand 30.06.2024, AGS 05766020, Version 2024-06-30-a").not.toMatch(ISO_DAY_IN_TEXT);
  });
});
