import { describe, expect, it } from "vitest";
import { parseGermanNumber } from "./parseGermanNumber.ts";

describe("parseGermanNumber", () => {
  it.each([
    ["1.234,50", 1234.5],
    ["1234,5", 1234.5],
    ["1234", 1234],
    ["1.234", 1234],
    ["12.345.678", 12_345_678],
    ["0,75", 0.75],
    [",5", undefined],
    ["1 234,50", 1234.5],
    ["1\u00a0234", 1234],
    ["  42  ", 42],
    ["1.234,50 €", 1234.5],
    ["€ 99", 99],
    ["-5", -5],
    ["−1.000,5", -1000.5],
    ["0", 0],
  ])("reads %j as %j", (text, expected) => {
    const parsed = parseGermanNumber(text);
    if (expected === undefined) expect(parsed).toEqual({ kind: "invalid" });
    else expect(parsed).toEqual({ kind: "number", value: expected });
  });

  it.each(["", "   ", "€"])("treats %j as empty, not as zero", (text) => {
    expect(parseGermanNumber(text)).toEqual({ kind: "empty" });
  });

  it.each(["1.5", "1234.50", "1,234.50", "12,34,5", "1.23.456", "abc", "1e3", "1,", "--5", "5-"])(
    "refuses %j instead of guessing",
    (text) => {
      expect(parseGermanNumber(text)).toEqual({ kind: "invalid" });
    },
  );
});
