import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safeReturnPath.ts";

describe("safeReturnPath", () => {
  it.each([
    ["/landkarte?bereich=wahlen", "/landkarte?bereich=wahlen"],
    ["/kommunen/05766020", "/kommunen/05766020"],
    [null, "/"],
    ["", "/"],
    ["https://example.org/", "/"],
    ["//example.org/pfad", "/"],
    ["/\\example.org", "/"],
    ["javascript:alert(1)", "/"],
    ["/anmelden?zurueck=/x", "/"],
  ])("returns %j as %j", (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });
});
