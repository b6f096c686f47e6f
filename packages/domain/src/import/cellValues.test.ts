import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cellText,
  excelSerialToIsoDate,
  parseChoice,
  parseDate,
  parseNumber,
  parseOrganisationKey,
} from "./cellValues.ts";

describe("parseNumber", () => {
  it.each<[string | number, number | null]>([
    ["1.234,56", 1234.56],
    ["1234,56", 1234.56],
    ["1234.56", 1234.56],
    ["1,234.56", 1234.56],
    ["1.234", 1234],
    ["1.234.567", 1_234_567],
    ["1 234 567,5", 1_234_567.5],
    ["1\u00a0234,5", 1234.5],
    ["12,5", 12.5],
    [" 7 ", 7],
    ["-3,5", -3.5],
    ["125.000 €", 125_000],
    ["0,5", 0.5],
    [",5", 0.5],
    ["", null],
    ["   ", null],
    [42, 42],
  ])("reads %j as %j", (input, expected) => {
    expect(parseNumber(input)).toEqual({ ok: true, value: expected });
  });

  it.each(["abc", "1,2,3,4", "1.23.4", "12%", "1e5", "--1"])("refuses %j", (input) => {
    expect(parseNumber(input).ok).toBe(false);
  });

  it("reads every amount as German Excel formats it", () => {
    const german = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 2 });
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        const value = cents / 100;
        expect(parseNumber(german.format(value))).toEqual({ ok: true, value });
      }),
    );
  });

  it("reads every amount with two decimals as English Excel formats it", () => {
    const english = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (cents) => {
        expect(parseNumber(english.format(cents / 100))).toEqual({ ok: true, value: cents / 100 });
      }),
    );
  });

  it("never throws, whatever the text", () => {
    fc.assert(fc.property(fc.string(), (text) => void parseNumber(text)));
  });
});

describe("parseDate", () => {
  it.each<[string | number | Date, string | null]>([
    ["01.01.2026", "2026-01-01"],
    ["1.2.2026", "2026-02-01"],
    ["31.12.99", "2099-12-31"],
    ["2026-03-15", "2026-03-15"],
    ["2026-03-15T00:00:00.000Z", "2026-03-15"],
    [45292, "2024-01-01"],
    ["45292", "2024-01-01"],
    [new Date(Date.UTC(2025, 5, 30)), "2025-06-30"],
    ["", null],
  ])("reads %j as %j", (input, expected) => {
    expect(parseDate(input)).toEqual({ ok: true, value: expected });
  });

  it.each(["31.02.2026", "2026-13-01", "morgen", "01/02/2026", 1.5, -3])("refuses %j", (input) => {
    expect(parseDate(input).ok).toBe(false);
  });

  it("reads dd.mm.yyyy, Excel serials and date cells of any day alike", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1900-03-01T00:00:00Z"),
          max: new Date("9999-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        (instant) => {
          const day = new Date(
            Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()),
          );
          const iso = day.toISOString().slice(0, 10);
          const [year, month, date] = iso.split("-");
          expect(parseDate(`${date}.${month}.${year}`)).toEqual({ ok: true, value: iso });
          expect(parseDate(day)).toEqual({ ok: true, value: iso });
          const serial = Math.round((day.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
          expect(parseDate(serial)).toEqual({ ok: true, value: iso });
        },
      ),
    );
  });

  it("counts Excel serials from 30.12.1899", () => {
    expect(excelSerialToIsoDate(1)).toBe("1899-12-31");
    expect(excelSerialToIsoDate(61)).toBe("1900-03-01");
    expect(excelSerialToIsoDate(0)).toBeNull();
  });
});

describe("parseOrganisationKey", () => {
  it.each<[string | number, string | null]>([
    ["05766020", "05766020"],
    ["5766020", "05766020"],
    [5766020, "05766020"],
    ["5766", "05766"],
    [" 05766 ", "05766"],
    ["057660020020", "057660020020"],
    ["57660020020", "057660020020"],
    ["", null],
  ])("reads %j as %j", (input, expected) => {
    expect(parseOrganisationKey(input)).toEqual({ ok: true, value: expected });
  });

  it.each(["09162000", "abc", "0576602", 5766020.5])("refuses %j", (input) => {
    expect(parseOrganisationKey(input).ok).toBe(false);
  });

  it("repairs any NRW key that a spreadsheet turned into a number", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^05\d{6}$/), (ags) => {
        expect(parseOrganisationKey(Number(ags))).toEqual({ ok: true, value: ags });
        expect(parseOrganisationKey(ags.slice(1))).toEqual({ ok: true, value: ags });
      }),
    );
  });
});

describe("cellText and parseChoice", () => {
  it.each<[string | null, string | null]>([
    ["  Detmold  ", "Detmold"],
    ["\u00a0Lemgo\u00a0", "Lemgo"],
    ["'=SUMME(A1)", "=SUMME(A1)"],
    ["'-", "-"],
    ["'normal", "'normal"],
    ["   ", null],
    [null, null],
  ])("reads %j as %j", (input, expected) => {
    expect(cellText(input)).toBe(expected);
  });

  it("accepts a choice by code or label, regardless of case and spaces", () => {
    const choices = [{ value: "it_dienstleister", label: "IT-Dienstleister" }];
    expect(parseChoice(" it-dienstleister ", choices)).toEqual({
      ok: true,
      value: "it_dienstleister",
    });
    expect(parseChoice("it_dienstleister", choices)).toEqual({
      ok: true,
      value: "it_dienstleister",
    });
    expect(parseChoice("Cloud", choices)).toMatchObject({ ok: false });
  });
});
